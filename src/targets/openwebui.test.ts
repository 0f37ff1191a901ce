import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { fakePlatform } from '../platform/fake.js';
import { SecretStore } from '../secrets/store.js';
import { openwebuiClientKey, patchOpenWebuiEnv, renderOpenWebuiEnv } from './openwebui.js';

const input = { root: 'http://127.0.0.1:4000', clientKey: 'sk-client-abc', sessionKey: 'sess-123' };

describe('renderOpenWebuiEnv', () => {
  it('points Open WebUI at the proxy’s /v1 with the client key, environment in charge, nothing downloaded', () => {
    const env = renderOpenWebuiEnv(input);
    expect(env).toMatchObject({
      OPENAI_API_BASE_URL: 'http://127.0.0.1:4000/v1',
      OPENAI_API_KEY: 'sk-client-abc',
      ENABLE_OLLAMA_API: 'False',
      ENABLE_PERSISTENT_CONFIG: 'False',
      WEBUI_SECRET_KEY: 'sess-123',
      OFFLINE_MODE: 'True',
      HF_HUB_OFFLINE: '1',
      RAG_EMBEDDING_ENGINE: 'openai',
      RAG_OPENAI_API_BASE_URL: 'http://127.0.0.1:4000/v1',
      RAG_OPENAI_API_KEY: 'sk-client-abc',
      BYPASS_EMBEDDING_AND_RETRIEVAL: 'True',
    });
    expect(env).not.toHaveProperty('DATA_DIR');
  });

  it('uses a model of role embed for RAG when llmctl.yaml has one, instead of bypassing retrieval', () => {
    const env = renderOpenWebuiEnv({ ...input, embedModel: 'bge-m3' });
    expect(env.RAG_EMBEDDING_MODEL).toBe('bge-m3');
    expect(env).not.toHaveProperty('BYPASS_EMBEDDING_AND_RETRIEVAL');
  });
});

describe('patchOpenWebuiEnv', () => {
  it('a new file starts with a header saying who owns it and how docker uses it', () => {
    const out = patchOpenWebuiEnv(null, renderOpenWebuiEnv(input));
    expect(out.split('\n')[0]).toMatch(/^# Open WebUI settings written by llmctl/);
    expect(out).toContain('docker run --env-file');
    expect(out).toContain('\nOPENAI_API_KEY=sk-client-abc\n');
  });

  it('keeps the user’s own lines and drops a name llmctl no longer writes', () => {
    const first = patchOpenWebuiEnv(null, renderOpenWebuiEnv(input));
    const edited = `${first}WEBUI_AUTH=False\nWEBUI_NAME=Team chat\n`;
    const out = patchOpenWebuiEnv(edited, renderOpenWebuiEnv({ ...input, embedModel: 'bge-m3' }));
    expect(out).toContain('WEBUI_AUTH=False\n');
    expect(out).toContain('WEBUI_NAME=Team chat\n');
    expect(out).not.toContain('BYPASS_EMBEDDING_AND_RETRIEVAL');
    expect(out).toContain('RAG_EMBEDDING_MODEL=bge-m3');
  });

  it.each([
    ['a space', 'sk a'],
    ['a quote', 'sk"a'],
    ['a newline', 'sk\nEVIL=1'],
    ['a #', 'sk#a'],
  ])('refuses a key with %s (docker --env-file would read it differently)', (_what, key) => {
    expect(() => patchOpenWebuiEnv(null, renderOpenWebuiEnv({ ...input, clientKey: key }))).toThrow(LlmctlError);
  });
});

describe('openwebuiClientKey', () => {
  const platform = fakePlatform({ os: 'linux', env: { TEAM_KEY: 'sk-from-env' } });
  const ctx = async (clients: unknown, masterKey = 'sk-master') => {
    const config = ConfigSchema.parse({
      version: 1,
      proxy: { clients },
      providers: { p: { preset: 'vllm', apiBase: 'http://127.0.0.1:1/v1' } },
      models: [{ name: 'm', provider: 'p' }],
      tools: { openwebui: { enabled: true } },
    });
    const secrets = await SecretStore.open('/nonexistent/secrets.json');
    secrets.set('owui', 'sk-owui-stored');
    secrets.set('same', 'sk-master');
    return { config, secrets, platform, masterKey, toolKey: masterKey };
  };

  it('is the key of the client tools.openwebui.client names (stored or from the environment)', async () => {
    expect(openwebuiClientKey(await ctx({ openwebui: { key: 'secret:owui' } }))).toBe('sk-owui-stored');
    expect(openwebuiClientKey(await ctx({ openwebui: { key: 'env:TEAM_KEY' } }))).toBe('sk-from-env');
  });

  it('without that client: an error that says how to create it', async () => {
    const c = await ctx(undefined);
    expect(() => openwebuiClientKey(c)).toThrow(/proxy\.clients has no such client/);
    try {
      openwebuiClientKey(c);
    } catch (err) {
      expect((err as LlmctlError).hint).toContain('llmctl keys client add openwebui');
    }
  });

  it("in client mode, the user's own key for the remote gateway (there are no local clients)", async () => {
    const c = await ctx(undefined);
    const remote = {
      ...c,
      config: { ...c.config, proxy: { ...c.config.proxy, url: 'http://gw:4000', key: 'secret:team' } },
    };
    expect(openwebuiClientKey({ ...remote, toolKey: 'sk-team-virtual-key' })).toBe('sk-team-virtual-key');
  });

  it('never the master key', async () => {
    const c = await ctx({ openwebui: { key: 'secret:same' } });
    expect(() => openwebuiClientKey(c)).toThrow(/master key/);
  });
});
