import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/golden.js';
import { LlmctlError } from '../errors.js';
import { importClaude } from './claude.js';

describe('importClaude', () => {
  it('adopts the seed: port, the literal token as the proxy master key (a secret), model and output limit', async () => {
    const r = await importClaude(fixture('seed/claude.settings.json'), '/seed/settings.json');
    expect(r.proxy).toEqual({ port: 4000, masterKey: 'secret:proxy' });
    expect(r.secrets).toEqual({ proxy: 'sk-litellm-static-key' });
    expect(r.tools?.claude).toEqual({ model: 'claude-3-5-haiku-20241022', maxOutputTokens: 16384 });
    expect(r.models).toEqual([]);
  });

  it('keeps nothing else: hooks and permissions are not llmctl’s; a remote base URL is reported', async () => {
    const text = fixture('claude-rich/settings.json').replace('"MY_TEAM_VAR"', '"ANTHROPIC_BASE_URL": "https://gw.example.com", "ANTHROPIC_SMALL_FAST_MODEL": "fast", "MY_TEAM_VAR"');
    const r = await importClaude(text, 's.json');
    expect(r.proxy).toBeUndefined();
    expect(r.tools?.claude).toEqual({ haikuModel: 'fast' });
    expect(r.warnings.map((w) => w.path)).toEqual(['env.ANTHROPIC_BASE_URL', 'env.ANTHROPIC_SMALL_FAST_MODEL']);
    expect(r.warnings[0]!.line).toBe(19);
  });

  it('refuses invalid JSON with line:col', async () => {
    const err = await importClaude(fixture('claude-rich/settings.invalid.json'), 's.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmctlError);
    expect((err as LlmctlError).message).toMatch(/s\.json:4:3/);
  });
});
