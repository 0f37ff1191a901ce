import type { Translation } from '../message.js';
import type { servers as en } from '../en/servers.js';

/** 简体中文：servers 部分。术语见 docs/glossary.zh-CN.md。 */
export const servers: Translation<typeof en> = {};
