import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../platform/fake.js';
import { installedTools, onPath } from './installed.js';
import { parseTools } from './flags.js';

describe('installedTools', () => {
  it('finds programs on PATH (PATHEXT on Windows); a tool not there is not offered', () => {
    const linux = fakePlatform({
      os: 'linux',
      env: { PATH: '/usr/bin:/home/u/.npm/bin' },
      files: ['/home/u/.npm/bin/qwen'],
    });
    expect(installedTools(linux)).toEqual(['qwen']);
    const win = fakePlatform({
      env: { Path: 'C:\\npm;C:\\Windows', PATHEXT: '.EXE;.CMD' },
      files: ['C:\\npm\\codex.cmd', 'C:\\npm\\opencode.exe'],
    });
    expect(installedTools(win)).toEqual(['codex', 'opencode']);
    expect(onPath(fakePlatform({ os: 'linux', env: {} }), 'gemini')).toBe(false);
  });

  it('--tools takes the new tools by name', () => {
    expect(parseTools('claude,codex,gemini')).toEqual(['claude', 'codex', 'gemini']);
    expect(() => parseTools('vim')).toThrow(/vim/);
  });
});
