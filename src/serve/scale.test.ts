import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { redisLocalConf } from './redis-local.js';
import { instancePaths } from './instances.js';
import { workersFor } from './scale.js';
import type { Paths } from '../platform/paths.js';

const config = (proxy: Record<string, unknown>) =>
  ConfigSchema.parse({ version: 1, proxy, providers: { p: { preset: 'custom', apiBase: 'http://x/v1' } }, models: [] });

describe('serve --workers', () => {
  it('more than one worker without Redis is refused, saying why and how to add Redis', () => {
    let e: unknown;
    try {
      workersFor(config({}), { workers: 4 });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(LlmctlError);
    expect((e as LlmctlError).message).toContain('400 through');
    expect((e as LlmctlError).hint).toContain('--redis-local');
    expect(() => workersFor(config({ workers: 2 }), {})).toThrow(/without Redis/);
  });

  it('allowed with proxy.redis, with --redis-local, with --force, and one worker always', () => {
    expect(workersFor(config({ redis: { host: 'r' } }), { workers: 4 })).toBe(4);
    expect(workersFor(config({}), { workers: 3, redisLocal: true })).toBe(3);
    expect(workersFor(config({}), { workers: 2, force: true })).toBe(2);
    expect(workersFor(config({}), {})).toBe(1);
    expect(workersFor(config({ workers: 2, redis: { host: 'r' } }), {})).toBe(2);
  });
});

describe('serve --instance and --redis-local', () => {
  it('an instance has its own pid file; a bad name is refused', () => {
    const paths = { home: '/h', pidFile: '/h/proxy.pid', logs: '/h/logs' } as Paths;
    expect(instancePaths(paths, 'b').pidFile).toBe('/h/instances/b.pid');
    expect(() => instancePaths(paths, '../x')).toThrow(/not a valid instance name/);
  });

  it('the managed redis-server listens on 127.0.0.1 only, with a password and its files in the llmctl home', () => {
    const conf = redisLocalConf({ port: 6390, password: 'pw"x', dir: '/h/redis', logFile: '/h/logs/redis.log' });
    expect(conf).toContain('bind 127.0.0.1\n');
    expect(conf).toContain('requirepass "pw\\"x"');
    expect(conf).toContain('dir "/h/redis"');
    expect(conf).toContain('logfile "/h/logs/redis.log"');
  });
});
