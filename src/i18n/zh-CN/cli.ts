import type { Translation } from '../message.js';
import type { cli as en } from '../en/cli.js';

/** 简体中文：cli 部分。术语见 docs/glossary.zh-CN.md。 */
export const cli: Translation<typeof en> = {};
