import type { Translation } from '../message.js';
import type { platform as en } from '../en/platform.js';

/** 简体中文：platform 部分。术语见 docs/glossary.zh-CN.md。 */
export const platform: Translation<typeof en> = {};
