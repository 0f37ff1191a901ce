import { describe, expect, it } from 'vitest';
import { currentPlatform } from './index.js';

// Every program llmctl starts through the platform (version probes of LiteLLM and the tools, reg,
// where.exe, ss…) gets the runtime allow-list, never the whole shell, plus what the caller adds.
describe.skipIf(process.platform === 'win32')('Platform.run', () => {
  it("passes the allow-list and the caller's variables, never the shell's keys", async () => {
    const p = currentPlatform({
      PATH: process.env.PATH,
      HOME: '/home/jane',
      PYENV_VERSION: '3.12.4',
      OPENAI_API_KEY: 'sk-shell-key-never-passed-0001',
      ANTHROPIC_AUTH_TOKEN: 'shell-token-never-passed-0002',
    });
    const r = await p.run('env', [], { env: { LITELLM_LOCAL_MODEL_COST_MAP: 'True' } });
    expect(r.code, r.stderr).toBe(0);
    const names = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(0, l.indexOf('=')));
    expect(names.sort()).toEqual(['HOME', 'LITELLM_LOCAL_MODEL_COST_MAP', 'PATH', 'PYENV_VERSION']);
    expect(r.stdout).not.toContain('never-passed');
  });
});
