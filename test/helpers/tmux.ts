// `llmctl init` in a real terminal: tmux with its own server (no user config), the built binary with
// exactly the sandbox's environment, keys sent one at a time as a person types them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, type Sandbox } from './cli.js';

const SOCKET = `llmctl-init-${process.pid}`;

export function tmux(...args: string[]): string {
  // Own server, no user config: the test never reads the real ~/.tmux.conf.
  return execFileSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Term {
  session: string;
  keys: number;
  screen(): string;
  /** The screen with its colour escapes. */
  raw(): string;
  type(text: string): void;
  press(...keys: string[]): void;
  waitFor(text: string | RegExp, ms?: number): Promise<string>;
}

const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;

/**
 * Starts `llmctl init` in a fresh tmux session; the pane stays after exit. llmctl gets exactly the
 * sandbox's environment (`env -i`): the tmux server inherits the test runner's, and a CI runner's
 * CI=true would otherwise turn the terminal into "no questions".
 */
export function start(
  sb: Sandbox,
  name: string,
  args: string[] = [],
  cwd = sb.dir,
  extraEnv: NodeJS.ProcessEnv = {},
): Term {
  const script = path.join(sb.dir, `${name}.sh`);
  const env = Object.entries({ ...sb.env, TERM: 'xterm-256color', ...extraEnv })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => quote(`${k}=${String(v)}`))
    .join(' ');
  writeFileSync(
    script,
    `cd ${quote(cwd)}\nenv -i ${env} ${quote(process.execPath)} ${quote(BIN)} init ${args.join(' ')}\n` +
      `echo "EXIT=$?"\nsleep 600\n`,
  );
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', `sh '${script}'`);
  const t: Term = {
    session: name,
    keys: 0,
    screen: () => tmux('capture-pane', '-p', '-J', '-t', name, '-S', '-1000'),
    raw: () => tmux('capture-pane', '-p', '-e', '-J', '-t', name, '-S', '-1000'),
    // Text and Enter go as separate send-keys calls: a terminal delivers them as separate reads.
    type(text) {
      tmux('send-keys', '-t', name, '-l', text);
      t.keys += [...text].length;
    },
    press(...keys) {
      for (const k of keys) {
        tmux('send-keys', '-t', name, k);
        t.keys++;
      }
    },
    async waitFor(text, ms = 15_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const s = t.screen();
        if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  return t;
}

/** The last question on screen (the line starting with "?"), to answer only once it is asked. */
export async function question(t: Term, text: string | RegExp): Promise<void> {
  const re = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  await t.waitFor(new RegExp(`^\\? ${re}`, 'm'));
}

/** Ends this process's tmux server and every session in it. */
export function killTmux(): void {
  try {
    tmux('kill-server');
  } catch {
    // no session left
  }
}
