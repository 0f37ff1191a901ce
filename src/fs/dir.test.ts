import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDir } from './dir.js';

const mode = (p: string) => statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('ensureDir', () => {
  it.each([0o000, 0o002])(
    'creates every missing folder 0700 under umask %o, and leaves existing ones alone',
    async (umask) => {
      const root = mkdtempSync(path.join(tmpdir(), 'llmctl-dir-'));
      const existing = path.join(root, 'existing');
      mkdirSync(existing);
      chmodSync(existing, 0o755);
      const old = process.umask(umask);
      try {
        await ensureDir(path.join(existing, 'a', 'b', 'c'));
        await ensureDir(path.join(existing, 'a', 'b', 'c')); // again: nothing to create, nothing changes
      } finally {
        process.umask(old);
      }
      expect(mode(existing)).toBe(0o755);
      for (const d of ['a', 'a/b', 'a/b/c']) expect(mode(path.join(existing, d)), d).toBe(0o700);
    },
  );
});
