import { describe, expect, it } from 'vitest';
import { KEY_REF_PATTERN } from '../config/constants.js';
import { ConfigSchema } from '../config/schema.js';
import {
  envNameFor,
  envVarOf,
  keyRefsInConfig,
  osEnvironNamesInConfig,
  reservedEnvReason,
  secretNameOf,
} from './refs.js';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const REST = `${FIRST}_.-`;

function randomName(r: () => number): string {
  // Short names over a small alphabet: near-collisions (team-a / team_a / Team-A / team.a) are frequent.
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  const small = 'aAbB0_.-';
  let n = r() < 0.5 ? pick('aAb0') : pick(FIRST);
  const len = Math.floor(r() * 6);
  for (let i = 0; i < len; i++) n += r() < 0.8 ? pick(small) : pick(REST);
  return n;
}

describe('envNameFor: key reference → the variable LiteLLM reads', () => {
  it('gives the near-collisions of the report distinct variables', () => {
    expect(envNameFor('secret:team-a')).toBe('LLMCTL_KEY_TEAM_A');
    expect(envNameFor('secret:team_a')).not.toBe(envNameFor('secret:team-a'));
    expect(envNameFor('secret:Team-A')).not.toBe(envNameFor('secret:team-a'));
    expect(envNameFor('secret:team.a')).not.toBe(envNameFor('secret:team_a'));
    expect(envNameFor('secret:team_a')).toBe('LLMCTL_KEY__7465616D5F61');
    expect(envNameFor('env:SILICONFLOW_API_KEY')).toBe('SILICONFLOW_API_KEY');
  });

  it('is injective, ignoring case in its output (Windows): distinct references never share a variable', () => {
    const r = rng(20261202);
    const seen = new Map<string, string>();
    // Collected, then asserted once: 20,000 expect() calls were a third of a second of test:fast.
    const notAName: string[] = [];
    const shared: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const name = randomName(r);
      const ref = r() < 0.8 ? `secret:${name}` : `env:${name.replace(/[.-]/g, '_').replace(/^[0-9]/, 'V')}`;
      if (!KEY_REF_PATTERN.test(ref)) continue;
      // env: names llmctl reserves are refused at load, so they are not in the domain.
      if (ref.startsWith('env:') && reservedEnvReason(ref.slice(4))) continue;
      const v = envNameFor(ref).toUpperCase();
      if (!/^[A-Z_][A-Z0-9_]*$/.test(v)) notAName.push(`${ref} → ${v}`);
      const before = seen.get(v);
      // Two env: refs differing only in case are one variable on Windows, and the same value: allowed.
      const sameEnv =
        before?.startsWith('env:') && ref.startsWith('env:') && before.toUpperCase() === ref.toUpperCase();
      if (before !== undefined && before !== ref && !sameEnv) shared.push(`${before} and ${ref} → ${v}`);
      seen.set(v, ref);
    }
    expect(notAName).toEqual([]);
    expect(shared).toEqual([]);
    expect(seen.size).toBeGreaterThan(1000);
  });

  it('a stored secret never maps onto an env: variable (LLMCTL_* is reserved for env:)', () => {
    expect(reservedEnvReason('LLMCTL_KEY_X')).toMatch(/llmctl/);
    expect(reservedEnvReason('llmctl_key_x')).toMatch(/llmctl/);
    expect(envNameFor('secret:x')).toBe('LLMCTL_KEY_X');
  });
});

describe('reservedEnvReason', () => {
  it.each([
    'LITELLM_MASTER_KEY',
    'litellm_salt_key',
    'LLMCTL_HOME',
    'DATABASE_URL',
    'REDIS_PASSWORD',
    'UI_PASSWORD',
    'HTTPS_PROXY',
    'no_proxy',
  ])('%s is reserved, with a reason', (n) => {
    expect(reservedEnvReason(n)).toEqual(expect.any(String));
  });
  it.each(['OPENAI_API_KEY', 'SILICONFLOW_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'MY_LITELLM_KEY'])(
    '%s may hold a key',
    (n) => {
      expect(reservedEnvReason(n)).toBeUndefined();
    },
  );
});

describe('references in the config', () => {
  const config = ConfigSchema.parse({
    version: 1,
    providers: {
      bedrock: {
        preset: 'custom',
        apiBase: 'http://x/v1',
        params: { aws_secret_access_key: 'secret:aws', aws_access_key_id: 'os.environ/AWS_ACCESS_KEY_ID' },
      },
    },
    models: [{ name: 'm', provider: 'bedrock', params: { api_key: 'env:M_KEY' } }],
    proxy: { generalSettings: { database_url: 'os.environ/MY_DB' } },
  });
  it('keyRefsInConfig finds key references in params, with their place', () => {
    expect(keyRefsInConfig(config)).toEqual([
      {
        ref: 'secret:aws',
        usedBy: 'providers.bedrock.params.aws_secret_access_key',
        path: ['providers', 'bedrock', 'params', 'aws_secret_access_key'],
      },
      { ref: 'env:M_KEY', usedBy: 'models[0].params.api_key', path: ['models', 0, 'params', 'api_key'] },
    ]);
  });
  it('osEnvironNamesInConfig finds the os.environ/ variables of params and settings', () => {
    expect(osEnvironNamesInConfig(config).sort()).toEqual(['AWS_ACCESS_KEY_ID', 'MY_DB']);
  });
});

describe('secretNameOf / envVarOf: the one way to read a reference', () => {
  it.each([
    ['secret:zhipu', 'zhipu', undefined],
    ['secret:team:a', 'team:a', undefined],
    ['env:ZHIPUAI_API_KEY', undefined, 'ZHIPUAI_API_KEY'],
    ['sk-literal-key', undefined, undefined],
    ['secret:', undefined, undefined],
    [undefined, undefined, undefined],
  ])('%s → secret %s, env %s', (ref, secret, env) => {
    expect(secretNameOf(ref)).toBe(secret);
    expect(envVarOf(ref)).toBe(env);
  });
});
