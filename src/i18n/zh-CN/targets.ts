import type { Translation } from '../message.js';
import type { targets as en } from '../en/targets.js';

/** 简体中文：targets 部分。术语见 docs/glossary.zh-CN.md。 */
export const targets: Translation<typeof en> = {};
