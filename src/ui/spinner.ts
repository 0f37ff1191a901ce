import { log, uiOptions } from './log.js';

export interface Spinner {
  text(t: string): void;
  succeed(t?: string): void;
  fail(t?: string): void;
  stop(): void;
}

/** A spinner on a TTY; plain step lines otherwise (CI logs, pipes, --quiet). */
export async function spinner(text: string): Promise<Spinner> {
  const o = uiOptions();
  if (!process.stderr.isTTY || o.quiet || o.json) {
    if (!o.quiet && !o.json) log.info(`… ${text}`);
    return {
      text: (t) => {
        if (!o.quiet && !o.json) log.info(`… ${t}`);
      },
      succeed: (t) => t && log.success(t),
      fail: (t) => t && log.error(t),
      stop: () => {},
    };
  }
  const { default: ora } = await import('ora');
  const s = ora({ text, stream: process.stderr, color: o.color ? 'cyan' : false }).start();
  return {
    text: (t) => {
      s.text = t;
    },
    succeed: (t) => {
      s.succeed(t);
    },
    fail: (t) => {
      s.fail(t);
    },
    stop: () => {
      s.stop();
    },
  };
}
