import type { Translation } from '../message.js';
import type { fs as en } from '../en/fs.js';

/** 简体中文：fs 部分。术语见 docs/glossary.zh-CN.md。 */
export const fs: Translation<typeof en> = {};
