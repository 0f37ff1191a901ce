import { loadCatalog } from './catalogs.js';
import type { catalog as en } from './en/index.js';
import type { Locale } from './locale.js';
import type { Messages } from './message.js';

export type { Locale } from './locale.js';

type Catalog = typeof en;
export type MessageId = keyof Catalog;
export type MessageArgs<K extends MessageId> = Catalog[K] extends (p: infer P) => string ? [params: P] : [];

let active: Locale = 'en';
let loaded: Messages | undefined;
let english: Messages | undefined;

/** Set once by src/index.ts from `--lang` and the environment; tests set it per case. */
export function setLocale(locale: Locale): void {
  if (locale === active && loaded) return;
  active = locale;
  loaded = undefined;
}

export function currentLocale(): Locale {
  return active;
}

/**
 * The text of message `id` in the active locale. A message missing from a locale (the types prevent
 * it; a stale build could not) falls back to English rather than printing an id.
 */
export function t<K extends MessageId>(id: K, ...args: MessageArgs<K>): string {
  loaded ??= loadCatalog(active);
  let m = loaded[id as string];
  if (m === undefined && active !== 'en') m = (english ??= loadCatalog('en'))[id as string];
  if (m === undefined) return String(id);
  return typeof m === 'function' ? m(args[0]) : m;
}

/** The English text whatever the locale: for data (logs meant to be grepped, `--json` fields). */
export function tEn<K extends MessageId>(id: K, ...args: MessageArgs<K>): string {
  const m = (english ??= loadCatalog('en'))[id as string];
  if (m === undefined) return String(id);
  return typeof m === 'function' ? m(args[0]) : m;
}
