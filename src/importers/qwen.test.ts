import { describe, expect, it } from 'vitest';
import { importQwen } from './qwen.js';
import { importGemini } from './gemini.js';

const settings = `{
  // mine
  "modelProviders": {
    "openai": [
      { "id": "qwen3-coder-plus", "name": "Qwen3 Coder", "baseUrl": "https://dashscope.aliyuncs.com/compatible-mode/v1", "envKey": "DASHSCOPE_API_KEY",
        "generationConfig": { "samplingParams": { "max_tokens": 8192 } } },
      { "id": "deepseek-chat", "baseUrl": "https://api.deepseek.com/v1", "envKey": "DEEPSEEK_API_KEY" }
    ],
    "llmctl": [{ "id": "x", "baseUrl": "http://127.0.0.1:4200/v1", "envKey": "LLMCTL_PROXY_KEY" }]
  },
  "model": { "name": "deepseek-chat" }
}`;

describe('importQwen', () => {
  it('models per baseUrl; a key the .env holds → secret, else env:envKey', async () => {
    const r = await importQwen(settings, 'settings.json', '# keys\nDEEPSEEK_API_KEY="sk-deepseek-0123456789"\n');
    expect(r.providers).toEqual({
      dashscope: {
        preset: 'custom',
        apiBase: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
        apiKey: 'env:DASHSCOPE_API_KEY',
      },
      deepseek: {
        preset: 'custom',
        apiBase: 'https://api.deepseek.com/v1',
        apiKey: 'secret:deepseek',
      },
    });
    expect(r.models).toEqual([
      { name: 'qwen3-coder-plus', provider: 'dashscope', maxTokens: 8192 },
      { name: 'deepseek-chat', provider: 'deepseek' },
    ]);
    expect(r.secrets).toEqual({ deepseek: 'sk-deepseek-0123456789' });
    expect(r.proxy).toEqual({ port: 4200 });
    expect(r.tools).toEqual({ qwen: { enabled: true, model: 'deepseek-chat' } });
  });
});

describe('importGemini', () => {
  it('llmctl’s proxy gives its port; another gateway is a note; nothing set says so', async () => {
    const ours = await importGemini('GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:4000\nGEMINI_API_KEY=k\n', '.env');
    expect(ours.proxy).toEqual({ port: 4000 });
    expect(ours.secrets).toEqual({});
    const gw = await importGemini(
      'GOOGLE_GEMINI_BASE_URL=https://gw.example.com\nGEMINI_API_KEY=sk-secret-123456\n',
      '.env',
    );
    expect(gw.providers).toEqual({});
    expect(gw.warnings[0]!.message).toContain('https://gw.example.com');
    expect(JSON.stringify(gw)).not.toContain('sk-secret-123456');
    const none = await importGemini('', '.env');
    expect(none.warnings[0]!.message).toMatch(/nothing to import/);
  });
});
