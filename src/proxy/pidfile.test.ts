import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markStopRequested, readPidFile, removePidFile, writePidFile, type PidRecord } from './pidfile.js';

const record = (pid: number): PidRecord => ({
  pid,
  host: '127.0.0.1',
  port: 4000,
  startedAt: new Date().toISOString(),
  configFile: '/c',
  logFile: '/l',
  litellm: '/bin/litellm',
});

describe('pid file', () => {
  it('stop marks and removes only the record of the proxy it stopped, never a newer serve’s', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'llmctl-pid-')), 'proxy.pid');
    await writePidFile(file, record(222)); // a serve started after stop read pid 111
    await markStopRequested(file, 111);
    await removePidFile(file, 111);
    expect(await readPidFile(file)).toMatchObject({ pid: 222 });
    expect((await readPidFile(file))?.stopRequested).toBeUndefined();
    await markStopRequested(file, 222);
    expect((await readPidFile(file))?.stopRequested).toBe(true);
    await removePidFile(file, 222);
    expect(existsSync(file)).toBe(false);
  });

  it('a record serve already removed is not brought back by a late stop', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'llmctl-pid-')), 'proxy.pid');
    await markStopRequested(file, 111);
    expect(existsSync(file)).toBe(false);
  });
});
