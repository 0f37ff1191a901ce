import type { Translation } from '../message.js';
import type { config as en } from '../en/config.js';

/** 简体中文：config 部分。术语见 docs/glossary.zh-CN.md。 */
export const config: Translation<typeof en> = {};
