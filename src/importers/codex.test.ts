import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/golden.js';
import { importCodex } from './codex.js';

const rich = readFileSync(`${FIXTURES}codex-rich/config.toml`, 'utf8');

describe('importCodex', () => {
  it('the built-in OpenAI provider: its model, the key as env:OPENAI_API_KEY (never a value)', async () => {
    const r = await importCodex(rich, 'config.toml');
    expect(r.providers).toEqual({ openai: { preset: 'openai', apiKey: 'env:OPENAI_API_KEY' } });
    expect(r.models).toEqual([{ name: 'gpt-5.2-codex', provider: 'openai' }]);
    expect(r.tools).toEqual({ codex: { enabled: true, model: 'gpt-5.2-codex' } });
    expect(r.secrets).toEqual({});
  });

  it('a provider of the user’s own: its base_url, and env_key as an env: reference', async () => {
    const r = await importCodex(`model_provider = "azure"\n${rich}`, 'config.toml');
    expect(r.providers).toEqual({
      'example-resource': {
        preset: 'custom',
        apiBase: 'https://example-resource.openai.azure.com/openai',
        apiKey: 'env:AZURE_OPENAI_API_KEY',
      },
    });
    expect(r.models).toEqual([{ name: 'gpt-5.2-codex', provider: 'example-resource' }]);
  });

  it('a literal bearer token goes to the secrets store; llmctl’s own table gives the proxy port', async () => {
    const text = `model = "m"\nmodel_provider = "gw"\n[model_providers.gw]\nbase_url = "http://10.0.0.5:8000/v1"\nexperimental_bearer_token = "sk-real-token-123456"\n[model_providers.llmctl]\nbase_url = "http://127.0.0.1:4100/v1"\n`;
    const r = await importCodex(text, 'config.toml');
    expect(r.providers['10-0-0-5']).toEqual({
      preset: 'custom',
      apiBase: 'http://10.0.0.5:8000/v1',
      apiKey: 'secret:10-0-0-5',
    });
    expect(r.secrets).toEqual({ '10-0-0-5': 'sk-real-token-123456' });
    expect(r.proxy).toEqual({ port: 4100 });
  });

  it('refuses a file that is not TOML, with its place', async () => {
    await expect(importCodex('model = \n', 'config.toml')).rejects.toThrow(/config\.toml:1:\d+: not valid TOML/);
  });
});
