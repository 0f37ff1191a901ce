import type { ChalkInstance } from 'chalk';
import { t } from '../i18n/index.js';

/**
 * All output goes through here. Data goes to stdout, messages to stderr, so
 * `llmctl x --json | jq` and `llmctl sync --dry-run > x.diff` work.
 */
export interface UiOptions {
  quiet: boolean;
  verbose: boolean;
  color: boolean;
  json: boolean;
}

const options: UiOptions = { quiet: false, verbose: false, color: true, json: false };

export function configureUi(o: Partial<UiOptions>): void {
  Object.assign(options, o);
  chalkInstance = undefined;
}

export function uiOptions(): Readonly<UiOptions> {
  return options;
}

let chalkInstance: ChalkInstance | undefined;
let chalkModule: typeof import('chalk') | undefined;

/** Load chalk once, only for commands that print in colour. */
export async function loadColors(): Promise<void> {
  if (!options.color) return;
  chalkModule ??= await import('chalk');
}

function c(): ChalkInstance | undefined {
  if (!options.color || !chalkModule) return undefined;
  chalkInstance ??= new chalkModule.Chalk({ level: 1 });
  return chalkInstance;
}

type Paint = (s: string) => string;
const paint =
  (pick: (k: ChalkInstance) => Paint): Paint =>
  (s) => {
    const k = c();
    return k ? pick(k)(s) : s;
  };

/** Colours by meaning, never by taste. */
export const color = {
  ok: paint((k) => k.green),
  warn: paint((k) => k.yellow),
  error: paint((k) => k.red),
  dim: paint((k) => k.dim),
  bold: paint((k) => k.bold),
  path: paint((k) => k.cyan),
  added: paint((k) => k.green),
  removed: paint((k) => k.red),
  hunk: paint((k) => k.cyan),
};

export function colorEnabledByDefault(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export const log = {
  /** Data or the main result of a command (stdout). */
  out(text: string): void {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  info(text: string): void {
    if (!options.quiet) process.stderr.write(`${text}\n`);
  },
  success(text: string): void {
    if (!options.quiet) process.stderr.write(`${color.ok('✔')} ${text}\n`);
  },
  /** Not with -q, which keeps errors and data only. */
  warn(text: string): void {
    if (!options.quiet)
      process.stderr.write(`${color.warn(t('ui.warningLabel'))}${labelGap(t('ui.warningLabel'))}${text}\n`);
  },
  error(text: string): void {
    process.stderr.write(`${color.error(t('ui.errorLabel'))}${labelGap(t('ui.errorLabel'))}${text}\n`);
  },
  debug(text: string): void {
    if (options.verbose) process.stderr.write(`${color.dim(text)}\n`);
  },
  json(data: unknown): void {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  },
};

/** A label ending in a full-width colon (Chinese) carries its own space; an ASCII one gets a space. */
function labelGap(label: string): string {
  return label.endsWith('：') ? '' : ' ';
}
