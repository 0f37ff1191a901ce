import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmctlError } from '../errors.js';
import { setLocale } from '../i18n/index.js';
import { writeFileAtomic } from './atomic.js';
import { osError } from './os-error.js';

function errno(code: string, p = '/x/.settings.json.123.tmp'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '${p}'`), { code, path: p });
}

describe('osError', () => {
  it.each([
    ['EACCES', /permission denied/, /permissions/],
    ['EPERM', /not permitted/, /owner/],
    ['EROFS', /read-only/, /remount/],
    ['ENOSPC', /no space left/, /free some disk space/],
    ['EBUSY', /busy/, /close the program/],
    ['ENOENT', /folder on its path does not exist/, /create the folder/],
    ['ENOTDIR', /not a folder/, /fix the path/],
    ['EISDIR', /is a folder, not a file/, /move the folder away/],
    ['EMFILE', /too many open files/, /ulimit -n/],
  ])('%s becomes a user error naming the file, what the OS said and what to do', (code, said, todo) => {
    const e = osError(errno(code), '/home/u/.claude/settings.json', 'write');
    expect(e).toBeInstanceOf(LlmctlError);
    const err = e as LlmctlError;
    expect(err.message).toMatch(new RegExp(`^cannot write /home/u/\\.claude/settings\\.json: `));
    expect(err.message).toMatch(said);
    expect(err.message).toContain(`[${code}]`);
    expect(err.message).toContain('(at /x/.settings.json.123.tmp)');
    expect(err.hint).toMatch(todo);
  });

  it('says it in Chinese under a Chinese locale: the same file, path and code', () => {
    setLocale('zh-CN');
    try {
      const err = osError(errno('EACCES'), '/home/u/.claude/settings.json', 'write') as LlmctlError;
      expect(err.message).toBe(
        '无法写入 /home/u/.claude/settings.json：权限不足（位置：/x/.settings.json.123.tmp） [EACCES]',
      );
      expect(err.hint).toContain('ls -ld');
      expect(err.hint).toMatch(/所有者/);
    } finally {
      setLocale('en');
    }
  });

  it('anything else is passed on unchanged', () => {
    const other = new TypeError('boom');
    expect(osError(other, '/f', 'write')).toBe(other);
    expect(osError(errno('EWHATEVER'), '/f', 'write')).toBeInstanceOf(Error);
    expect(osError(errno('EWHATEVER'), '/f', 'write')).not.toBeInstanceOf(LlmctlError);
  });
});

describe('writeFileAtomic on failure', () => {
  it('removes its temp file when writing the data fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-atomic-fail-'));
    await expect(writeFileAtomic(path.join(dir, 'f.json'), 123 as unknown as string)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it(
    'removes its temp file when the rename fails, ' + 'and says so in words (a folder where the file should be)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-atomic-fail-'));
      mkdirSync(path.join(dir, 'settings.json'));
      const e = await writeFileAtomic(path.join(dir, 'settings.json'), '{}').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(LlmctlError);
      expect((e as LlmctlError).message).toContain(
        `cannot write ${path.join(dir, 'settings.json')}: it is a folder, not a file`,
      );
      expect(readdirSync(dir)).toEqual(['settings.json']);
    },
  );
});
