import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  writeSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, type TxnFile } from './txn.js';

function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-txn-'));
  const backups = path.join(dir, 'backups');
  const file = (name: string, text?: string, mode = 0o644) => {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    if (text !== undefined) {
      writeFileSync(p, text);
      chmodSync(p, mode);
    }
    return p;
  };
  const opts = { backupsDir: backups, reason: 'test', force: false };
  const temps = () =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.tmp'));
  return { dir, backups, file, opts, temps };
}

const mode = (p: string) => statSync(p).mode & 0o777;

describe('commitFiles', () => {
  // The races below need sync's real look for another writer (the unit tier turns it off).
  const settle = process.env.LLMCTL_TEST_SETTLE_MS;
  beforeAll(() => {
    delete process.env.LLMCTL_TEST_SETTLE_MS;
  });
  afterAll(() => {
    if (settle !== undefined) process.env.LLMCTL_TEST_SETTLE_MS = settle;
  });

  it('is all or nothing: when the second file fails, the first is put back and no temp or backup is left', async () => {
    const s = scratch();
    const a = s.file('a.yaml', 'a: old\n');
    const b = s.file('b.json', '{"b":"old"}\n');
    // b changed after planning and cannot be planned again: the sync must stop with a changed.
    writeFileSync(b, '{"b":"changed by someone"}\n');
    const files: TxnFile[] = [
      { path: a, label: 'A', before: 'a: old\n', after: 'a: new\n' },
      { path: b, label: 'B', before: '{"b":"old"}\n', after: '{"b":"new"}\n' },
    ];
    await expect(commitFiles(files, s.opts)).rejects.toThrow(/b\.json kept changing/);
    expect(readFileSync(a, 'utf8')).toBe('a: old\n');
    expect(readFileSync(b, 'utf8')).toBe('{"b":"changed by someone"}\n');
    expect(s.temps()).toEqual([]);
    expect(readdirSync(s.backups)).toEqual([]);
  });

  it('a file changed after planning is patched again from its new text; the backup holds that text', async () => {
    const s = scratch();
    const f = s.file('settings.json', '{"tool":2}\n');
    const patch = (t: string | null) => (t!.includes('"llmctl"') ? t! : t!.replace('}', ',"llmctl":1}'));
    const files: TxnFile[] = [
      {
        path: f,
        label: 'S',
        before: '{"tool":1}\n',
        after: patch('{"tool":1}\n'),
        repatch: async (t) => ({ after: patch(t), state: { seen: t } }),
      },
    ];
    const r = await commitFiles(files, s.opts);
    expect(readFileSync(f, 'utf8')).toBe('{"tool":2,"llmctl":1}\n');
    // The target's state comes from the repatch of the tool's text (what llmctl patched), never from a
    // patch of llmctl's own output, which would take llmctl's values for the user's.
    expect(r.repatched.get(f)?.state).toEqual({ seen: '{"tool":2}\n' });
    const copy = r.backup!.files[0]!.copy!;
    expect(readFileSync(path.join(s.backups, r.backup!.id, copy), 'utf8')).toBe('{"tool":2}\n');
  });

  it(
    'a tool that writes back its stale copy just after the rename ' +
      'does not wipe llmctl’s change, nor keeps it from its own',
    async () => {
      const s = scratch();
      const f = s.file('settings.json', '{"a":1}\n');
      const patch = (t: string | null) => (t!.includes('"llmctl"') ? t! : t!.replace('}', ',"llmctl":1}'));
      // The tool read {"a":1} before llmctl's rename and writes its version after it.
      let wrote = false;
      const tool = setInterval(() => {
        if (!wrote && readFileSync(f, 'utf8') === '{"a":1,"llmctl":1}\n') {
          writeFileSync(f, '{"a":1,"tool":2}\n');
          wrote = true;
        }
      }, 1);
      try {
        await commitFiles(
          [
            {
              path: f,
              label: 'S',
              before: '{"a":1}\n',
              after: patch('{"a":1}\n'),
              repatch: async (t) => ({ after: patch(t) }),
            },
          ],
          s.opts,
        );
      } finally {
        clearInterval(tool);
      }
      expect(wrote).toBe(true);
      expect(readFileSync(f, 'utf8')).toBe('{"a":1,"tool":2,"llmctl":1}\n');
      expect(s.temps()).toEqual([]);
    },
  );

  it('a tool that truncates llmctl’s new file and then writes its own: the empty moment is never patched', async () => {
    const s = scratch();
    const f = s.file('settings.json', '{"a":1}\n');
    const patch = (t: string | null) => `${JSON.stringify({ ...JSON.parse(t?.trim() ? t : '{}'), llmctl: 1 })}\n`;
    let step = 0;
    const tool = setInterval(() => {
      if (step === 0 && readFileSync(f, 'utf8') === patch('{"a":1}')) {
        // In place: truncate now, write 80 ms later (after llmctl's first look) through the same descriptor.
        const fd = openSync(f, 'w');
        step = 1;
        setTimeout(() => {
          writeSync(fd, '{"a":1,"llmctl":1,"tool":2}\n');
          closeSync(fd);
          step = 2;
        }, 80);
      }
    }, 1);
    try {
      await commitFiles(
        [
          {
            path: f,
            label: 'S',
            before: '{"a":1}\n',
            after: patch('{"a":1}\n'),
            repatch: async (t) => ({ after: patch(t) }),
          },
        ],
        s.opts,
      );
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      clearInterval(tool);
    }
    expect(step).toBe(2);
    expect(readFileSync(f, 'utf8')).toBe('{"a":1,"llmctl":1,"tool":2}\n');
  });

  it('a file that stays empty though it had content is never patched as an empty document', async () => {
    const s = scratch();
    const f = s.file('settings.json', '');
    const files: TxnFile[] = [
      {
        path: f,
        label: 'S',
        before: '{"hooks":{}}\n',
        after: '{"hooks":{},"llmctl":1}\n',
        repatch: async (t) => ({ after: `${t ?? ''}{"llmctl":1}` }),
      },
    ];
    // The empty file is waited for (20 × the settle time: 100 ms here, 1 s in use), then refused.
    process.env.LLMCTL_TEST_SETTLE_MS = '5';
    const start = Date.now();
    try {
      await expect(commitFiles(files, s.opts)).rejects.toThrow(/kept changing/);
    } finally {
      delete process.env.LLMCTL_TEST_SETTLE_MS;
    }
    expect(Date.now() - start).toBeGreaterThanOrEqual(100);
    expect(readFileSync(f, 'utf8')).toBe('');
    expect(s.temps()).toEqual([]);
  });

  it('a file holding a key is 0600 after the write, also when it was 0644; other files keep their mode', async () => {
    const s = scratch();
    const secret = s.file('.env', 'A=1\n', 0o644);
    const plain = s.file('config.yaml', 'x: 1\n', 0o664);
    const fresh = s.file('new/.env');
    await commitFiles(
      [
        { path: secret, label: 'env', before: 'A=1\n', after: 'A=1\nK=sk\n', secret: true },
        { path: plain, label: 'cfg', before: 'x: 1\n', after: 'x: 2\n' },
        { path: fresh, label: 'new env', before: null, after: 'K=sk\n', mode: 0o644, secret: true },
      ],
      s.opts,
    );
    expect(mode(secret)).toBe(0o600);
    expect(mode(plain)).toBe(0o664);
    expect(mode(fresh)).toBe(0o600);
  });

  it('a read-only file is refused (nothing written) unless forced', async () => {
    const s = scratch();
    const ro = s.file('settings.json', '{}\n', 0o444);
    const other = s.file('config.yaml', 'x: 1\n');
    const files = (): TxnFile[] => [
      { path: other, label: 'cfg', before: 'x: 1\n', after: 'x: 2\n' },
      { path: ro, label: 'S', before: '{}\n', after: '{"a":1}\n', secret: true },
    ];
    await expect(commitFiles(files(), s.opts)).rejects.toThrow(/settings\.json is read-only \(mode 0444\)/);
    expect(readFileSync(other, 'utf8')).toBe('x: 1\n');
    expect(readFileSync(ro, 'utf8')).toBe('{}\n');
    await commitFiles(files(), { ...s.opts, force: true });
    expect(readFileSync(ro, 'utf8')).toBe('{"a":1}\n');
    expect(mode(ro)).toBe(0o400);
  });

  it(
    'removes temp files a killed run left next to its files, ' + 'and backup folders without a manifest; nothing else',
    async () => {
      const s = scratch();
      const f = s.file('settings.json', '{}\n');
      const stale = [
        s.file('.settings.json.llmctl-4194305-deadbeef.tmp', 'half'),
        s.file('.settings.json.4194306.0123abcd.tmp', 'half'),
      ];
      const keep = s.file('.settings.json.mine.tmp', 'user file');
      const partial = path.join(s.backups, '20260101-000000000-abcd');
      mkdirSync(partial, { recursive: true });
      writeFileSync(path.join(partial, '0-settings.json'), '{}\n');
      await commitFiles([{ path: f, label: 'S', before: '{}\n', after: '{"a":1}\n' }], s.opts);
      for (const p of stale) expect(existsSync(p)).toBe(false);
      expect(existsSync(keep)).toBe(true);
      expect(existsSync(partial)).toBe(false);
    },
  );

  it('writes through a symlink: the temp goes next to the target, the link stays', async () => {
    const s = scratch();
    const real = s.file('dotfiles/settings.json', '{}\n');
    const link = path.join(s.dir, 'home', 'settings.json');
    mkdirSync(path.dirname(link));
    symlinkSync(real, link);
    await commitFiles([{ path: link, label: 'S', before: '{}\n', after: '{"a":1}\n', secret: true }], s.opts);
    expect(readFileSync(real, 'utf8')).toBe('{"a":1}\n');
    expect(statSync(link).isFile()).toBe(true);
    expect(mode(real)).toBe(0o600);
  });
});
