import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid } from '../../test/helpers/pids.js';
import { resolveWriteTarget, sweepTempFiles, writeFileAtomic } from './atomic.js';

const isRoot = process.getuid?.() === 0;

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'llmctl-atomic-'));
}

describe('writing through symlinks', () => {
  it('a relative link: the target gets the bytes, the link stays, the temp file went next to the target', async () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'dotfiles'));
    mkdirSync(path.join(dir, 'home'));
    const target = path.join(dir, 'dotfiles', 'settings.json');
    writeFileSync(target, '{"old":true}\n', { mode: 0o640 });
    chmodSync(target, 0o640);
    const link = path.join(dir, 'home', 'settings.json');
    symlinkSync('../dotfiles/settings.json', link);
    expect(await resolveWriteTarget(link)).toBe(target);
    await writeFileAtomic(link, '{"new":true}\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../dotfiles/settings.json');
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}\n');
    expect(lstatSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(dir, 'home'))).toEqual(['settings.json']);
    expect(readdirSync(path.join(dir, 'dotfiles'))).toEqual(['settings.json']);
  });

  it('a chain of two links (absolute then relative) is followed to the real file', async () => {
    const dir = scratch();
    const real = path.join(dir, 'store', 'config.yaml');
    mkdirSync(path.dirname(real));
    writeFileSync(real, 'a: 1\n');
    const middle = path.join(dir, 'middle.yaml');
    symlinkSync('store/config.yaml', middle);
    const link = path.join(dir, 'config.yaml');
    symlinkSync(middle, link);
    expect(await resolveWriteTarget(link)).toBe(real);
    await writeFileAtomic(link, 'a: 2\n');
    expect(readlinkSync(link)).toBe(middle);
    expect(readlinkSync(middle)).toBe('store/config.yaml');
    expect(readFileSync(real, 'utf8')).toBe('a: 2\n');
  });

  it('a dangling link gets its target created; a plain or missing file is itself', async () => {
    const dir = scratch();
    const link = path.join(dir, '.env');
    symlinkSync('real.env', link);
    await writeFileAtomic(link, 'K=v\n', { mode: 0o600 });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.env'), 'utf8')).toBe('K=v\n');
    expect(await resolveWriteTarget(path.join(dir, 'real.env'))).toBe(path.join(dir, 'real.env'));
    expect(await resolveWriteTarget(path.join(dir, 'none'))).toBe(path.join(dir, 'none'));
  });

  it('a link into /nix/store is refused naming the link and the target, and nothing is written', async () => {
    const dir = scratch();
    const link = path.join(dir, 'settings.json');
    symlinkSync('/nix/store/0000-home-manager-files/settings.json', link);
    await expect(writeFileAtomic(link, '{}')).rejects.toThrow(
      /settings\.json is a symlink to \/nix\/store\/0000-home-manager-files\/settings\.json.*read-only/,
    );
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it.skipIf(isRoot)('a link into a folder this user cannot write is refused before anything is written', async () => {
    const dir = scratch();
    const ro = path.join(dir, 'ro');
    mkdirSync(ro);
    writeFileSync(path.join(ro, 'config.yaml'), 'a: 1\n');
    chmodSync(ro, 0o555);
    const link = path.join(dir, 'config.yaml');
    symlinkSync('ro/config.yaml', link);
    await expect(writeFileAtomic(link, 'a: 2\n')).rejects.toThrow(
      /is a symlink to .*ro\/config\.yaml, and .*not writable/,
    );
    expect(readFileSync(path.join(ro, 'config.yaml'), 'utf8')).toBe('a: 1\n');
  });

  it('a symlink loop is a clear error', async () => {
    const dir = scratch();
    symlinkSync('b', path.join(dir, 'a'));
    symlinkSync('a', path.join(dir, 'b'));
    await expect(resolveWriteTarget(path.join(dir, 'a'))).rejects.toThrow(/symlink loop/);
  });
});

describe('sweepTempFiles', () => {
  it('removes the temp files of a process that is gone, keeps a live one’s and every other file', async () => {
    const dir = scratch();
    const dead = deadPid();
    const leftovers = [`.settings.json.${dead}.deadbeef.tmp`, `lock.${dead}.0123456789abcdef.tmp`];
    const kept = [`.config.yaml.${process.pid}.cafebabe.tmp`, 'notes.1.tmp', `my.${dead}.backup.tmp`, 'settings.json'];
    for (const f of [...leftovers, ...kept]) writeFileSync(path.join(dir, f), 'x');
    expect((await sweepTempFiles(dir)).sort()).toEqual([...leftovers].sort());
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
  });
});
