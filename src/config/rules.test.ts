import { describe, expect, it } from 'vitest';
import { validateConfigText } from './load.js';

const cfg = (providers: string, models = '  - { name: m, provider: p }\n') =>
  `version: 1\nproviders:\n${providers}models:\n${models}`;

async function errors(text: string) {
  const v = await validateConfigText(text, '/h/llmctl.yaml');
  return v.errors;
}

describe('env: names llmctl or LiteLLM reserve are refused as upstream keys', () => {
  it.each([
    ['LITELLM_MASTER_KEY', /proxy’s own/],
    ['LLMCTL_KEY_TEAM_A', /llmctl’s own/],
    ['llmctl_key_x', /llmctl’s own/],
    ['DATABASE_URL', /database/],
    ['REDIS_PASSWORD', /cache/],
    ['HTTPS_PROXY', /network proxy/],
  ])('apiKey: env:%s', async (name, why) => {
    const e = await errors(cfg(`  p: { preset: zhipu, apiKey: env:${name} }\n`));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: '/h/llmctl.yaml', line: 3, path: 'providers.p.apiKey' });
    expect(e[0]!.message).toContain(`env:${name} cannot hold a provider's key`);
    expect(e[0]!.message).toMatch(why);
    expect(e[0]!.hint).toContain('llmctl keys set NAME');
  });

  it('in params too, as env: or os.environ/', async () => {
    const e = await errors(
      cfg(
        '  p: { preset: zhipu, apiKey: env:ZHIPU_KEY }\n',
        '  - { name: m, provider: p, params: { api_key: ' +
          'os.environ/LITELLM_MASTER_KEY, aws_session_token: env:LITELLM_SALT_KEY } }\n',
      ),
    );
    expect(e.map((x) => x.path).sort()).toEqual(['models[0].params.api_key', 'models[0].params.aws_session_token']);
    // Any param: LiteLLM resolves os.environ/ in each, and sends fields such as `user` upstream.
    const other = await errors(
      cfg(
        '  p: { preset: zhipu, apiKey: env:ZHIPU_KEY }\n',
        '  - { name: m, provider: p, params: { user: os.environ/LITELLM_MASTER_KEY } }\n',
      ),
    );
    expect(other.map((x) => x.path)).toEqual(['models[0].params.user']);
  });

  it('a key variable of its own, and the master key from any variable, are fine', async () => {
    expect(
      await errors(
        `version: 1\nproxy: { masterKey: env:LITELLM_MASTER_KEY }\nproviders:\n` +
          `  p: { preset: zhipu, apiKey: env:ZHIPUAI_API_KEY }\nmodels:\n  - { name: m, provider: p }\n`,
      ),
    ).toEqual([]);
  });
});

describe('credentials written into params are refused', () => {
  it.each([
    ['api_key: sk-live-0123456789abcdef', 'api_key'],
    ['aws_secret_access_key: wJalrXUtnFEMI/K7MDENG', 'aws_secret_access_key'],
    ['aws_access_key_id: AKIAIOSFODNN7EXAMPLE', 'aws_access_key_id'],
    ['aws_session_token: FQoGZXIvYXdzEJr', 'aws_session_token'],
    ['azure_ad_token: eyJ0eXAiOiJKV1Qi', 'azure_ad_token'],
    ['client_secret: abc123secretvalue', 'client_secret'],
    ['vertex_credentials: { type: service_account, private_key: x }', 'vertex_credentials'],
  ])('%s', async (param, field) => {
    const e = await errors(
      cfg(
        `  p: { preset: zhipu, apiKey: env:ZHIPU_KEY }\n`,
        `  - name: m\n    provider: p\n    params: { ${param} }\n`,
      ),
    );
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ line: 7, path: `models[0].params.${field}` });
    expect(e[0]!.message).toContain(`${field} is a credential written into llmctl.yaml`);
    expect(e[0]!.hint).toContain(`llmctl keys set NAME`);
    expect(e[0]!.hint).toContain(`${field}: secret:NAME`);
    // The message never repeats the value.
    expect(`${e[0]!.message} ${e[0]!.hint}`).not.toMatch(/sk-live|wJalr|AKIA|FQoG|eyJ0|abc123|service_account/);
  });

  it.each(['Authorization', 'x-api-key', 'api-key', 'X-Auth-Token'])('extra_headers.%s, on a provider', async (h) => {
    const e = await errors(
      cfg(`  p:\n    preset: zhipu\n    params: { extra_headers: { ${h}: Bearer sk-live-123, X-Trace: on } }\n`),
    );
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ path: `providers.p.params.extra_headers.${h}` });
    expect(e[0]!.hint).toContain('apiKey: secret:NAME');
  });

  it('references are accepted; ordinary params are untouched', async () => {
    const e = await errors(
      cfg(
        `  p: { preset: zhipu, params: { aws_secret_access_key: secret:aws, aws_access_key_id: ` +
          `os.environ/AWS_ACCESS_KEY_ID, vertex_credentials: env:GCP_JSON } }\n`,
        '  - { name: m, provider: p, params: { max_tokens: 100, input_cost_per_token: ' +
          '0.1, temperature: 0.2, extra_headers: { X-Trace: on } } }\n',
      ),
    );
    expect(e).toEqual([]);
  });
});

describe('a provider that needs a key and has none', () => {
  it('is a warning naming the keys set command, not an error', async () => {
    const v = await validateConfigText(cfg('  p: { preset: zhipu }\n'), '/h/llmctl.yaml');
    expect(v.errors).toEqual([]);
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toMatchObject({ line: 3, path: 'providers.p' });
    expect(v.warnings[0]!.message).toContain("carry llmctl's placeholder key");
    expect(v.warnings[0]!.hint).toContain('llmctl keys set p');
  });
  it('a keyless preset (vLLM, custom) gets no warning', async () => {
    const v = await validateConfigText(
      cfg('  p: { preset: vllm, apiBase: http://10.0.0.1:8000/v1 }\n'),
      '/h/llmctl.yaml',
    );
    expect(v.warnings).toEqual([]);
  });
});

describe('credentials written into the proxy settings are refused', () => {
  const withProxy = (proxy: string) =>
    `version: 1\nproxy:\n${proxy}providers:\n  p: { preset: vllm, apiBase: http://10.0.0.1:8000/v1 }\nmodels:\n  - { name: m, provider: p }\n`;
  it.each([
    [
      '  generalSettings: { database_url: "postgresql://llm:hunter2pass@db:5432/litellm" }\n',
      'proxy.generalSettings.database_url',
    ],
    ['  settings: { cache_params: { type: redis, password: hunter2pass } }\n', 'proxy.settings.cache_params.password'],
    ['  routerSettings: { redis_password: hunter2pass }\n', 'proxy.routerSettings.redis_password'],
    ['  generalSettings: { master_key: sk-hunter2pass }\n', 'proxy.generalSettings.master_key'],
  ])('%s', async (proxy, path) => {
    const e = await errors(withProxy(proxy));
    expect(e.map((x) => x.path)).toEqual([path]);
    expect(`${e[0]!.message} ${e[0]!.hint}`).not.toContain('hunter2');
  });
  it('references and password-less URLs are fine', async () => {
    expect(
      await errors(
        withProxy(
          '  generalSettings: { database_url: env:DATABASE_URL }\n  settings: { cache_params: { type: redis, host: "redis://cache:6379", password: secret:redis } }\n  routerSettings: { redis_password: env:REDIS_PASSWORD }\n',
        ),
      ),
    ).toEqual([]);
  });
});
