import type { Translation } from '../message.js';
import type { webui as en } from '../en/webui.js';

/** 简体中文：webui 部分。术语见 docs/glossary.zh-CN.md。 */
export const webui: Translation<typeof en> = {};
