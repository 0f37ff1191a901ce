import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG, syncedSetup } from '../../test/helpers/doctor-setup.js';
import { setLocale } from '../i18n/index.js';
import { diagnose } from './run.js';
import { toolChecksOf } from './tools-checks.js';
import type { ToolFacts } from './tools-facts.js';
import type { Check } from './types.js';

const TOOLS_ON = `${CONFIG}  codex: { enabled: true }
  opencode: { enabled: true }
  qwen: { enabled: true, model: GLM-4-Flash-250414 }
  gemini: { enabled: true }
`;
const byId = (checks: Check[], id: string) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
};
const statuses = (checks: Check[]) =>
  Object.fromEntries(checks.filter((c) => c.id.startsWith('tools.')).map((c) => [c.id, c.status]));

afterEach(() => setLocale('en'));

describe('doctor: Codex CLI, opencode, Qwen Code and Gemini CLI', () => {
  it('tools not enabled in llmctl.yaml: every tools.* check SKIPs', async () => {
    const s = await syncedSetup();
    const { checks } = await diagnose(s.platform, s.paths);
    const tools = checks.filter((c) => c.id.startsWith('tools.'));
    expect(tools).toHaveLength(12);
    expect(tools.every((c) => c.status === 'SKIP')).toBe(true);
    expect(byId(checks, 'tools.codex.config').found).toContain('tools.codex.enabled');
  });

  it('synced and enabled: config and models PASS; a program not on PATH is a WARN with the npm install', async () => {
    const s = await syncedSetup({ config: TOOLS_ON });
    const bin = path.join(s.sb.dir, 'tool-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'qwen'), '#!/bin/sh\necho 0.24.4\n', { mode: 0o755 });
    // Only the fake qwen on PATH: a codex installed on this machine must not turn the WARN into a PASS.
    s.platform.env.PATH = bin;
    const { checks } = await diagnose(s.platform, s.paths);
    expect(byId(checks, 'tools.qwen.installed')).toMatchObject({ status: 'PASS', found: 'Qwen Code 0.24.4' });
    expect(byId(checks, 'tools.codex.installed')).toMatchObject({
      status: 'WARN',
      fix: 'npm install -g @openai/codex',
    });
    for (const tool of ['codex', 'opencode', 'qwen', 'gemini']) {
      expect(byId(checks, `tools.${tool}.config`).status, tool).toBe('PASS');
      expect(byId(checks, `tools.${tool}.models`).status, tool).toBe('PASS');
    }
    expect(byId(checks, 'tools.codex.config').found).toMatch(/config\.toml → http:\/\/127\.0\.0\.1:4000\/v1$/);
    expect(byId(checks, 'tools.gemini.config').found).toMatch(/\.env → http:\/\/127\.0\.0\.1:4000$/);
    expect(byId(checks, 'tools.qwen.models').found).toContain('GLM-4-Flash-250414');
  });

  it(
    'a base URL pointed elsewhere FAILs with ' + '`llmctl sync --only <tool>` (--force when sync would keep the edit)',
    async () => {
      const s = await syncedSetup({ config: TOOLS_ON });
      const codex = path.join(s.sb.home, '.codex', 'config.toml');
      writeFileSync(
        codex,
        readFileSync(codex, 'utf8').replace('http://127.0.0.1:4000/v1', 'https://api.example.com/v1'),
      );
      const env = path.join(s.sb.home, '.gemini', '.env');
      writeFileSync(
        env,
        readFileSync(env, 'utf8').replace(/GOOGLE_GEMINI_BASE_URL=.*/, 'GOOGLE_GEMINI_BASE_URL=http://x:1'),
      );
      const { checks } = await diagnose(s.platform, s.paths);
      const c = byId(checks, 'tools.codex.config');
      expect(c.status).toBe('FAIL');
      expect(c.found).toContain('https://api.example.com/v1');
      expect(c.fix).toMatch(/^llmctl sync --only codex( --force)?$/);
      expect(byId(checks, 'tools.gemini.config')).toMatchObject({
        status: 'FAIL',
        fix: expect.stringMatching(/^llmctl sync --only gemini/),
      });
    },
  );

  it('pure over facts: missing file, unreadable file, models not on the proxy; same statuses in Chinese', async () => {
    const s = await syncedSetup({ config: TOOLS_ON });
    const { facts } = await diagnose(s.platform, s.paths);
    facts.config!.tools.gemini.model = 'gpt-nowhere';
    const tf: ToolFacts = {
      codex: { tool: 'codex', installed: true, version: '0.171.0', file: '/h/.codex/config.toml', missing: true },
      opencode: { tool: 'opencode', installed: false, file: '/h/opencode.json', error: 'not valid JSON' },
      qwen: { tool: 'qwen', installed: true, file: '/h/settings.json' },
      gemini: { tool: 'gemini', installed: true, file: '/h/.env', base: 'http://127.0.0.1:4000/' },
    };
    const en = toolChecksOf(facts, tf);
    expect(statuses(en)).toEqual({
      'tools.codex.installed': 'PASS',
      'tools.codex.config': 'FAIL',
      'tools.codex.models': 'PASS',
      'tools.opencode.installed': 'WARN',
      'tools.opencode.config': 'FAIL',
      'tools.opencode.models': 'PASS',
      'tools.qwen.installed': 'PASS',
      'tools.qwen.config': 'FAIL',
      'tools.qwen.models': 'PASS',
      'tools.gemini.installed': 'PASS',
      'tools.gemini.config': 'PASS',
      'tools.gemini.models': 'FAIL',
    });
    expect(byId(en, 'tools.codex.config')).toMatchObject({
      found: '/h/.codex/config.toml does not exist',
      fix: 'llmctl sync --only codex',
    });
    expect(byId(en, 'tools.gemini.models').found).toBe('not on the proxy: gpt-nowhere');
    for (const c of en) if (c.status !== 'PASS' && c.status !== 'SKIP') expect(c.fix, c.id).toBeTruthy();
    setLocale('zh-CN');
    const zh = toolChecksOf(facts, tf);
    expect(statuses(zh)).toEqual(statuses(en));
    expect(byId(zh, 'tools.codex.config').found).toBe('/h/.codex/config.toml 不存在');
    expect(byId(zh, 'tools.gemini.models').found).toBe('代理上没有：gpt-nowhere');
    expect(byId(zh, 'tools.opencode.installed').title).toBe('已安装 opencode');
  });
});
