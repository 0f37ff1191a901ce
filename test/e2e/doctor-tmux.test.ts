// The doctor table as a Chinese user sees it: the built binary in a real terminal (tmux, 80 columns),
// where a Chinese character takes two cells and a line longer than the terminal would wrap to its
// first column. Every line must stay inside the table's layout.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/i18n/width.js';
import { BIN, llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { CONFIG } from '../helpers/doctor-setup.js';
import { freePort } from '../helpers/litellm.js';

const SOCKET = `llmctl-doctor-${process.pid}`;
const COLUMNS = 80;

function tmux(...args: string[]): string {
  // Own server, no user config: the test never reads the real ~/.tmux.conf.
  return execFileSync('tmux', ['-u', '-L', SOCKET, '-f', '/dev/null', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
});

const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;

/** Runs `llmctl doctor` in a terminal COLUMNS wide and returns the screen once it has exited. */
async function doctorOnScreen(sb: Sandbox, env: NodeJS.ProcessEnv): Promise<string> {
  const script = path.join(sb.dir, 'doctor.sh');
  const vars = Object.entries({ ...sb.env, TERM: 'xterm-256color', ...env })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => quote(`${k}=${String(v)}`))
    .join(' ');
  writeFileSync(script, `env -i ${vars} ${quote(process.execPath)} ${quote(BIN)} doctor\necho "EXIT=$?"\nsleep 600\n`);
  const name = `doctor-${Object.keys(env).join('')}-${Date.now()}`;
  tmux('new-session', '-d', '-s', name, '-x', String(COLUMNS), '-y', '80', `sh ${quote(script)}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    // No -J: lines exactly as the terminal shows them, a wrapped line as two.
    const screen = tmux('capture-pane', '-p', '-t', name, '-S', '-200');
    if (/EXIT=\d+/.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`doctor did not finish; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A setup with findings and fixes to show: a key variable not set, a hand-edited LiteLLM config, a loose settings.json.
 */
async function broken(): Promise<Sandbox> {
  const port = await freePort();
  const sb = sandbox({ CLAUDE_CONFIG_DIR: '' });
  sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    CONFIG.replace('version: 1\n', `version: 1\nproxy: { port: ${port} }\n`).replace(
      'secret:zhipu',
      'env:ZHIPU_API_KEY',
    ),
  );
  const sync = await llmctl(sb, ['sync']);
  expect(sync.code, sync.stderr).toBe(0);
  const litellm = path.join(sb.llmctlHome, 'litellm.config.yaml');
  writeFileSync(litellm, `${readFileSync(litellm, 'utf8')}# edited\n`);
  chmodSync(path.join(sb.home, '.claude', 'settings.json'), 0o644);
  return sb;
}

describe('llmctl doctor in a real terminal', () => {
  it.each([
    ['Chinese', { LANG: 'zh_CN.UTF-8' }, /项通过/],
    ['English', { LANG: 'en_US.UTF-8' }, / passed, /],
  ])('%s: rows, findings, fixes and their wrapped lines all keep to their columns', async (_n, env, summary) => {
    const sb = await broken();
    const screen = await doctorOnScreen(sb, env);
    const lines = screen.split('\n').filter((l) => l.trim() && !/^EXIT=/.test(l));
    const rows = lines.filter((l) => /^(PASS|WARN|FAIL|SKIP) {2}\S/.test(l));
    expect(rows.length).toBeGreaterThan(15);
    // Where the findings start: after the status and the longest id, the same cell on every row.
    const starts = rows.map((l) => {
      const m = /^(\S+ +\S+ +)/.exec(l)!;
      return displayWidth(m[1]!);
    });
    expect(new Set(starts).size, rows.join('\n')).toBe(1);
    const indent = ' '.repeat(starts[0]!);
    for (const l of lines) {
      expect(displayWidth(l), l).toBeLessThanOrEqual(COLUMNS);
      // Anything that is not a row or the summary is a fix, or a finding or fix continued, under the findings.
      if (!rows.includes(l) && !summary.test(l)) expect(l.startsWith(indent), l).toBe(true);
    }
    if (process.env.SHOW_SCREEN) console.log(screen);
    // Wrapped for this terminal: some finding or fix needed more than one line.
    expect(lines.length).toBeGreaterThan(rows.length + 6);
  });
});
