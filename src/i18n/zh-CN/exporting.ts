import type { Translation } from '../message.js';
import type { exporting as en } from '../en/exporting.js';

/** 简体中文：exporting 部分。术语见 docs/glossary.zh-CN.md。 */
export const exporting: Translation<typeof en> = {};
