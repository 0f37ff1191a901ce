import type { Translation } from '../message.js';
import type { proxy as en } from '../en/proxy.js';

/** 简体中文：proxy 部分。术语见 docs/glossary.zh-CN.md。 */
export const proxy: Translation<typeof en> = {};
