import { describe, expect, it } from 'vitest';
import { ownRedisEnv, redisReach, redisUse } from './redis.js';

describe('the Redis a rendered LiteLLM config uses, and how a container reaches it', () => {
  it.each([
    ['a host written in the config, named like the project service', { redis_host: 'redis' }, 'own'],
    ['a host from the environment', { redis_host: 'os.environ/LLMCTL_REDIS_HOST' }, 'own'],
    ['loopback', { redis_host: '127.0.0.1' }, 'loopback'],
    ['localhost', { redis_host: 'localhost' }, 'loopback'],
    ['another machine', { redis_host: '10.0.0.5' }, 'external'],
    ['a URL on loopback', { redis_url: 'redis://127.0.0.1:6379' }, 'loopback'],
    ['a URL elsewhere', { redis_url: 'redis://cache.internal:6380' }, 'external'],
  ])('%s', (_name, router, reach) => {
    const use = redisUse({ router_settings: router })!;
    expect(redisReach(use)).toBe(reach);
  });

  it('finds the cache settings too, and nothing when neither names a Redis', () => {
    expect(redisUse({ litellm_settings: { cache_params: { host: 'redis', password: 'os.environ/P' } } })).toEqual({
      host: { kind: 'literal', value: 'redis' },
      passwordVar: 'P',
    });
    expect(redisUse({ router_settings: { routing_strategy: 'simple-shuffle' } })).toBeUndefined();
  });

  it('points the environment variables of an os.environ/ address at the project service', () => {
    const use = redisUse({ router_settings: { redis_host: 'os.environ/H', redis_port: 'os.environ/P' } })!;
    expect(ownRedisEnv(use)).toEqual({ H: 'redis', P: '6379' });
  });
});
