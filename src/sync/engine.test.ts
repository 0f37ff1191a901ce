import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { setLocale } from '../i18n/index.js';
import { SecretStore } from '../secrets/store.js';
import { missingKeys } from './engine.js';

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-engine-'));
  const file = path.join(dir, 'llmctl.yaml');
  writeFileSync(
    file,
    `version: 1
providers:
  a: { preset: siliconflow, apiKey: secret:a }
  b: { preset: siliconflow, apiKey: env:B_KEY }
models:
  - { name: m1, provider: a }
  - { name: m2, provider: b }
`,
  );
  return { loaded: await loadConfig(file), store: await SecretStore.open(path.join(dir, 'secrets.json')) };
}

describe('missingKeys', () => {
  afterEach(() => setLocale('en'));

  it(
    'returns a missing secret as an error and an unset env: ' + 'variable as a warning, both placed in llmctl.yaml',
    async () => {
      const { loaded, store } = await setup();
      const r = missingKeys(loaded, store, {});
      expect(r.errors.map((e) => [e.message, e.hint, e.line])).toEqual([
        ['secret "a" is not in the secrets store', 'run `llmctl keys set a`', 3],
      ]);
      expect(r.warnings.map((w) => [w.message, w.group, w.line])).toEqual([
        ['environment variable B_KEY is not set', { kind: 'no-key', name: 'b' }, 4],
      ]);
    },
  );

  it('finds nothing missing once the secret is stored and the variable set', async () => {
    const { loaded, store } = await setup();
    store.set('a', 'sk-aaaaaaaaaaaa');
    expect(missingKeys(loaded, store, { B_KEY: 'sk-bbbbbbbbbbbb' })).toEqual({ errors: [], warnings: [] });
  });

  it('says it in Chinese under a Chinese locale', async () => {
    setLocale('zh-CN');
    const { loaded, store } = await setup();
    const r = missingKeys(loaded, store, {});
    expect(r.errors[0]!.message).toBe('密钥库中没有密钥“a”');
    expect(r.warnings[0]!.message).toBe('环境变量 B_KEY 未设置');
  });
});
