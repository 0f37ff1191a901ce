import { chmodSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, llmctl, runProgram } from '../helpers/cli.js';
import { canMountTmpfs, canRunUnprivileged, llmctlUnprivileged } from '../helpers/privileges.js';
import { richUser } from '../helpers/rich-user.js';

/**
 * A sync that fails half-way through its files (a full disk, a folder it may not write) changes none
 * of them: every file keeps its old bytes, state.json too, and no temp file is left anywhere.
 */

type User = ReturnType<typeof richUser>;
const userFiles = (u: User) => [
  u.files.continue,
  u.files.env,
  u.files.claude,
  u.files.claudeJson,
  u.files.litellm,
  u.files.state,
];
const readOrNull = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return null;
  }
};
const readAll = (u: User, except: string[] = []) =>
  Object.fromEntries(
    userFiles(u)
      .filter((f) => !except.includes(f))
      .map((f) => [f, readOrNull(f)]),
  );
const temps = (u: User) =>
  readdirSync(u.dir, { recursive: true })
    .map(String)
    .filter((n) => n.endsWith('.tmp') || path.basename(n) === 'lock');

/** First sync done; then a change in llmctl.yaml that every tool file must follow. */
async function syncedUser(): Promise<User> {
  const u = richUser();
  expect((await llmctl(u, ['sync'])).code).toBe(0);
  const yaml = path.join(u.llmctlHome, 'llmctl.yaml');
  const text = readFileSync(yaml, 'utf8')
    .replace('maxOutputTokens: 16384', 'maxOutputTokens: 9000')
    .replace('maxTokens: 3000', 'maxTokens: 2500');
  writeFileSync(yaml, text);
  return u;
}

describe.skipIf(!canRunUnprivileged)('a folder llmctl may not write', () => {
  it(
    '~/.claude read-only: a clear error, ' + 'the Continue config and every other file keep their bytes, no temp file',
    async () => {
      const u = await syncedUser();
      const before = readAll(u);
      chmodSync(path.dirname(u.files.claude), 0o555);
      const r = await llmctlUnprivileged(u, ['sync']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`cannot write ${u.files.claude}: permission denied`);
      expect(r.stderr).toMatch(/fix: .*permissions/);
      expect(r.stderr).not.toMatch(/bug in llmctl|internal error/);
      expect(readAll(u)).toEqual(before);
      expect(temps(u)).toEqual([]);
      expect(readdirSync(path.join(u.llmctlHome, 'backups'))).toHaveLength(1);
    },
  );
});

describe.skipIf(!canMountTmpfs)('a full disk', () => {
  it('ENOSPC in ~/.claude: a clear error, every file old, no temp file anywhere', async () => {
    const u = await syncedUser();
    const claudeDir = path.dirname(u.files.claude);
    const before = readAll(u, [u.files.claude]);
    const saved = path.join(u.dir, 'settings.saved.json');
    renameSync(u.files.claude, saved);
    // ~/.claude becomes a small tmpfs, filled up, inside a mount namespace that ends with the script.
    const script = `set -e
mount -t tmpfs -o size=64k tmpfs "$CLAUDE"
cp "$SAVED" "$CLAUDE/settings.json"
dd if=/dev/zero of="$CLAUDE/fill" bs=1k count=1024 2>/dev/null || true
set +e
"$NODE" "$BIN" sync
echo "rc=$?" >&2
echo "left: $(ls -A "$CLAUDE" | tr '\\n' ' ')" >&2
cmp -s "$SAVED" "$CLAUDE/settings.json" && echo "settings: unchanged" >&2
exit 0`;
    const r = await runProgram('unshare', ['-m', 'sh', '-c', script], {
      env: { ...u.env, CLAUDE: claudeDir, SAVED: saved, NODE: process.execPath, BIN },
      cwd: u.dir,
    });
    expect(r.stderr).toContain('rc=1');
    expect(r.stderr).toContain(`cannot write ${u.files.claude}: no space left on the device`);
    expect(r.stderr).not.toMatch(/bug in llmctl|internal error/);
    expect(r.stderr).toContain('left: fill settings.json \n');
    expect(r.stderr).toContain('settings: unchanged');
    expect(readAll(u, [u.files.claude])).toEqual(before);
    expect(temps(u)).toEqual([]);
  });
});
