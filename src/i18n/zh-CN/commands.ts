import type { Translation } from '../message.js';
import type { commands as en } from '../en/commands.js';

/** 简体中文：commands 部分。术语见 docs/glossary.zh-CN.md。 */
export const commands: Translation<typeof en> = {};
