import type { Translation } from '../message.js';
import type { secrets as en } from '../en/secrets.js';

/** 简体中文：secrets 部分。术语见 docs/glossary.zh-CN.md。 */
export const secrets: Translation<typeof en> = {};
