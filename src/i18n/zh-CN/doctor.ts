import type { Translation } from '../message.js';
import type { doctor as en } from '../en/doctor.js';

/** 简体中文：doctor 部分。术语见 docs/glossary.zh-CN.md。 */
export const doctor: Translation<typeof en> = {};
