import { describe, expect, it } from 'vitest';
import { validateConfigText } from './load.js';

const check = async (text: string) => {
  const v = await validateConfigText(`version: 1\n${text}`, '/h/llmctl.yaml');
  return { errors: v.errors, warnings: v.warnings };
};

describe('client mode rules (proxy.url: a gateway someone else runs)', () => {
  it(
    'proxy.url and proxy.key alone are a valid config; ' +
      'models may be bare names; tool models are the gateway’s to check',
    async () => {
      const r = await check(
        'proxy: { url: http://gateway:4000, key: secret:team }\nmodels:\n  - { name: glm-4, roles: [chat], maxTokens: 4000 }\ntools:\n  claude: { model: not-listed-here }\n',
      );
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
    },
  );

  it.each([
    ['proxy: { url: http://gateway:4000 }\n', 'proxy.url', /needs proxy.key/],
    ['proxy: { key: secret:team }\n', 'proxy.key', /only used with proxy.url/],
    ['proxy: { url: http://gateway:4000/v1, key: secret:team }\n', 'proxy.url', /ends in \/v1/],
    [
      'proxy: { url: http://gateway:4000, key: secret:team }\ntools:\n  continue: { via: direct }\n',
      'tools.continue.via',
      /via: direct does not apply/,
    ],
  ])('error: %s', async (text, path, message) => {
    const { errors } = await check(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: '/h/llmctl.yaml', path });
    expect(errors[0]!.message).toMatch(message);
    expect(errors[0]!.hint).toBeTruthy();
  });

  it('what only llmctl’s own proxy reads is a warning each (ignored), with where it is', async () => {
    const { errors, warnings } = await check(`proxy:
  url: http://gateway:4000
  key: secret:team
  masterKey: secret:proxy
  workers: 2
  settings: { drop_params: true }
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
models:
  - { name: glm-4, provider: zhipu, params: { temperature: 0.2 } }
`);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual([
      'proxy.masterKey',
      'proxy.workers',
      'proxy.settings',
      'providers',
      'models[0].provider',
    ]);
    expect(warnings[0]!.hint).toMatch(/make it proxy.key/);
    expect(warnings[4]!.message).toContain('model glm-4: provider, params ignored');
    expect(warnings.every((w) => w.line !== undefined)).toBe(true);
  });

  it('without proxy.url, a model without a provider is still an error (local proxy rules apply)', async () => {
    const { errors } = await check('models:\n  - { name: glm-4 }\n');
    expect(errors.map((e) => e.path)).toEqual(['models[0]']);
  });
});
