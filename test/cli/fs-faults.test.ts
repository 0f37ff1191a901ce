import { execFile } from 'node:child_process';
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
import { canRunUnprivileged, llmctlUnprivileged } from '../helpers/privileges.js';
import { BIN, sandbox, type RunResult, type Sandbox } from '../helpers/cli.js';
import { CONFIG, richUser } from '../helpers/rich-user.js';

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

describe.skipIf(process.platform === 'win32')('folders llmctl creates', () => {
  it(
    'are 0700 under umask 000 (llmctl home, backups, cache, ' +
      '~/.continue, ~/.claude); folders that existed keep their mode',
    async () => {
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
    },
  );
});

describe.skipIf(!canRunUnprivileged)('a symlink into a folder llmctl may not write', () => {
  it(
    'a symlinked settings.json whose target folder is read-only is ' +
      'refused naming the link and the target; the target and the link stay',
    async () => {
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
    },
  );
});
