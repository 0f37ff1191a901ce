import type { Translation } from '../message.js';
import type { tools as en } from '../en/tools.js';

/** 简体中文：tools 部分。术语见 docs/glossary.zh-CN.md。 */
export const tools: Translation<typeof en> = {};
