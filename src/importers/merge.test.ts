import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withSchemaLine } from '../config/write.js';
import { mergeImport } from './merge.js';
import type { ImportResult } from './types.js';

const base = (over: Partial<ImportResult> = {}): ImportResult => ({
  tool: 'litellm',
  source: 'config.yaml',
  providers: { siliconflow: { preset: 'siliconflow', apiKey: 'secret:siliconflow' } },
  models: [{ name: 'qwen', provider: 'siliconflow', model: 'Qwen/Qwen2.5-7B-Instruct' }],
  secrets: { siliconflow: 'sk-importedKey1234567890' },
  warnings: [],
  ...over,
});

const EXISTING = `# my providers
version: 1
providers:
  sf: { preset: siliconflow, apiKey: secret:sf } # the team key
models:
  # the one I use most
  - { name: glm, provider: sf, model: THUDM/glm-4-9b-chat }
`;

describe('mergeImport', () => {
  it('creates a file with the schema line when there is none', async () => {
    const out = await mergeImport(null, '/h/llmctl.yaml', base());
    expect(out.created).toBe(true);
    expect(out.text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=file:\/\/.*schema\/llmctl\.schema\.json$/,
    );
    expect(parse(out.text)).toEqual({
      version: 1,
      providers: { siliconflow: { preset: 'siliconflow', apiKey: 'secret:siliconflow' } },
      models: [{ name: 'qwen', provider: 'siliconflow', model: 'Qwen/Qwen2.5-7B-Instruct' }],
    });
    expect(out.secrets).toEqual({ siliconflow: 'sk-importedKey1234567890' });
    expect(out.text).not.toContain('sk-imported');
  });

  it('keeps comments and order, and reuses a provider holding the same key', async () => {
    const out = await mergeImport(EXISTING, '/h/llmctl.yaml', base(), {
      secretValue: (n) => (n === 'sf' ? 'sk-importedKey1234567890' : undefined),
    });
    expect(out.reusedProviders).toEqual({ siliconflow: 'sf' });
    expect(out.addedProviders).toEqual([]);
    expect(out.secrets).toEqual({});
    expect(out.text).toContain('# my providers');
    expect(out.text).toContain('# the team key');
    expect(out.text).toContain('# the one I use most');
    const doc = parse(out.text) as { models: { name: string; provider: string }[] };
    expect(doc.models.map((m) => [m.name, m.provider])).toEqual([
      ['glm', 'sf'],
      ['qwen', 'sf'],
    ]);
  });

  it('adds a second provider (and secret name) when the key differs', async () => {
    const out = await mergeImport(
      EXISTING.replace('sf:', 'siliconflow:').replace('provider: sf', 'provider: siliconflow'),
      '/h/llmctl.yaml',
      base(),
      {
        secretValue: (n) => (n === 'sf' || n === 'siliconflow' ? 'sk-someOtherKey000000000' : undefined),
      },
    );
    expect(out.addedProviders).toEqual(['siliconflow-2']);
    expect(out.secrets).toEqual({ 'siliconflow-2': 'sk-importedKey1234567890' });
    expect((parse(out.text) as { providers: Record<string, unknown> }).providers['siliconflow-2']).toEqual({
      preset: 'siliconflow',
      apiKey: 'secret:siliconflow-2',
    });
  });

  it('importing twice adds nothing twice', async () => {
    const first = await mergeImport(null, '/h/llmctl.yaml', base());
    const secrets = first.secrets;
    const second = await mergeImport(first.text, '/h/llmctl.yaml', base(), { secretValue: (n) => secrets[n] });
    expect(second.changed).toBe(false);
    expect(second.text).toBe(first.text);
    expect(second.addedModels).toEqual([]);
    expect(second.skippedModels).toEqual([{ name: 'qwen', reason: 'a model named "qwen" is already in llmctl.yaml' }]);
    expect(second.secrets).toEqual({});
  });

  it('a placeholder-key provider reuses the existing one at the same place', async () => {
    const r = base({
      providers: { siliconflow: { preset: 'siliconflow', apiKey: 'env:SILICONFLOW_API_KEY' } },
      secrets: {},
      placeholderKeys: ['siliconflow'],
    });
    const out = await mergeImport(EXISTING, '/h/llmctl.yaml', r, { secretValue: () => 'sk-whatever0000000000' });
    expect(out.reusedProviders).toEqual({ siliconflow: 'sf' });
    expect(out.noKey).toEqual([]);
  });

  it('adds proxy settings only where the user has none', async () => {
    const text = `version: 1\nproxy:\n  settings: { drop_params: false }\n`;
    const out = await mergeImport(
      text,
      '/h/llmctl.yaml',
      base({ proxy: { settings: { drop_params: true, num_retries: 2 } } }),
    );
    expect((parse(out.text) as { proxy: unknown }).proxy).toEqual({ settings: { drop_params: false, num_retries: 2 } });
    expect(out.addedSettings).toEqual(['proxy.settings.num_retries']);
  });

  it('refuses to merge into an invalid llmctl.yaml, naming the place', async () => {
    await expect(mergeImport('version: 1\nmodels: 3\n', '/h/llmctl.yaml', base())).rejects.toMatchObject({
      problems: [expect.objectContaining({ file: '/h/llmctl.yaml', line: 2, path: 'models' })],
    });
  });
});

describe('withSchemaLine', () => {
  it('adds the line once and replaces an older one', () => {
    const once = withSchemaLine('version: 1\n', 'file:///a/schema.json');
    expect(once).toBe('# yaml-language-server: $schema=file:///a/schema.json\nversion: 1\n');
    expect(withSchemaLine(once, 'file:///b/schema.json')).toBe(
      '# yaml-language-server: $schema=file:///b/schema.json\nversion: 1\n',
    );
  });
});

describe('mergeImport: providers are identified by endpoint', () => {
  it(
    'reuses a provider whose apiBase differs only by a trailing slash, ' + 'case or the preset default (no zhipu-2)',
    async () => {
      const existing =
        'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: env:ZHIPUAI_API_KEY }\n' +
        'models:\n  - { name: glm, provider: zhipu }\n';
      const imported = base({
        providers: {
          zhipu: { preset: 'zhipu', apiBase: 'https://Open.bigmodel.cn/api/paas/v4/', apiKey: 'env:ZHIPUAI_API_KEY' },
        },
        models: [{ name: 'glm-4v-flash', provider: 'zhipu' }],
        secrets: {},
        placeholderKeys: ['zhipu'],
      });
      const out = await mergeImport(existing, '/h/llmctl.yaml', imported);
      expect(out.addedProviders).toEqual([]);
      expect(out.reusedProviders).toEqual({ zhipu: 'zhipu' });
      expect((parse(out.text) as { models: { provider: string }[] }).models[1]!.provider).toBe('zhipu');
    },
  );
});
