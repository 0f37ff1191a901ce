import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, llmctl, snapshot, type RunResult } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

/** How a sync writes: file modes, files the user protected, the master key under the lock. */

const read = (f: string) => readFileSync(f, 'utf8');
const mode = (f: string) => statSync(f).mode & 0o777;
const stored = (f: string) => (JSON.parse(read(f)) as { secrets: Record<string, string> }).secrets;

/** Starts `llmctl sync` stopped at a test seam; returns how to let it go on. */
async function pausedSync(
  u: ReturnType<typeof richUser>,
  label: string,
): Promise<{ resume: () => Promise<RunResult> }> {
  const seam = mkdtempSync(path.join(tmpdir(), 'llmctl-seam-'));
  const child = spawn(process.execPath, [BIN, 'sync'], {
    env: { ...u.env, LLMCTL_TEST_PAUSE: `${label}:${seam}` },
    cwd: u.dir,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<RunResult>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })),
  );
  const deadline = Date.now() + 30_000;
  while (!existsSync(path.join(seam, 'paused'))) {
    if (Date.now() > deadline) throw new Error(`sync never reached ${label}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    resume: () => {
      writeFileSync(path.join(seam, 'resume'), '');
      return done;
    },
  };
}

describe('files that hold a key', () => {
  it('an existing 0644 settings.json and .env are 0600 after sync', async () => {
    const u = richUser();
    chmodSync(u.files.claude, 0o644);
    chmodSync(u.files.env, 0o644);
    const r = await llmctl(u, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(u.files.claude)).toContain('ANTHROPIC_AUTH_TOKEN');
    expect(mode(u.files.claude)).toBe(0o600);
    expect(mode(u.files.env)).toBe(0o600);
    // The user's own config file holds no key: it keeps its mode.
    expect(mode(u.files.continue)).toBe(0o644);
    expect(mode(u.files.state)).toBe(0o600);
  });
});

describe('files the user protected', () => {
  for (const which of ['claude', 'continue'] as const) {
    it(
      `a read-only (0444) ${which === 'claude' ? 'settings.json' : 'Continue config'} is refused, ` +
        `nothing written; --force writes it`,
      async () => {
        const u = richUser();
        chmodSync(u.files[which], 0o444);
        const snap = snapshot(u.dir);
        const r = await llmctl(u, ['sync']);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${u.files[which]} is read-only (mode 0444)`);
        expect(r.stderr).toContain('--force');
        expect(r.stderr).not.toMatch(/bug in llmctl/i);
        expect(snapshot(u.dir)).toEqual(snap);
        const forced = await llmctl(u, ['sync', '--force']);
        expect(forced.code, forced.stderr).toBe(0);
        expect(read(u.files[which])).toContain(which === 'claude' ? 'ANTHROPIC_AUTH_TOKEN' : 'LLMCTL_PROXY_KEY');
      },
    );
  }
});

describe('the master key a first sync generates', () => {
  it('joins the store as it is under the lock: a key stored by `keys set` after planning survives', async () => {
    const u = richUser();
    const sync = await pausedSync(u, 'sync:before-lock');
    const set = await llmctl(u, ['keys', 'set', 'other', '--stdin'], { input: 'sk-other-key-1234567890\n' });
    expect(set.code, set.stderr).toBe(0);
    const r = await sync.resume();
    expect(r.code, r.stderr).toBe(0);
    const keys = stored(u.files.secrets);
    expect(keys.other).toBe('sk-other-key-1234567890');
    expect(keys.proxy).toMatch(/^sk-/);
    expect(JSON.parse(read(u.files.claude)).env.ANTHROPIC_AUTH_TOKEN).toBe(keys.proxy);
  });

  it('a master key stored by another process meanwhile is used, not overwritten', async () => {
    const u = richUser();
    const sync = await pausedSync(u, 'sync:before-lock');
    const set = await llmctl(u, ['keys', 'set', 'proxy', '--stdin'], { input: 'sk-theirs-0123456789abcdef\n' });
    expect(set.code, set.stderr).toBe(0);
    const r = await sync.resume();
    expect(r.code, r.stderr).toBe(0);
    expect(stored(u.files.secrets).proxy).toBe('sk-theirs-0123456789abcdef');
    expect(JSON.parse(read(u.files.claude)).env.ANTHROPIC_AUTH_TOKEN).toBe('sk-theirs-0123456789abcdef');
    expect(read(u.files.env)).toContain('LLMCTL_PROXY_KEY=sk-theirs-0123456789abcdef');
    expect(readdirSync(u.llmctlHome).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
