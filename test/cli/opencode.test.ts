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
  opencode: { enabled: true, model: deepseek-chat, setDefault: true }
`;
const UPSTREAM_KEY = 'sf-upstream-key-abcdef123456';

function opencodeUser(config = CONFIG) {
  const sb = sandbox({ SF_KEY: UPSTREAM_KEY });
  const dir = path.join(sb.home, '.config', 'opencode');
  mkdirSync(dir, { recursive: true });
  const files = {
    json: path.join(dir, 'opencode.json'),
    key: path.join(dir, 'llmctl.key'),
    yaml: path.join(sb.llmctlHome, 'llmctl.yaml'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  copyFileSync(path.join(FIXTURES, 'opencode-rich', 'opencode.json'), files.json);
  writeFileSync(files.yaml, config);
  return { ...sb, files };
}

describe('the opencode target', () => {
  it('is off by default', async () => {
    const u = opencodeUser(CONFIG.replace(/ {2}opencode:.*\n/, ''));
    const before = readFileSync(u.files.json, 'utf8');
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(u.files.json, 'utf8')).toBe(before);
    expect(existsSync(u.files.key)).toBe(false);
  });

  it(
    'sync --dry-run, sync, --check, status, ' +
      'unlink and restore all pick it up; the key is only in llmctl.key (0600)',
    async () => {
      const u = opencodeUser();
      const original = readFileSync(u.files.json, 'utf8');
      const dry = await llmctl(u, ['sync', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('"llmctl": {');
      expect(readFileSync(u.files.json, 'utf8')).toBe(original);
      expect((await llmctl(u, ['sync', '--check'])).code).toBe(3);
      const r = await llmctl(u, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      const json = readFileSync(u.files.json, 'utf8');
      const key = (JSON.parse(readFileSync(u.files.secrets, 'utf8')) as { secrets: { proxy: string } }).secrets.proxy;
      expect(json).toContain('"apiKey": "{file:~/.config/opencode/llmctl.key}"');
      expect(json).toContain('"model": "llmctl/deepseek-chat", // the default');
      expect(json).toContain('"output": 8192');
      expect(json).not.toContain(key);
      expect(json).not.toContain(UPSTREAM_KEY);
      expect(readFileSync(u.files.key, 'utf8')).toBe(key);
      expect(statSync(u.files.key).mode & 0o777).toBe(0o600);
      expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
      expect((await llmctl(u, ['status', '--json'])).stdout).toContain('opencode');

      const un = await llmctl(u, ['unlink', 'opencode']);
      expect(un.code, un.stderr).toBe(0);
      expect(readFileSync(u.files.json, 'utf8')).toBe(original);
      expect(existsSync(u.files.key)).toBe(false);
      expect((await llmctl(u, ['sync'])).code).toBe(0);
      expect(readFileSync(u.files.json, 'utf8')).toBe(original);
      const back = await llmctl(u, ['restore']);
      expect(back.code, back.stderr).toBe(0);
      expect(readFileSync(u.files.json, 'utf8')).toBe(json);
    },
  );

  it('refuses a file that is not JSONC, with file:line:col, in English and in Chinese', async () => {
    const u = opencodeUser();
    copyFileSync(path.join(FIXTURES, 'opencode-rich', 'opencode.invalid.json'), u.files.json);
    const r = await llmctl(u, ['sync']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${u.files.json.replace(/[.]/g, '\\.')}:\\d+:\\d+: not valid JSONC`));
    const zh = await llmctl(u, ['sync'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('不是有效的 JSONC');
    expect(existsSync(u.files.key)).toBe(false);
  });
});
