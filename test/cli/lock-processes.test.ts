import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The llmctl lock between real processes (the unit tier covers it within one process): ten node
 * processes, five rounds each, incrementing one counter file under the lock. Here, not in the unit
 * tier: it starts processes, and test:fast runs nothing but in-process code.
 */
function scratch(): { dir: string; lock: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-lock-'));
  return { dir, lock: path.join(dir, 'lock') };
}

/** withLock bundled into a script a child process runs: `node script LOCK COUNTER ROUNDS`. */
async function counterScript(dir: string): Promise<string> {
  const entry = path.join(dir, 'holder.mjs');
  writeFileSync(
    entry,
    `import { readFileSync, writeFileSync } from 'node:fs';
import { withLock } from ${JSON.stringify(fileURLToPath(new URL('../../src/fs/lock.ts', import.meta.url)))};
const [lock, counter, rounds] = process.argv.slice(2);
for (let i = 0; i < Number(rounds); i++) {
  await withLock(lock, async () => {
    const v = Number(readFileSync(counter, 'utf8'));
    await new Promise((r) => setTimeout(r, 2));
    writeFileSync(counter, String(v + 1));
  });
}
`,
  );
  const out = path.join(dir, 'holder.bundle.mjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  return out;
}

describe('withLock across processes', () => {
  it('parallel processes incrementing a counter file under the lock lose no update', async () => {
    const { dir, lock } = scratch();
    const work = mkdtempSync(path.join(tmpdir(), 'llmctl-lock-work-'));
    const script = await counterScript(work);
    const counter = path.join(work, 'counter');
    writeFileSync(counter, '0');
    const procs = 10;
    const rounds = 5;
    await Promise.all(
      Array.from({ length: procs }, () =>
        promisify(execFile)(process.execPath, [script, lock, counter, String(rounds)], { timeout: 60_000 }),
      ),
    );
    expect(Number(readFileSync(counter, 'utf8'))).toBe(procs * rounds);
    expect(readdirSync(dir)).toEqual([]);
  }, 90_000);
});
