import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, llmctl, runProgram, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { CONFIG, richUser } from '../helpers/rich-user.js';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = (() => {
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** Root ignores file modes: a permission test then runs llmctl as `nobody` (setpriv), owning the sandbox. */
const canRunUnprivileged = process.platform !== 'win32' && (!isRoot || hasSetpriv);

function llmctlUnprivileged(sb: Sandbox, args: string[]): Promise<RunResult> {
  if (!isRoot) return llmctl(sb, args);
  execFileSync('chown', ['-R', '65534:65534', sb.dir]);
  chmodSync(sb.dir, 0o755);
  return runProgram('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
    env: sb.env,
    cwd: sb.dir,
  });
}

/** Runs llmctl under umask 000, where a carelessly created folder would be world-writable. */
function llmctlUmask0(sb: Sandbox, args: string[], input = ''): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      '/bin/sh',
      ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, ...args],
      { env: sb.env, cwd: sb.dir },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
    child.stdin?.end(input);
  });
}

const mode = (p: string) => statSync(p).mode & 0o777;

/** A small tmpfs needs a mount namespace of our own (root, or a container that allows unshare -m). */
const canMountTmpfs = (() => {
  if (process.platform !== 'linux' || !isRoot) return false;
  try {
    execFileSync(
      'unshare',
      ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'],
      { stdio: 'ignore' },
    );
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(process.platform === 'win32')('folders llmctl creates', () => {
  it('are 0700 under umask 000 (llmctl home, backups, cache, ~/.continue, ~/.claude); folders that existed keep their mode', async () => {
    const sb = sandbox({ SF_KEY: 'sf-upstream-key-abcdef123456' });
    const configDir = path.join(sb.home, '.config');
    chmodSync(configDir, 0o755);
    const home = path.join(configDir, 'fresh', 'llmctl');
    sb.env.LLMCTL_HOME = home;
    const k = await llmctlUmask0(sb, ['keys', 'set', 'sf', '--stdin'], 'sf-upstream-key-abcdef123456');
    expect(k.code, k.stderr).toBe(0);
    expect(mode(path.join(configDir, 'fresh'))).toBe(0o700);
    expect(mode(home)).toBe(0o700);
    expect(mode(configDir)).toBe(0o755);

    writeFileSync(path.join(home, 'llmctl.yaml'), CONFIG);
    const s = await llmctlUmask0(sb, ['sync']);
    expect(s.code, s.stderr).toBe(0);
    const backups = path.join(home, 'backups');
    const created = [
      backups,
      path.join(backups, readdirSync(backups)[0]!),
      path.join(home, 'cache'),
      path.join(sb.home, '.continue'),
      path.join(sb.home, '.claude'),
    ];
    for (const d of created) expect(mode(d), d).toBe(0o700);
  });
});

describe.skipIf(!canRunUnprivileged)('OS errors are the user’s situation, not a bug', () => {
  it('~/.claude not writable: sync fails naming settings.json and what the OS said, leaves it and no temp file', async () => {
    const u = richUser();
    const claudeDir = path.dirname(u.files.claude);
    const before = readFileSync(u.files.claude);
    chmodSync(claudeDir, 0o555);
    const r = await llmctlUnprivileged(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${u.files.claude}: permission denied`);
    expect(r.stderr).toMatch(/fix: .*permissions/);
    expect(r.stderr).not.toMatch(/bug in llmctl|internal error/);
    expect(readFileSync(u.files.claude)).toEqual(before);
    expect(readdirSync(claudeDir)).toEqual(['settings.json']);
    expect(readdirSync(u.llmctlHome).filter((f) => f.includes('lock') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('a symlinked settings.json whose target folder is read-only is refused naming the link and the target; the target and the link stay', async () => {
    const u = richUser();
    const store = path.join(u.dir, 'store');
    mkdirSync(store);
    const real = path.join(store, 'settings.json');
    renameSync(u.files.claude, real);
    symlinkSync(real, u.files.claude);
    chmodSync(store, 0o555);
    const before = readFileSync(real);
    const r = await llmctlUnprivileged(u, ['sync', '--only', 'claude']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${u.files.claude} is a symlink to ${real}, and ${store} is not writable`);
    expect(r.stderr).not.toMatch(/bug in llmctl|internal error/);
    expect(lstatSync(u.files.claude).isSymbolicLink()).toBe(true);
    expect(readFileSync(real)).toEqual(before);
    expect(readdirSync(store)).toEqual(['settings.json']);
    expect(existsSync(path.join(u.llmctlHome, 'lock'))).toBe(false);
  });
});

describe.skipIf(!canMountTmpfs)('a full disk', () => {
  it('ENOSPC writing settings.json: a clear error, the file keeps its bytes, no temp file and no lock are left', async () => {
    const u = richUser();
    const claudeDir = path.dirname(u.files.claude);
    const saved = path.join(u.dir, 'settings.saved.json');
    renameSync(u.files.claude, saved);
    // ~/.claude becomes a 256 KiB tmpfs, filled up, inside a mount namespace that ends with the script.
    const script = `set -e
mount -t tmpfs -o size=256k tmpfs "$CLAUDE"
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
    expect(readdirSync(u.llmctlHome).filter((f) => f.includes('lock') || f.endsWith('.tmp'))).toEqual([]);
  });
});
