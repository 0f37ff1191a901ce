import type { Translation } from '../message.js';
import type { importers as en } from '../en/importers.js';

/** 简体中文：importers 部分。术语见 docs/glossary.zh-CN.md。 */
export const importers: Translation<typeof en> = {};
