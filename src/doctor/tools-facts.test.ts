import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../platform/fake.js';
import { programVersion } from './tools-facts.js';

const NPM = 'C:\\Users\\Jane Doe\\AppData\\Roaming\\npm';

describe('finding a tool on PATH (programVersion)', () => {
  it('Linux: `<bin> --version` prints the version', async () => {
    const p = fakePlatform({ os: 'linux', commands: { 'codex --version': 'codex-cli 0.171.0\n' } });
    expect(await programVersion(p, 'codex')).toEqual({ installed: true, version: '0.171.0' });
  });

  it('Linux: not on PATH is not installed, and nothing else is tried', async () => {
    const p = fakePlatform({ os: 'linux' });
    expect(await programVersion(p, 'gemini')).toEqual({ installed: false });
    expect(p.calls).toEqual(['gemini --version']);
  });

  it("Windows: npm's gemini.cmd is found with where.exe and run through cmd.exe", async () => {
    const p = fakePlatform({
      commands: {
        'where.exe gemini': `${NPM}\\gemini\r\n${NPM}\\gemini.cmd\r\n`,
        'cmd.exe /d /c gemini --version': '0.61.0\r\n',
      },
    });
    expect(await programVersion(p, 'gemini')).toEqual({ installed: true, version: '0.61.0' });
  });

  it('Windows: found by where.exe but it does not run: installed, version unknown', async () => {
    const p = fakePlatform({ commands: { 'where.exe qwen': `${NPM}\\qwen.cmd\r\n` } });
    expect(await programVersion(p, 'qwen')).toEqual({ installed: true });
  });
});
