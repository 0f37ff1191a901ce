import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/golden.js';
import { LlmctlError } from '../errors.js';
import { importClaude } from './claude.js';

describe('importClaude', () => {
  it(
    'adopts the seed: port, the literal token as the ' + 'proxy master key (a secret), model and output limit',
    async () => {
      const r = await importClaude(fixture('seed/claude.settings.json'), '/seed/settings.json');
      expect(r.proxy).toEqual({ port: 4000, masterKey: 'secret:proxy' });
      expect(r.secrets).toEqual({ proxy: 'sk-litellm-static-key' });
      expect(r.tools?.claude).toEqual({ model: 'claude-3-5-haiku-20241022', maxOutputTokens: 16384 });
      expect(r.models).toEqual([]);
    },
  );

  it(
    'keeps nothing else: hooks and permissions are not llmctl’s; ' +
      'a remote base URL becomes a provider with the models asked for',
    async () => {
      const text = fixture('claude-rich/settings.json').replace(
        '"MY_TEAM_VAR"',
        '"ANTHROPIC_BASE_URL": "https://gw.example.com", "ANTHROPIC_SMALL_FAST_MODEL": "fast", "MY_TEAM_VAR"',
      );
      const r = await importClaude(text, 's.json');
      expect(r.proxy).toBeUndefined();
      expect(r.tools?.claude).toEqual({ haikuModel: 'fast' });
      expect(r.providers).toEqual({
        gw: { preset: 'anthropic', apiBase: 'https://gw.example.com', apiKey: 'secret:gw' },
      });
      expect(r.models).toEqual([{ name: 'fast', provider: 'gw' }]);
      expect(r.warnings.map((w) => w.path)).toEqual([
        'env.ANTHROPIC_SMALL_FAST_MODEL',
        'env.ANTHROPIC_BASE_URL',
        'env.ANTHROPIC_BASE_URL',
      ]);
      expect(r.warnings.find((w) => w.message.startsWith('points at'))!.line).toBe(19);
      expect(r.warnings.map((w) => w.message)).toContain('no key for provider "gw" in this file');
    },
  );

  it(
    'stands on its own: Claude Code talking to Anthropic or a remote server gives a provider, ' +
      'its key and the models; the merge accepts it',
    async () => {
      const direct = await importClaude(
        JSON.stringify({
          env: { ANTHROPIC_API_KEY: 'sk-ant-api03-realLookingKey0123456789' },
          model: 'claude-sonnet-4-5',
        }),
        's.json',
      );
      expect(direct.providers).toEqual({ anthropic: { preset: 'anthropic', apiKey: 'secret:anthropic' } });
      expect(direct.secrets).toEqual({ anthropic: 'sk-ant-api03-realLookingKey0123456789' });
      expect(direct.proxy).toBeUndefined();
      expect(direct.models).toEqual([{ name: 'claude-sonnet-4-5', provider: 'anthropic' }]);

      const remote = await importClaude(
        JSON.stringify({
          env: {
            ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic',
            ANTHROPIC_AUTH_TOKEN: 'sk-remote-token-0123456789',
            ANTHROPIC_DEFAULT_OPUS_MODEL: 'glm-4.6',
          },
          model: 'opus',
        }),
        's.json',
      );
      expect(remote.proxy).toBeUndefined(); // the token is that server's key, not llmctl's proxy key
      expect(remote.secrets).toEqual({ open: 'sk-remote-token-0123456789' });
      // "opus" is Claude Code's alias, not a model
      expect(remote.models).toEqual([{ name: 'glm-4.6', provider: 'open' }]);
      expect(remote.tools?.claude).toEqual({ opusModel: 'glm-4.6' });
      expect(remote.warnings.map((w) => w.message)).toContainEqual(
        expect.stringContaining('"opus" is Claude Code\'s alias'),
      );
      const { mergeImport } = await import('./merge.js');
      for (const r of [direct, remote]) {
        const out = await mergeImport(null, '/h/llmctl.yaml', r);
        expect(out.deferred).toEqual([]);
        expect(out.changed).toBe(true);
      }
    },
  );

  it('refuses invalid JSON with line:col', async () => {
    const err = await importClaude(fixture('claude-rich/settings.invalid.json'), 's.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmctlError);
    expect((err as LlmctlError).message).toMatch(/s\.json:4:3/);
  });
});
