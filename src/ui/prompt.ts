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
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message, default: true });
  };
}

export async function askSecret(message: string): Promise<string> {
  const { password } = await import('@inquirer/prompts');
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
  const real = () => import('@inquirer/prompts');
  // With an invoker, each prompt function is routed through it (same config, other terminal).
  const load = async (): Promise<Inquirer> => {
    const m = await real();
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
  };
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
      return confirm({ message: o.message, default: o.default ?? true });
    },
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
      const { select } = await load();
      return select<T>({
        message: o.message,
        choices: o.choices.map(toInquirer),
        ...(o.default !== undefined ? { default: o.default } : {}),
        pageSize: 12,
      });
    },
    async search<T>(o: { message: string; choices: Choice<T>[] }) {
      const { search } = await load();
      return search<T>({
        message: o.message,
        source: (term) => filterChoices(o.choices, term).map(toInquirer),
        pageSize: 12,
      });
    },
    async checkbox<T>(o: { message: string; choices: Choice<T>[]; required?: boolean }) {
      const { checkbox } = await load();
      return checkbox<T>({
        message: o.message,
        choices: o.choices.map((c) => ({ ...toInquirer(c), checked: Boolean(c.checked) })),
        required: o.required ?? false,
        pageSize: 12,
      });
    },
  };
}

function toInquirer<T>(c: Choice<T>): { name: string; value: T; description?: string } {
  return { name: c.name, value: c.value, ...(c.description ? { description: c.description } : {}) };
}
