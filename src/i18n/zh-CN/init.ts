import type { Translation } from '../message.js';
import type { init as en } from '../en/init.js';

/** 简体中文：init 部分。术语见 docs/glossary.zh-CN.md。 */
export const init: Translation<typeof en> = {};
