import type { Translation } from '../message.js';
import type { gateway as en } from '../en/gateway.js';

/** 简体中文：gateway 部分。术语见 docs/glossary.zh-CN.md。 */
export const gateway: Translation<typeof en> = {};
