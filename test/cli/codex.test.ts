import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/golden.js';

const CONFIG = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: GLM-4-Flash-250414, provider: sf, maxTokens: 3000 }
  - { name: deepseek-chat, provider: sf, model: deepseek-ai/DeepSeek-V3 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  codex: { enabled: true, model: deepseek-chat, setDefault: true }
`;
const UPSTREAM_KEY = 'sf-upstream-key-abcdef123456';

/** A user with a rich ~/.codex/config.toml (CODEX_HOME unset: the default folder). */
function codexUser(config = CONFIG) {
  const sb = sandbox({ SF_KEY: UPSTREAM_KEY });
  const dir = path.join(sb.home, '.codex');
  mkdirSync(dir, { recursive: true });
  const files = {
    toml: path.join(dir, 'config.toml'),
    env: path.join(dir, '.env'),
    yaml: path.join(sb.llmctlHome, 'llmctl.yaml'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  copyFileSync(path.join(FIXTURES, 'codex-rich', 'config.toml'), files.toml);
  writeFileSync(files.env, '# my own\nOTHER_TOOL_KEY=abc\n', { mode: 0o600 });
  writeFileSync(files.yaml, config);
  return { ...sb, files };
}

const proxyKey = (secrets: string) =>
  (JSON.parse(readFileSync(secrets, 'utf8')) as { secrets: { proxy: string } }).secrets.proxy;

describe('the Codex CLI target', () => {
  it('is off by default: a config without tools.codex never touches ~/.codex', async () => {
    const u = codexUser(CONFIG.replace(/ {2}codex:.*\n/, ''));
    const before = readFileSync(u.files.toml, 'utf8');
    const r = await llmctl(u, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(u.files.toml, 'utf8')).toBe(before);
    expect(readFileSync(u.files.env, 'utf8')).toBe('# my own\nOTHER_TOOL_KEY=abc\n');
  });

  it('sync --dry-run, sync, --check, status, unlink and restore all pick it up', async () => {
    const u = codexUser();
    const original = readFileSync(u.files.toml, 'utf8');

    const dry = await llmctl(u, ['sync', '--dry-run', '--only', 'litellm,codex']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+[model_providers.llmctl]');
    expect(readFileSync(u.files.toml, 'utf8')).toBe(original);

    expect((await llmctl(u, ['sync', '--check'])).code).toBe(3);
    const r = await llmctl(u, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    const toml = readFileSync(u.files.toml, 'utf8');
    expect(toml).toContain('model = "deepseek-chat"   # the default model');
    expect(toml).toContain('model_provider = "llmctl"');
    expect(toml).toContain('env_key = "LLMCTL_PROXY_KEY"');
    expect(toml).toContain('[mcp_servers.docs]');
    // The key is in Codex's .env (0600), never in config.toml; the user's lines stay.
    const key = proxyKey(u.files.secrets);
    expect(toml).not.toContain(key);
    expect(toml).not.toContain(UPSTREAM_KEY);
    expect(readFileSync(u.files.env, 'utf8')).toBe(`# my own\nOTHER_TOOL_KEY=abc\nLLMCTL_PROXY_KEY=${key}\n`);
    expect(statSync(u.files.env).mode & 0o777).toBe(0o600);

    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
    const status = await llmctl(u, ['status', '--json']);
    expect(status.stdout).toContain('codex');

    const un = await llmctl(u, ['unlink', 'codex']);
    expect(un.code, un.stderr).toBe(0);
    expect(readFileSync(u.files.toml, 'utf8')).toBe(original);
    expect(readFileSync(u.files.env, 'utf8')).toBe('# my own\nOTHER_TOOL_KEY=abc\n');
    expect(readFileSync(u.files.yaml, 'utf8')).toMatch(/codex: \{ enabled: false,|codex:[^\n]*enabled: false/);
    // sync leaves it alone now (it may rewrite the LiteLLM config: the Responses bridge was for Codex).
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(u.files.toml, 'utf8')).toBe(original);

    const list = JSON.parse((await llmctl(u, ['restore', '--list', '--json'])).stdout) as {
      id: string;
      reason: string;
    }[];
    const unlinked = list.find((b) => b.reason === 'unlink codex')!;
    const back = await llmctl(u, ['restore', unlinked.id]);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(u.files.toml, 'utf8')).toBe(toml);
  });

  it('CODEX_HOME moves both files; a hand-edited provider is a conflict sync keeps', async () => {
    const u = codexUser();
    const home = path.join(u.dir, 'codex-home');
    const env = { CODEX_HOME: home };
    expect((await llmctl(u, ['sync'], { env })).code).toBe(0);
    const file = path.join(home, 'config.toml');
    expect(readFileSync(file, 'utf8')).toContain('[model_providers.llmctl]');
    expect(existsSync(path.join(home, '.env'))).toBe(true);
    writeFileSync(file, readFileSync(file, 'utf8').replace('127.0.0.1:4000', '10.0.0.9:4000'));
    const check = await llmctl(u, ['sync', '--check'], { env });
    expect(check.stderr + check.stdout).toContain('model_providers.llmctl');
    expect((await llmctl(u, ['sync'], { env })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('10.0.0.9:4000');
  });

  it('refuses a config.toml that does not parse, with file:line, and writes nothing', async () => {
    const u = codexUser();
    copyFileSync(path.join(FIXTURES, 'codex-rich', 'config.invalid.toml'), u.files.toml);
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${u.files.toml}:2:`);
    expect(r.stderr).toContain('not valid TOML');
    expect(existsSync(path.join(u.llmctlHome, 'litellm.config.yaml'))).toBe(false);
  });

  it('a model Codex would ask for that the proxy lacks is refused at its place in llmctl.yaml', async () => {
    const u = codexUser(CONFIG.replace('model: deepseek-chat', 'model: nope'));
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"nope"');
    expect(r.stderr).toContain('llmctl.yaml:');
  });

  it('says it in Chinese under zh_CN, with the same exit code and files', async () => {
    const u = codexUser();
    copyFileSync(path.join(FIXTURES, 'codex-rich', 'config.invalid.toml'), u.files.toml);
    const r = await llmctl(u, ['sync'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是有效的 TOML');
    const v = codexUser(CONFIG.replace(', setDefault: true', ''));
    const s = await llmctl(v, ['sync'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toContain('Codex 的默认设置仍是你自己的');
    expect(readFileSync(v.files.toml, 'utf8')).toBe(
      readFileSync(path.join(FIXTURES, 'codex-rich', 'expected.provider-only.toml'), 'utf8'),
    );
  });

  it('llmctl import codex adopts the provider Codex uses; the next sync points Codex at the proxy', async () => {
    const sb = sandbox({ AZURE_OPENAI_API_KEY: 'azure-key-0123456789' });
    const dir = path.join(sb.home, '.codex');
    mkdirSync(dir, { recursive: true });
    const toml = path.join(dir, 'config.toml');
    writeFileSync(
      toml,
      `model_provider = "azure"\n${readFileSync(path.join(FIXTURES, 'codex-rich', 'config.toml'), 'utf8')}`,
    );
    const original = readFileSync(toml, 'utf8');
    const r = await llmctl(sb, ['import', 'codex']);
    expect(r.code, r.stderr).toBe(0);
    const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
    expect(yaml).toContain('apiKey: env:AZURE_OPENAI_API_KEY');
    expect(yaml).toContain('gpt-5.2-codex');
    expect(yaml).not.toContain('azure-key-0123456789');
    expect(yaml).toMatch(/codex:\s*\n\s+enabled: true/);
    const s = await llmctl(sb, ['sync']);
    expect(s.code, s.stderr).toBe(0);
    const after = readFileSync(toml, 'utf8');
    expect(after).toContain('[model_providers.llmctl]');
    // The user's own default provider stays theirs until they say so (tools.codex.setDefault).
    expect(after).toContain('model_provider = "azure"');
    expect((await llmctl(sb, ['unlink', 'codex'])).code).toBe(0);
    expect(readFileSync(toml, 'utf8')).toBe(original);
  });
});
