import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';

const OPENCODE = `{
  // my own gateway
  "model": "gw/deepseek-chat",
  "provider": {
    "gw": {
      "npm": "@ai-sdk/openai-compatible",
      "options": { "baseURL": "https://gw.example.com/v1", "apiKey": "sk-literal-gw-key-0123456789" },
      "models": { "deepseek-chat": { "limit": { "context": 65536, "output": 8192 } } },
    },
  },
}
`;

function writeOpencode(home: string): string {
  const dir = path.join(home, '.config', 'opencode');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'opencode.json');
  writeFileSync(file, OPENCODE);
  return file;
}

describe('llmctl import opencode / qwen / gemini', () => {
  it(
    'opencode: provider and models adopted, ' +
      'the literal key stored (never shown); sync then unlink gives the bytes back',
    async () => {
      const sb = sandbox();
      const file = writeOpencode(sb.home);
      const r = await llmctl(sb, ['import', 'opencode']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain('sk-literal-gw-key-0123456789');
      const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
      expect(yaml).toContain('apiKey: secret:gw');
      expect(yaml).toContain('maxTokens: 8192');
      expect(yaml).not.toContain('sk-literal-gw-key');
      expect(yaml).toMatch(/opencode:\s*\n\s+enabled: true/);
      const s = await llmctl(sb, ['sync']);
      expect(s.code, s.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('"llmctl"');
      expect((await llmctl(sb, ['unlink', 'opencode'])).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(OPENCODE);
    },
  );

  it('opencode under LANG=zh_CN: same exit code and files', async () => {
    const sb = sandbox();
    writeOpencode(sb.home);
    const r = await llmctl(sb, ['import', 'opencode'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8')).toContain('apiKey: secret:gw');
  });

  it('qwen: modelProviders and the key from ~/.qwen/.env', async () => {
    const sb = sandbox();
    const dir = path.join(sb.home, '.qwen');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'settings.json'),
      '{ "modelProviders": { "openai": [{ "id": "deepseek-chat", "baseUrl": "https://api.deepseek.com/v1", "envKey": "DEEPSEEK_API_KEY" }] }, "model": { "name": "deepseek-chat" } }\n',
    );
    writeFileSync(path.join(dir, '.env'), 'DEEPSEEK_API_KEY=sk-deepseek-key-0123456789\n');
    const r = await llmctl(sb, ['import', 'qwen']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('sk-deepseek-key-0123456789');
    const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
    expect(yaml).toContain('apiKey: secret:deepseek');
    expect(yaml).toMatch(/qwen:\s*\n\s+enabled: true\s*\n\s+model: deepseek-chat/);
  });

  it('gemini: nothing to import without a gateway, and says so', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['import', 'gemini']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/nothing to import/);
    expect(existsSync(path.join(sb.llmctlHome, 'imports.json'))).toBe(false);
    const zh = await llmctl(sb, ['import', 'gemini'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('没有可导入的内容');
  });
});
