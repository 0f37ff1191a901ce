import type * as Commander from 'commander';
import { currentLocale, t } from './i18n/index.js';
import { displayWidth } from './i18n/width.js';

/**
 * commander's own words in the user's language. commander builds its help from fixed English titles
 * ("Usage:", "Options:"…) passed through `styleTitle`, and reports usage errors through `outputError`:
 * both are its documented hooks, so the titles are mapped there and the errors rewritten there. In
 * English everything passes through unchanged (byte-identical to commander's own text).
 */
const TITLES: Record<string, Parameters<typeof t>[0]> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Global Options:': 'cli.title.globalOptions',
  'Arguments:': 'cli.title.arguments',
  'Commands:': 'cli.title.commands',
};

/** configureHelp() settings: localized titles, and widths and wrapping that know CJK is 2 columns. */
export function localizedHelp(): Partial<Commander.Help> {
  return {
    styleTitle: (title: string) => {
      const id = TITLES[title];
      return id ? (t(id as 'cli.title.usage') as string) : title;
    },
    // "Usage: llmctl …": commander puts a space after the title, which a full-width colon already has.
    formatHelp(this: Commander.Help, cmd: Commander.Command, helper: Commander.Help): string {
      const text = Object.getPrototypeOf(this).formatHelp.call(this, cmd, helper) as string;
      return /[：]$/.test(helper.styleTitle('Usage:')) ? text.replace(/^(\S*：) /, '$1') : text;
    },
    displayWidth: (s: string) => displayWidth(s),
    boxWrap(this: Commander.Help, str: string, width: number): string {
      return wrapText(str, width, this.minWidthToWrap);
    },
  };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** The characters a line may break before or after: CJK ideographs and full-width forms. */
const BREAKABLE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60';
/**
 * What wrapText keeps whole in CJK text (with the spaces before it): one breakable character with the
 * opening punctuation before it and the closing punctuation after it, or a run of other characters.
 */
const CJK_CHUNK = `\\s*(?:[（“‘《「]*[${BREAKABLE}][，。：；、！？）”’》」]*|[^\\s${BREAKABLE}]+)`;

/**
 * commander's boxWrap breaks only at spaces; Chinese has few. This one also breaks between two CJK
 * characters (never before closing punctuation such as ，。）, never after an opening one such as （“).
 * Text without CJK is cut exactly as commander cuts it.
 */
export function wrapText(str: string, width: number, minWidth = 40): string {
  if (width < minWidth) return str;
  const chunk = CJK.test(str) ? new RegExp(CJK_CHUNK, 'g') : /\s*\S+/g;
  return str
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = line.match(chunk);
      if (!chunks) return '';
      const out: string[] = [];
      let cur = chunks.shift()!;
      for (const c of chunks) {
        if (displayWidth(cur) + displayWidth(c) <= width) cur += c;
        else {
          out.push(cur);
          cur = c.trimStart();
        }
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

type Rewrite = [RegExp, (m: RegExpMatchArray) => string];

/** commander's usage errors (commander 14's wording), each rebuilt from the catalog. */
const ERRORS: Rewrite[] = [
  [/^unknown command '(.*)'$/, (m) => t('cli.err.unknownCommand', { name: m[1]! })],
  [/^unknown option '(.*)'$/, (m) => t('cli.err.unknownOption', { flag: m[1]! })],
  [/^missing required argument '(.*)'$/, (m) => t('cli.err.missingArgument', { name: m[1]! })],
  [/^option '(.*)' argument missing$/, (m) => t('cli.err.optionMissingArgument', { flag: m[1]! })],
  [
    /^option '(.*?)' argument '(.*)' is invalid\. ?([\s\S]*)$/,
    (m) => t('cli.err.invalidArgument', { flag: m[1]!, value: m[2]!, reason: m[3]! }),
  ],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => t('cli.err.excessArguments', { command: m[1] ?? '', expected: Number(m[2]), got: Number(m[3]) }),
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (m) => t('cli.err.didYouMeanOneOf', { names: m[1]! })],
  [/^\(Did you mean (.*)\?\)$/, (m) => t('cli.err.didYouMean', { names: m[1]! })],
];

/** configureOutput().outputError: commander's error text in the active locale. */
export function outputError(str: string, write: (s: string) => void): void {
  write(currentLocale() === 'en' ? str : translateError(str));
}

export function translateError(str: string): string {
  return str
    .split('\n')
    .map((line) => {
      const body = line.startsWith('error: ') ? line.slice('error: '.length) : undefined;
      const text = body ?? line;
      for (const [re, to] of ERRORS) {
        const m = text.match(re);
        if (m) return body === undefined ? to(m) : `${t('cli.err.prefix')}${to(m)}`;
      }
      return line;
    })
    .join('\n');
}
