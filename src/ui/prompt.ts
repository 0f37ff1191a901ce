import { currentLocale, t, type MessageId } from '../i18n/index.js';
import { color, uiOptions } from './log.js';

/**
 * Every question llmctl asks goes through here. Nothing prompts without a TTY on stdin:
 * commands check isInteractive() and name the flag that answers the question instead.
 */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

/** A yes/no question; `yes` answers it; without a TTY the answer is no. */
export function confirmFn(yes: boolean): (question: string) => Promise<boolean> {
  const ask = askFn(yes);
  return async (message) => (await ask(message)) ?? false;
}

/**
 * The same question, but `undefined` when nobody could be asked (no TTY): only an answer the user
 * gave is worth remembering.
 */
export function askFn(yes: boolean): (question: string) => Promise<boolean | undefined> {
  return async (message) => {
    if (yes) return true;
    if (!isInteractive()) return undefined;
    const { confirm } = await loadInquirer(undefined);
    return confirm({ message, default: true, ...answerWords() });
  };
}

export async function askSecret(message: string): Promise<string> {
  const { password } = await loadInquirer(undefined);
  return password({ message, mask: '*' });
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/**
 * The questions a multi-step flow (the init wizard) asks, as an interface: the command hands it the
 * real terminal (`terminalPrompter`), tests hand it the @inquirer/testing screen or a script.
 */
export interface Prompter {
  input(o: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  secret(o: { message: string; validate?: (v: string) => true | string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  /** A list the user can filter by typing. */
  search<T>(o: { message: string; choices: Choice<T>[] }): Promise<T>;
  checkbox<T>(o: { message: string; choices: Choice<T>[]; required?: boolean }): Promise<T[]>;
}

/** Filters choices by every word of a search term, matching name or description, case-insensitively. */
export function filterChoices<T>(choices: Choice<T>[], term: string | undefined): Choice<T>[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return choices;
  return choices.filter((c) => {
    const hay = `${c.name} ${c.description ?? ''} ${String(c.value)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

type Inquirer = typeof import('@inquirer/prompts');

/** Runs one inquirer prompt with its config; tests swap it for @inquirer/testing's render(). */
export type PromptInvoker = <V>(prompt: (config: never) => Promise<V>, config: unknown) => Promise<V>;

/** The real terminal, through @inquirer/prompts (loaded on first question only). */
export function terminalPrompter(invoke?: PromptInvoker): Prompter {
  const load = () => loadInquirer(invoke);
  return {
    async input(o) {
      const { input } = await load();
      return input({
        message: o.message,
        ...(o.default !== undefined ? { default: o.default } : {}),
        ...(o.validate ? { validate: o.validate } : {}),
      });
    },
    async secret(o) {
      const { password } = await load();
      return password({ message: o.message, mask: '*', ...(o.validate ? { validate: o.validate } : {}) });
    },
    async confirm(o) {
      const { confirm } = await load();
      return confirm({ message: o.message, default: o.default ?? true, ...answerWords() });
    },
    select: async (o) => (await load()).select({ ...listConfig(o), choices: o.choices.map(toInquirer) }),
    search: async (o) =>
      (await load()).search({ ...listConfig(o), source: (term) => filterChoices(o.choices, term).map(toInquirer) }),
    checkbox: async <T>(o: { message: string; choices: Choice<T>[]; required?: boolean }) =>
      (await load()).checkbox<T>({
        ...listConfig(o),
        choices: o.choices.map((c) => ({ ...toInquirer(c), checked: Boolean(c.checked) })),
        required: false,
        ...(o.required
          ? { validate: (items: readonly unknown[]) => (items.length ? true : t('ui.pickAtLeastOne')) }
          : {}),
      }),
  };
}

/**
 * @inquirer/prompts, each prompt routed through `invoke` when given (same config, other terminal).
 * Its colours come from yoctocolors, which decides once, when loaded, from the environment: with
 * --no-color (or NO_COLOR) llmctl says so there first, so the questions are plain as well.
 */
async function loadInquirer(invoke: PromptInvoker | undefined): Promise<Inquirer> {
  if (!uiOptions().color) {
    process.env.NO_COLOR = '1';
    delete process.env.FORCE_COLOR;
  }
  const m = await import('@inquirer/prompts');
  if (!invoke) return m;
  const wrap = <F extends (config: never) => Promise<unknown>>(f: F) =>
    ((config: unknown) => invoke(f, config)) as unknown as F;
  return {
    ...m,
    input: wrap(m.input),
    password: wrap(m.password),
    confirm: wrap(m.confirm),
    select: wrap(m.select),
    search: wrap(m.search),
    checkbox: wrap(m.checkbox),
  } as Inquirer;
}

/** What every list question shares: the message, the default, a page of 12, key help in the user's language. */
function listConfig<T>(o: { message: string; default?: T }): {
  message: string;
  default?: T;
  pageSize: number;
  theme?: { style: { keysHelpTip: (keys: [string, string][]) => string; error: (text: string) => string } };
} {
  return {
    message: o.message,
    ...(o.default !== undefined ? { default: o.default } : {}),
    pageSize: 12,
    // English keeps inquirer's own help line, byte for byte.
    ...(currentLocale() === 'en' ? {} : { theme: { style: { keysHelpTip, error: errorLine } } }),
  };
}

/** How a yes/no answer is shown once given: inquirer's Yes/No in English, the user's words otherwise. */
function answerWords(): { transformer?: (v: boolean) => string } {
  return currentLocale() === 'en' ? {} : { transformer: (v) => t(v ? 'ui.answerYes' : 'ui.answerNo') };
}

/** Inquirer's error line (`> text`); the one text of its own it shows there (search) translated. */
function errorLine(text: string): string {
  return color.error(`> ${text === 'No results found' ? t('ui.noResults') : text}`);
}

const KEY_WORDS: Record<string, MessageId> = {
  navigate: 'ui.keyNavigate',
  select: 'ui.keySelect',
  all: 'ui.keyAll',
  invert: 'ui.keyInvert',
  submit: 'ui.keySubmit',
};

/** Inquirer's help line (`↑↓ navigate • ⏎ select`), its words translated. */
function keysHelpTip(keys: [string, string][]): string {
  return keys
    .map(([key, action]) => {
      const id = key === 'space' && action === 'select' ? 'ui.keyToggle' : KEY_WORDS[action];
      return `${color.bold(key === 'space' ? t('ui.keySpace') : key)} ${color.dim(id ? t(id) : action)}`;
    })
    .join(color.dim(' • '));
}

function toInquirer<T>(c: Choice<T>): { name: string; value: T; description?: string } {
  return { name: c.name, value: c.value, ...(c.description ? { description: c.description } : {}) };
}
