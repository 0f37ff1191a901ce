import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/golden.js';

const CONFIG = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: GLM-4-Flash-250414, provider: sf }
  - { name: deepseek-chat, provider: sf, model: deepseek-ai/DeepSeek-V3, maxTokens: 8192 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  qwen: { enabled: true, model: deepseek-chat, setDefault: true }
`;
const UPSTREAM_KEY = 'sf-upstream-key-abcdef123456';

function qwenUser(config = CONFIG) {
  const sb = sandbox({ SF_KEY: UPSTREAM_KEY });
  const dir = path.join(sb.home, '.qwen');
  mkdirSync(dir, { recursive: true });
  const files = {
    settings: path.join(dir, 'settings.json'),
    env: path.join(dir, '.env'),
    yaml: path.join(sb.llmctlHome, 'llmctl.yaml'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  copyFileSync(path.join(FIXTURES, 'qwen-rich', 'settings.json'), files.settings);
  writeFileSync(files.env, 'DASHSCOPE_API_KEY=sk-dashscope-own-key-000\n', { mode: 0o600 });
  writeFileSync(files.yaml, config);
  return { ...sb, files };
}

describe('the Qwen Code target', () => {
  it('is off by default', async () => {
    const u = qwenUser(CONFIG.replace(/ {2}qwen:.*\n/, ''));
    const before = readFileSync(u.files.settings, 'utf8');
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(u.files.settings, 'utf8')).toBe(before);
  });

  it('sync, --check, status, unlink and restore pick it up; the key only in ~/.qwen/.env (0600)', async () => {
    const u = qwenUser();
    const original = readFileSync(u.files.settings, 'utf8');
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(3);
    const r = await llmctl(u, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    const settings = readFileSync(u.files.settings, 'utf8');
    const key = (JSON.parse(readFileSync(u.files.secrets, 'utf8')) as { secrets: { proxy: string } }).secrets.proxy;
    expect(settings).toContain('"envKey":"LLMCTL_PROXY_KEY"');
    expect(settings).toContain('"name": "deepseek-chat", // DashScope');
    expect(settings).not.toContain(key);
    expect(settings).not.toContain(UPSTREAM_KEY);
    expect(readFileSync(u.files.env, 'utf8')).toBe(
      `DASHSCOPE_API_KEY=sk-dashscope-own-key-000\nLLMCTL_PROXY_KEY=${key}\n`,
    );
    expect(statSync(u.files.env).mode & 0o777).toBe(0o600);
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
    expect((await llmctl(u, ['status', '--json'])).stdout).toContain('qwen');
    const un = await llmctl(u, ['unlink', 'qwen']);
    expect(un.code, un.stderr).toBe(0);
    expect(readFileSync(u.files.settings, 'utf8')).toBe(original);
    expect(readFileSync(u.files.env, 'utf8')).toBe('DASHSCOPE_API_KEY=sk-dashscope-own-key-000\n');
    const back = await llmctl(u, ['restore']);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(u.files.settings, 'utf8')).toBe(settings);
  });

  it('refuses a broken settings.json with its place, in English and Chinese, writing nothing', async () => {
    const u = qwenUser();
    copyFileSync(path.join(FIXTURES, 'qwen-rich', 'settings.invalid.json'), u.files.settings);
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not valid JSONC');
    const zh = await llmctl(u, ['sync'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('不是有效的 JSONC');
    expect(readFileSync(u.files.env, 'utf8')).toBe('DASHSCOPE_API_KEY=sk-dashscope-own-key-000\n');
    expect(existsSync(path.join(u.llmctlHome, 'litellm.config.yaml'))).toBe(false);
  });
});
