import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, llmctl } from '../helpers/cli.js';
import { CONFIG, richUser } from '../helpers/rich-user.js';

/**
 * Claude Code rewrites settings.json itself (permissions, trust, statusLine). A stand-in tool
 * (test/helpers/tool-writer.mjs) does a read-modify-write of it every few ms while llmctl syncs again
 * and again, each time with a change in llmctl.yaml so the sync really writes the file.
 */

const WRITER = path.join(ROOT, 'test', 'helpers', 'tool-writer.mjs');

interface Report {
  writes: number;
  /** Reads that did not show the tool's last write: an update someone lost. */
  lost: { expected: number; found: number | null }[];
  unreadable: number;
}

async function race(how: 'rename' | 'truncate', syncs: number) {
  const u = richUser();
  expect((await llmctl(u, ['sync'])).code).toBe(0);
  const userBefore = JSON.parse(readFileSync(u.files.claude, 'utf8'));
  const stop = path.join(u.dir, 'stop');
  const report = path.join(u.dir, 'report.json');
  const writer = spawn(process.execPath, [WRITER, u.files.claude, how, stop, report], { stdio: 'inherit' });
  const exited = new Promise((r) => writer.on('close', r));
  const failures: string[] = [];
  let tokens = 0;
  for (let i = 1; i <= syncs; i++) {
    tokens = 20000 + i;
    writeFileSync(
      path.join(u.llmctlHome, 'llmctl.yaml'),
      CONFIG.replace('maxOutputTokens: 16384', `maxOutputTokens: ${tokens}`),
    );
    const r = await llmctl(u, ['sync']);
    if (r.code !== 0) failures.push(r.stderr);
  }
  writeFileSync(stop, '');
  await exited;
  const rep = JSON.parse(readFileSync(report, 'utf8')) as Report;
  const settings = JSON.parse(readFileSync(u.files.claude, 'utf8'));
  const backups = readdirSync(path.join(u.llmctlHome, 'backups')).flatMap((id) =>
    readdirSync(path.join(u.llmctlHome, 'backups', id))
      .filter((n) => n.endsWith('settings.json'))
      .map((n) => path.join(u.llmctlHome, 'backups', id, n)),
  );
  return { u, userBefore, failures, rep, settings, tokens, backups };
}

/**
 * No lock excludes a tool that takes none: a tool write that lands between llmctl's last check of the
 * file and its rename (microseconds, unless the machine stops llmctl right there) is replaced, and
 * the tool's next read does not show it. llmctl merges it back when it can see it (a write in place
 * into the replaced file), but the tool has looked by then. Measured here at load averages of 4-16 on
 * two cores: 0-1 in 25,000 atomic writes, 2 in 1,900 truncate-then-write ones (whose 2 ms gap makes
 * the collision likelier), and 6 in ~1,900 once while the full CI ran beside it. This allows that
 * residue (one in 100 writes, rounded up: the truncate race makes ~50, so floor allowed none) and nothing else: never a
 * version of the file without the tool's data (found: null), never a failed sync, never llmctl's own
 * change missing at the end.
 */
function expectNothingLostByLlmctl(rep: Report): void {
  expect(rep.lost.filter((l) => l.found === null)).toEqual([]);
  expect(rep.lost.length, JSON.stringify(rep.lost)).toBeLessThanOrEqual(Math.ceil(rep.writes / 100));
}

describe('a tool writing settings.json while llmctl syncs', () => {
  it(
    'read-modify-write every few ms during 100 syncs (each with a change in llmctl.yaml): ' +
      'neither the tool’s updates nor llmctl’s are lost',
    { timeout: 900_000 },
    async () => {
      const r = await race('rename', 100);
      expect(r.rep.writes).toBeGreaterThan(100);
      // Every sync succeeded, and llmctl's last change is in the file, with the user's own settings…
      expect({ failed: r.failures, tokens: r.settings.env.CLAUDE_CODE_MAX_OUTPUT_TOKENS }).toEqual({
        failed: [],
        tokens: String(r.tokens),
      });
      for (const k of ['permissions', 'hooks', 'statusLine', 'enabledPlugins'])
        expect(r.settings[k]).toEqual(r.userBefore[k]);
      // …and the tool found its own last write every time (see expectNothingLostByLlmctl).
      expectNothingLostByLlmctl(r.rep);
    },
  );

  it(
    'truncate-then-write: sync never takes the empty moment for an empty file; no backup is empty',
    { timeout: 900_000 },
    async () => {
      const r = await race('truncate', 40);
      expect(r.rep.writes).toBeGreaterThan(40);
      expect(r.failures).toEqual([]);
      // A tool that truncates and writes back a copy it read before llmctl's last rename, after the
      // settle window, puts an older llmctl value back; the next sync sees a managed entry that differs
      // from what llmctl wrote and keeps it as a hand edit (by design). Seen once in CI under Node 22.
      // So the value is one llmctl wrote, not necessarily its last: never the user's data lost.
      const tokens = Number(r.settings.env.CLAUDE_CODE_MAX_OUTPUT_TOKENS);
      expect(tokens).toBeGreaterThan(20_000);
      expect(tokens).toBeLessThanOrEqual(r.tokens);
      for (const k of ['permissions', 'hooks', 'statusLine', 'enabledPlugins'])
        expect(r.settings[k]).toEqual(r.userBefore[k]);
      expectNothingLostByLlmctl(r.rep);
      // Each sync that wrote settings.json backed it up first. Once the tool has put an older llmctl
      // value back (above), later syncs keep that entry as a hand edit and write nothing, so the count
      // depends on when that happened (22 of 40 on a loaded CI machine); what matters is each backup.
      expect(r.backups.length).toBeGreaterThan(0);
      for (const b of r.backups) {
        expect(statSync(b).size, b).toBeGreaterThan(0);
        expect(JSON.parse(readFileSync(b, 'utf8')).hooks, b).toEqual(r.userBefore.hooks);
      }
    },
  );
});
