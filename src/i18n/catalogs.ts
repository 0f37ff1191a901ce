import type { Locale } from './locale.js';
import type { Messages } from './message.js';
import { catalog as en } from './en/index.js';
import { catalog as zhCN } from './zh-CN/index.js';

/**
 * Source-tree loader (tests, typecheck). The build replaces this module (scripts/build.mjs) by one that
 * requires dist/locales/<locale>.cjs, so the binary loads only the active locale, and only when the
 * first message is needed.
 */
export function loadCatalog(locale: Locale): Messages {
  return locale === 'zh-CN' ? zhCN : en;
}
