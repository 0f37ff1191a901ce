/**
 * Which language llmctl speaks. Only two: English and Simplified Chinese. Data (`--json`, exit codes,
 * files written for the tools, log lines meant to be grepped) is English whatever this says.
 */
export type Locale = 'en' | 'zh-CN';

export const locales: readonly Locale[] = ['en', 'zh-CN'];

/**
 * A locale name as users and systems write it (`zh_CN.UTF-8`, `zh-Hans`, `zh-CN`, `C`, `en_US`) →
 * the language llmctl speaks. Simplified Chinese for zh_CN, zh_SG and zh-Hans (and a bare `zh`);
 * Traditional Chinese (zh_TW, zh_HK, zh-Hant) and everything else → English, since we have no
 * Traditional catalog and English is the better fallback for those readers than Simplified.
 */
export function localeFromName(name: string | undefined): Locale | undefined {
  if (!name) return undefined;
  const base = name.trim().split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  if (!base || base === 'c' || base === 'posix') return 'en';
  const [lang, ...rest] = base.split('-');
  if (lang !== 'zh') return 'en';
  if (rest.length === 0) return 'zh-CN';
  if (rest.includes('hant') || rest.includes('tw') || rest.includes('hk') || rest.includes('mo')) return 'en';
  return 'zh-CN';
}

/** `--lang` accepts these spellings; anything else is a usage error naming them. */
export function parseLangOption(value: string): Locale | undefined {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans' || v === 'zh-sg' || v === 'zh-hans-cn') return 'zh-CN';
  return undefined;
}

/** The `--lang` value from the command line, read before commander builds the program (help texts). */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The order users expect: `--lang` > `LLMCTL_LANG` > `LC_ALL` > `LC_MESSAGES` > `LANG`; on Windows,
 * where those are rarely set, the user's UI language as Node's ICU reports it. An empty variable
 * counts as unset (POSIX).
 */
export function detectLocale(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  systemLocale: () => string | undefined = intlLocale,
): Locale {
  const flag = langFromArgv(argv);
  if (flag) {
    const l = parseLangOption(flag);
    if (l) return l;
  }
  const fromEnv = parseLlmctlLang(env['LLMCTL_LANG']);
  if (fromEnv) return fromEnv;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const l = localeFromName(env[name] || undefined);
    if (l) return l;
  }
  if (platform === 'win32') return localeFromName(systemLocale()) ?? 'en';
  return 'en';
}

function parseLlmctlLang(v: string | undefined): Locale | undefined {
  if (!v) return undefined;
  return parseLangOption(v) ?? localeFromName(v);
}

function intlLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}
