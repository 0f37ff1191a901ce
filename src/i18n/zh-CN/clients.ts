import type { Translation } from '../message.js';
import type { clients as en } from '../en/clients.js';

/** 简体中文：clients 部分。术语见 docs/glossary.zh-CN.md。 */
export const clients: Translation<typeof en> = {};
