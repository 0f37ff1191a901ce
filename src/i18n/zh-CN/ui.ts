import type { Translation } from '../message.js';
import type { ui as en } from '../en/ui.js';

/** 简体中文：ui 部分。术语见 docs/glossary.zh-CN.md。 */
export const ui: Translation<typeof en> = {};
