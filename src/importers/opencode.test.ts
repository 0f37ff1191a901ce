import { describe, expect, it } from 'vitest';
import { importOpencode } from './opencode.js';

const text = `{
  // my providers
  "$schema": "https://opencode.ai/config.json",
  "model": "gw/deepseek-chat",
  "provider": {
    "gw": {
      "npm": "@ai-sdk/openai-compatible",
      "options": { "baseURL": "https://gw.example.com/v1", "apiKey": "{env:GW_KEY}" },
      "models": {
        "deepseek-chat": { "name": "DeepSeek", "limit": { "context": 65536, "output": 8192 } },
        "qwen-max": {},
      },
    },
    "lit": { "options": { "baseURL": "http://10.0.0.5:8000/v1", "apiKey": "sk-literal-key-0123456789" }, "models": { "m1": {} } },
    "nobase": { "models": { "x": {} } },
    "llmctl": { "options": { "baseURL": "http://127.0.0.1:4100/v1" } },
  },
}`;

describe('importOpencode', () => {
  it('providers with their models; {env:X} → env:X, a literal key → the secrets store', async () => {
    const r = await importOpencode(text, 'opencode.json');
    expect(r.providers).toEqual({
      gw: { preset: 'custom', apiBase: 'https://gw.example.com/v1', apiKey: 'env:GW_KEY' },
      '10-0-0-5': { preset: 'custom', apiBase: 'http://10.0.0.5:8000/v1', apiKey: 'secret:10-0-0-5' },
    });
    expect(r.models).toEqual([
      { name: 'deepseek-chat', provider: 'gw', maxTokens: 8192 },
      { name: 'qwen-max', provider: 'gw' },
      { name: 'm1', provider: '10-0-0-5' },
    ]);
    expect(r.secrets).toEqual({ '10-0-0-5': 'sk-literal-key-0123456789' });
    expect(r.proxy).toEqual({ port: 4100 });
    expect(r.tools).toEqual({ opencode: { enabled: true, model: 'deepseek-chat' } });
    expect(r.warnings.map((w) => w.path)).toEqual(['provider.nobase']);
  });

  it('refuses a file that is not JSONC, with its place', async () => {
    await expect(importOpencode('{ "provider": ', 'opencode.json')).rejects.toThrow(/opencode\.json/);
  });
});
