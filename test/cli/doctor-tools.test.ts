import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';

const CONFIG = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: deepseek-chat, provider: sf, model: deepseek-ai/DeepSeek-V3 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  codex: { enabled: true, model: deepseek-chat }
`;
const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };

interface Report {
  ok: boolean;
  checks: { id: string; title: string; status: string; found: string; fix?: string }[];
}

/** A user with Codex CLI enabled and synced, and a fake `codex` on PATH that prints its version. */
async function codexUser() {
  const sb = sandbox({ SF_KEY: 'sf-upstream-key-abcdef123456' });
  const bin = path.join(sb.dir, 'fake-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'codex'), '#!/bin/sh\necho "codex-cli 0.171.0"\n', { mode: 0o755 });
  sb.env.PATH = `${bin}${path.delimiter}${sb.env.PATH ?? ''}`;
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
  const sync = await llmctl(sb, ['sync']);
  expect(sync.code, sync.stderr).toBe(0);
  return sb;
}

const tools = (r: Report) =>
  Object.fromEntries(r.checks.filter((c) => c.id.startsWith('tools.')).map((c) => [c.id, c.status]));

describe('doctor: the tools of issue 15 (a fake codex on PATH)', () => {
  it('finds codex and its version, its config points at the proxy; the same in Chinese', async () => {
    const sb = await codexUser();
    const en = await llmctl(sb, ['doctor', '--json'], { env: EN });
    const zh = await llmctl(sb, ['doctor', '--json'], { env: ZH });
    const r = JSON.parse(en.stdout) as Report;
    // --json is data: English whatever the locale.
    expect(zh.stdout).toBe(en.stdout);
    expect(zh.code).toBe(en.code);
    expect(tools(r)).toMatchObject({
      'tools.codex.installed': 'PASS',
      'tools.codex.config': 'PASS',
      'tools.codex.models': 'PASS',
      'tools.opencode.installed': 'SKIP',
      'tools.qwen.config': 'SKIP',
      'tools.gemini.models': 'SKIP',
    });
    expect(r.checks.find((c) => c.id === 'tools.codex.installed')?.found).toBe('Codex CLI 0.171.0');

    const table = await llmctl(sb, ['doctor'], { env: ZH });
    expect(table.code).toBe(en.code);
    expect(table.stdout).toMatch(/^PASS\s+tools\.codex\.installed\s+Codex CLI 0\.171\.0$/m);
    expect(table.stdout).toMatch(/^PASS\s+tools\.codex\.config\s+.*config\.toml 指向 http:\/\/127\.0\.0\.1:4000\/v1$/m);
  });

  it(
    'a config.toml pointed elsewhere: FAIL, exit 1, ' + 'fix `llmctl sync --only codex`, in English and Chinese',
    async () => {
      const sb = await codexUser();
      const toml = path.join(sb.home, '.codex', 'config.toml');
      const before = readFileSync(toml, 'utf8');
      writeFileSync(toml, before.replace('http://127.0.0.1:4000/v1', 'https://api.openai.com/v1'));
      const en = await llmctl(sb, ['doctor'], { env: EN });
      const zh = await llmctl(sb, ['doctor'], { env: ZH });
      expect(en.code).toBe(1);
      expect(zh.code).toBe(1);
      expect(en.stdout).toMatch(
        /^FAIL\s+tools\.codex\.config\s+.*sends requests to https:\/\/api\.openai\.com\/v1, not to the proxy/m,
      );
      expect(zh.stdout).toMatch(
        /^FAIL\s+tools\.codex\.config\s+.*把请求发往 https:\/\/api\.openai\.com\/v1，而不是代理/m,
      );
      for (const out of [en.stdout, zh.stdout]) expect(out).toMatch(/llmctl sync --only codex/);
      // doctor never writes
      expect(readFileSync(toml, 'utf8')).toContain('https://api.openai.com/v1');
    },
  );
});
