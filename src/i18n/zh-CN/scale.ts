import type { Translation } from '../message.js';
import type { scale as en } from '../en/scale.js';

/** 简体中文：scale 部分。术语见 docs/glossary.zh-CN.md。 */
export const scale: Translation<typeof en> = {};
