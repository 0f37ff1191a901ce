import type { Translation } from '../message.js';
import type { sync as en } from '../en/sync.js';

/** 简体中文：sync 部分。术语见 docs/glossary.zh-CN.md。 */
export const sync: Translation<typeof en> = {};
