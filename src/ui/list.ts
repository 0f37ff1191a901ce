import { t } from '../i18n/index.js';

/** Names inside a sentence, joined as the user's language does ("a, b" / "a、b"); past `max`, "…". */
export function nameList(names: string[], max = Infinity): string {
  const sep = t('ui.listSeparator');
  return names.length > max ? `${names.slice(0, max).join(sep)}${t('ui.listMore')}` : names.join(sep);
}
