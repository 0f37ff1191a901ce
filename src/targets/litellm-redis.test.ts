import { describe, expect, it } from 'vitest';
import { loadPresets } from '../config/presets.js';
import { ConfigSchema } from '../config/schema.js';
import { renderLiteLLMObject } from './litellm.js';
import { redisGeneralSettings, redisLitellmSettings, redisRouterSettings, redisTarget } from './litellm-redis.js';

const config = (proxy: Record<string, unknown>, models: unknown[] = [{ name: 'm', provider: 'p' }]) =>
  ConfigSchema.parse({
    version: 1,
    proxy,
    providers: { p: { preset: 'custom', apiBase: 'http://127.0.0.1:9/v1' } },
    models,
  });

describe('proxy.redis → LiteLLM', () => {
  it('host/port/password become router_settings and the coordination Redis; the password only as os.environ/', () => {
    const c = config({ redis: { host: 'redis.lan', port: 6380, password: 'secret:redis' } });
    expect(redisRouterSettings(c)).toEqual({
      redis_host: 'redis.lan',
      redis_port: 6380,
      redis_password: 'os.environ/LLMCTL_KEY_REDIS',
    });
    expect(redisGeneralSettings(c)).toEqual({
      coordination_redis: { host: 'redis.lan', port: 6380, password: 'os.environ/LLMCTL_KEY_REDIS' },
    });
    // No response cache unless asked for.
    expect(redisLitellmSettings(c)).toEqual({});
  });

  it('cache: true adds the Redis response cache with the same connection', () => {
    const c = config({ redis: { host: '127.0.0.1', password: 'env:REDIS_PW', cache: true } });
    expect(redisLitellmSettings(c)).toEqual({
      cache: true,
      cache_params: { type: 'redis', host: '127.0.0.1', port: 6379, password: 'os.environ/REDIS_PW' },
    });
  });

  it('a redis:// URL is split into host and port (faster, says LiteLLM); rediss:// stays a URL (TLS)', () => {
    expect(redisTarget(config({ redis: { url: 'redis://10.1.2.3:7000' } }))).toEqual({ host: '10.1.2.3', port: 7000 });
    expect(redisTarget(config({ redis: { url: 'redis://cache.lan' } }))).toEqual({ host: 'cache.lan', port: 6379 });
    expect(redisRouterSettings(config({ redis: { url: 'rediss://cache.example.com:6380' } }))).toEqual({
      redis_url: 'rediss://cache.example.com:6380',
    });
  });

  it('nothing without proxy.redis', () => {
    const c = config({});
    expect(redisRouterSettings(c)).toEqual({});
    expect(redisGeneralSettings(c)).toEqual({});
    expect(redisLitellmSettings(c)).toEqual({});
  });

  it(
    'a model rpm makes LiteLLM count it (usage-based-routing-v2) ' + 'and answer 429 at once, with or without Redis',
    () => {
      const limited = [{ name: 'm', provider: 'p', rpm: 5 }];
      const want = { routing_strategy: 'usage-based-routing-v2', retry_policy: { RateLimitErrorRetries: 0 } };
      expect(redisRouterSettings(config({}, limited))).toEqual(want);
      expect(redisRouterSettings(config({ redis: { host: 'r' } }, limited))).toEqual({
        ...want,
        redis_host: 'r',
        redis_port: 6379,
      });
    },
  );

  it('the rendered config carries it all, and the user’s routerSettings/generalSettings still win', async () => {
    const c = config({
      redis: { host: 'r', password: 'secret:redis' },
      routerSettings: { routing_strategy: 'simple-shuffle' },
      generalSettings: { coordination_redis: { host: 'other' } },
    });
    const out = renderLiteLLMObject(c, await loadPresets()) as {
      router_settings: Record<string, unknown>;
      general_settings: Record<string, unknown>;
    };
    expect(out.router_settings).toMatchObject({ redis_host: 'r', redis_password: 'os.environ/LLMCTL_KEY_REDIS' });
    expect(out.router_settings.routing_strategy).toBe('simple-shuffle');
    expect(out.general_settings.coordination_redis).toEqual({ host: 'other' });
    expect(JSON.stringify(out)).not.toMatch(/secret:/);
  });
});
