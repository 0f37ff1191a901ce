import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../config/load.js';
import { authClients, renderAuthModule } from './auth-module.js';

async function config(proxy: string) {
  const v = await validateConfigText(
    `version: 1\nproviders:\n  p: { preset: vllm, apiBase: http://127.0.0.1:9/v1 }\nmodels:\n  - { name: 'we"ird\\\\name', provider: p }\n  - { name: small, provider: p }\nproxy:\n${proxy}`,
    '/h/llmctl.yaml',
  );
  expect(v.errors).toEqual([]);
  return v.config!;
}

describe('the proxy key check module', () => {
  it('holds each client as its key variable, models and limits in LiteLLM names, never a key', async () => {
    const c = await config(
      '  clients:\n    webui: { key: secret:client-webui, models: [small], rpm: 3, tpm: 1000, maxBudget: 5 }\n' +
        '    ci: { key: env:CI_KEY }\n',
    );
    expect(authClients(c)).toEqual({
      webui: { env: 'LLMCTL_KEY_CLIENT_WEBUI', models: ['small'], rpm: 3, tpm: 1000, max_budget: 5 },
      ci: { env: 'CI_KEY' },
    });
  });

  it('writes the table as a Python literal that decodes to the same JSON, whatever the names hold', async () => {
    const c = await config("  clients:\n    webui: { key: secret:w, models: ['we\"ird\\\\name'] }\n");
    const text = renderAuthModule(c, 'import json\nCLIENTS = json.loads("{}")\n');
    const literal = /^CLIENTS = json\.loads\((".*")\)$/m.exec(text)![1]!;
    // A JSON string literal is a Python string literal with the same value.
    expect(JSON.parse(JSON.parse(literal) as string)).toEqual(authClients(c));
    expect(text.split('\n')).toHaveLength(3);
  });

  it('an llmctl.yaml without clients gives the empty table', async () => {
    const c = await config('  port: 4000\n');
    expect(renderAuthModule(c, 'CLIENTS = json.loads("{}")')).toBe('CLIENTS = json.loads("{}")');
  });
});
