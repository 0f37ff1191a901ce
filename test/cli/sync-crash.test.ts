import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, type RunResult } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

/**
 * kill -9 in the middle of a 200-model sync, at every point where it writes (the test seam
 * LLMCTL_TEST_CRASH_AT=N kills the process at its N-th write step, N:D D ms after it, wherever it is
 * then): every tool file is its old bytes or its new bytes, and the next sync completes and leaves no
 * temp or lock file behind.
 */

function config(models: number, tokens: number, extra: string): string {
  const list = Array.from(
    { length: models },
    (_, i) => `  - { name: model-${i}, provider: sf, model: org/model-${i}${i % 7 === 0 ? ', maxTokens: 4000' : ''} }`,
  );
  return (
    `version: 1\nproviders:\n  sf: { preset: siliconflow, apiKey: env:SF_KEY }\n` +
    `models:\n${list.join('\n')}\n${extra}tools:\n  claude: { maxOutputTokens: ${tokens}, onboarding: true }\n`
  );
}

type User = ReturnType<typeof richUser>;
const toolFiles = (u: User) => [u.files.continue, u.files.env, u.files.claude, u.files.claudeJson, u.files.litellm];
const readAll = (u: User) =>
  Object.fromEntries(toolFiles(u).map((f) => [f, existsSync(f) ? readFileSync(f, 'utf8') : null]));

/** Files llmctl leaves only while it runs: temp files (anywhere) and the lock. */
function leftovers(u: User): string[] {
  return readdirSync(u.dir, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.tmp') || path.basename(n) === 'lock');
}

async function setUp() {
  const u = richUser();
  const yaml = path.join(u.llmctlHome, 'llmctl.yaml');
  const oldConfig = config(200, 16384, '');
  // The new config changes every file: models added and removed, a setting of Claude Code.
  const newConfig = config(205, 32000, '').replace(/  - \{ name: model-1, .*\n/, '');
  writeFileSync(yaml, oldConfig);
  const first = await llmctl(u, ['sync']);
  expect(first.code, first.stderr).toBe(0);
  const old = readAll(u);
  const oldState = readFileSync(u.files.state, 'utf8');
  writeFileSync(yaml, newConfig);
  const second = await llmctl(u, ['sync']);
  expect(second.code, second.stderr).toBe(0);
  const fresh = readAll(u);
  for (const f of [u.files.continue, u.files.claude, u.files.litellm]) expect(fresh[f], f).not.toBe(old[f]);
  /** Back to the state before the new sync (temps, lock and half-made backups of a crash are kept). */
  const reset = () => {
    for (const [f, text] of Object.entries(old)) {
      if (text === null) rmSync(f, { force: true });
      else writeFileSync(f, text);
    }
    writeFileSync(u.files.state, oldState);
  };
  return { u, old, fresh, reset };
}

async function crashAt(u: User, point: string): Promise<RunResult> {
  return llmctl(u, ['sync'], { env: { LLMCTL_TEST_CRASH_AT: point } });
}

/** One sandbox's share of the kill points: each run starts from the old files (crash leftovers kept). */
async function killAt(points: string[]): Promise<{ killed: number; mixed: number }> {
  const s = await setUp();
  let killed = 0;
  let mixed = 0;
  for (const [i, point] of points.entries()) {
    s.reset();
    const r = await crashAt(s.u, point);
    if (r.code !== 0) killed++;
    const now = readAll(s.u);
    for (const [f, text] of Object.entries(now)) {
      if (text !== s.old[f] && text !== s.fresh[f])
        throw new Error(`after a kill at ${point}, ${f} is neither its old nor its new bytes`);
    }
    if (Object.keys(now).some((f) => now[f] !== s.old[f]) && Object.keys(now).some((f) => now[f] !== s.fresh[f]))
      mixed++;
    // The next sync completes the job (checked after every 10th kill
    // and the last: leftovers of the kills pile up in between).
    if (i % 10 === 9 || i === points.length - 1) {
      const next = await llmctl(s.u, ['sync']);
      expect(next.code, `${point}: ${next.stderr}`).toBe(0);
      expect(readAll(s.u)).toEqual(s.fresh);
      expect(leftovers(s.u), point).toEqual([]);
    }
  }
  const check = await llmctl(s.u, ['sync', '--check']);
  expect(check.code, check.stderr).toBe(0);
  return { killed, mixed };
}

describe('kill -9 during a 200-model sync', () => {
  it(
    'at ≥ 200 points: every file old or new; the next sync completes and cleans up',
    { timeout: 900_000 },
    async () => {
      // The steps of a whole sync, from the seam's own list.
      const s = await setUp();
      s.reset();
      const log = path.join(s.u.dir, 'steps.log');
      expect((await llmctl(s.u, ['sync'], { env: { LLMCTL_TEST_STEP_LOG: log } })).code).toBe(0);
      const steps = readFileSync(log, 'utf8').trim().split('\n').length;
      expect(steps).toBeGreaterThanOrEqual(15);
      // Every step, then every step again with the kill 1, 2, 3… ms after it (in the middle of what follows).
      const points = Array.from({ length: 220 }, (_, i) => `${(i % steps) + 1}:${Math.floor(i / steps)}`);
      // Four sandboxes at once: the runs are short processes, mostly waiting for the CPU.
      const shares = [0, 1, 2, 3].map((k) => points.filter((_, i) => i % 4 === k));
      const results = await Promise.all(shares.map(killAt));
      const killed = results.reduce((n, r) => n + r.killed, 0);
      expect(killed).toBeGreaterThanOrEqual(200);
      // Some kills fell between two renames: the files were a mix of old and new, and the next sync healed it.
      expect(results.reduce((n, r) => n + r.mixed, 0)).toBeGreaterThan(0);
    },
  );
});
