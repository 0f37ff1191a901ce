import { deadPid } from '../../test/helpers/pids.js';
import {
  existsSync,
  mkdtempSync,
  promises as fsp,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { processStartTime } from '../platform/process.js';
import { UNREADABLE_LOCK_GRACE_MS, withLock } from './lock.js';

function scratch(): { dir: string; lock: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-lock-'));
  return { dir, lock: path.join(dir, 'lock') };
}

describe('withLock', () => {
  it('many parallel holders incrementing a counter file lose no update, and leave no file behind', async () => {
    const { dir, lock } = scratch();
    const counter = path.join(dir, 'counter');
    writeFileSync(counter, '0');
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, () =>
        withLock(lock, async () => {
          const v = Number(readFileSync(counter, 'utf8'));
          await sleep(1);
          writeFileSync(counter, String(v + 1));
        }),
      ),
    );
    expect(Number(readFileSync(counter, 'utf8'))).toBe(n);
    expect(readdirSync(dir)).toEqual(['counter']);
  });

  it('the lock file holds its owner from the moment it exists', async () => {
    const { lock } = scratch();
    await withLock(lock, async () => {
      const owner = JSON.parse(readFileSync(lock, 'utf8'));
      expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    });
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock left by a dead process is taken over', async () => {
    const { lock } = scratch();
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'x' }));
    await expect(withLock(lock, async () => 'ran', 2_000)).resolves.toBe('ran');
  });

  it.skipIf(process.platform !== 'linux')(
    'a live pid with another start time is a reused pid: the lock is stale',
    async () => {
      const { lock } = scratch();
      writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '1', token: 'x' }));
      await expect(withLock(lock, async () => 'ran', 2_000)).resolves.toBe('ran');
    },
  );

  it('a live owner is never broken: the waiter gives up naming it, and the lock stays', async () => {
    const { lock } = scratch();
    const text = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      started: processStartTime(process.pid),
      token: 'x',
    });
    writeFileSync(lock, text);
    await expect(withLock(lock, async () => 'ran', 100)).rejects.toThrow(
      new RegExp(`another llmctl \\(pid ${process.pid}\\)`),
    );
    expect(readFileSync(lock, 'utf8')).toBe(text);
  });

  it('an unreadable (empty) lock file is respected for a grace period, then taken over', async () => {
    const { lock } = scratch();
    writeFileSync(lock, '');
    await expect(withLock(lock, async () => 'ran', 100)).rejects.toThrow(/another llmctl/);
    expect(existsSync(lock)).toBe(true);
    const old = (Date.now() - UNREADABLE_LOCK_GRACE_MS - 1_000) / 1000;
    utimesSync(lock, old, old);
    await expect(withLock(lock, async () => 'ran', 2_000)).resolves.toBe('ran');
  });

  it('the lock is released when the work throws', async () => {
    const { lock } = scratch();
    await expect(
      withLock(lock, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it(
    'what a killed holder left (its lock, its owner temp file, ' +
      'a half-written secrets temp) is gone after the next lock',
    async () => {
      const { dir, lock } = scratch();
      const dead = deadPid();
      writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), token: 'x' }));
      writeFileSync(`${lock}.${dead}.0123456789abcdef.tmp`, '{}');
      writeFileSync(path.join(dir, `.secrets.json.${dead}.deadbeef.tmp`), '{"ver');
      writeFileSync(path.join(dir, 'secrets.json'), '{}');
      await withLock(lock, async () => undefined, 2_000);
      expect(readdirSync(dir)).toEqual(['secrets.json']);
    },
  );

  it('on a file system without hard links the lock still excludes and carries its owner', async () => {
    const { dir, lock } = scratch();
    const link = vi
      .spyOn(fsp, 'link')
      .mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));
    try {
      const counter = path.join(dir, 'counter');
      writeFileSync(counter, '0');
      await Promise.all(
        Array.from({ length: 20 }, () =>
          withLock(lock, async () => {
            expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
            const v = Number(readFileSync(counter, 'utf8'));
            await sleep(1);
            writeFileSync(counter, String(v + 1));
          }),
        ),
      );
      expect(link).toHaveBeenCalled();
      expect(Number(readFileSync(counter, 'utf8'))).toBe(20);
      expect(readdirSync(dir)).toEqual(['counter']);
    } finally {
      link.mockRestore();
    }
  });
});
