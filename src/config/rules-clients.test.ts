import { describe, expect, it } from 'vitest';
import { validateConfigText } from './load.js';

const cfg = (proxy: string) =>
  `version: 1\nproviders:\n  p: { preset: vllm, apiBase: http://127.0.0.1:9/v1 }\nmodels:\n  - { name: small, provider: p }\n  - { name: large, provider: p }\nproxy:\n${proxy}`;

async function problems(proxy: string) {
  const v = await validateConfigText(cfg(proxy), '/h/llmctl.yaml');
  return v.errors.map((e) => ({ path: e.path, message: e.message, hint: e.hint }));
}

describe('proxy.clients rules', () => {
  it('accepts clients with their own keys and known models', async () => {
    expect(
      await problems(
        '  clients:\n    webui: { key: secret:webui, models: [small], rpm: 3 }\n    ci: { key: env:CI_KEY }\n',
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'an unknown model, naming the known ones',
      '  clients:\n    webui: { key: secret:webui, models: [small, huge] }\n',
      'proxy.clients.webui.models[1]',
      /"huge", which is not in models/,
      /small, large/,
    ],
    [
      'the master key (the default secret:proxy)',
      '  clients:\n    webui: { key: secret:proxy }\n',
      'proxy.clients.webui.key',
      /master key/,
      /keys client add webui --force/,
    ],
    [
      'the master key set in proxy.masterKey',
      '  masterKey: env:MASTER\n  clients:\n    webui: { key: env:MASTER }\n',
      'proxy.clients.webui.key',
      /master key/,
      /--force/,
    ],
    [
      'two clients with one key',
      '  clients:\n    a: { key: secret:shared }\n    b: { key: secret:shared }\n',
      'proxy.clients.b.key',
      /same key as client "a"/,
      /keys client add b/,
    ],
    [
      'a name LiteLLM logs cannot show',
      '  clients:\n    "bad name": { key: secret:x }\n',
      'proxy.clients.bad name',
      /has characters/,
      /letters, digits/,
    ],
    [
      'clients with a user database (no llmctl key check)',
      '  generalSettings: { database_url: env:DB_URL }\n  clients:\n    webui: { key: secret:webui }\n',
      'proxy.clients',
      /database_url or custom_auth/,
      /virtual keys/,
    ],
  ])('refuses %s', async (_what, proxy, path, message, hint) => {
    const e = await problems(proxy);
    expect(e).toHaveLength(1);
    expect(e[0]!.path).toBe(path);
    expect(e[0]!.message).toMatch(message);
    expect(e[0]!.hint).toMatch(hint);
  });
});
