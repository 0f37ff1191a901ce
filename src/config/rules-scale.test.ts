import { describe, expect, it } from 'vitest';
import { validateConfigText } from './load.js';

const cfg = (proxy: string) =>
  `version: 1\nproxy:\n${proxy}providers:\n  p: { preset: custom, apiBase: 'http://127.0.0.1:9/v1' }\nmodels:\n  - { name: m, provider: p }\n`;

describe('proxy.redis and client limits: rules', () => {
  it('a password inside proxy.redis.url is refused, naming the place and the fix', async () => {
    const v = await validateConfigText(cfg('  redis: { url: "redis://:hunter2@10.0.0.5:6379" }\n'), '/h/llmctl.yaml');
    expect(v.errors).toHaveLength(1);
    expect(v.errors[0]).toMatchObject({ path: 'proxy.redis.url', line: 3 });
    expect(v.errors[0]!.message).toContain('contains a password');
    expect(v.errors[0]!.hint).toContain('secret:redis');
    expect(JSON.stringify(v.errors)).not.toContain('hunter2');
  });

  it('a URL without a password, or host + port + password reference, is fine', async () => {
    for (const redis of ['{ url: "redis://10.0.0.5:6379" }', '{ host: r.lan, port: 6380, password: secret:redis }']) {
      const v = await validateConfigText(cfg(`  redis: ${redis}\n`), '/h/llmctl.yaml');
      expect(v.errors, redis).toEqual([]);
    }
  });

  it('both host and url, or neither, is refused', async () => {
    const both = await validateConfigText(cfg('  redis: { host: a, url: "redis://b:1" }\n'), '/h/llmctl.yaml');
    expect(both.errors[0]!.message).toContain('both host and url');
    const none = await validateConfigText(cfg('  redis: { cache: true }\n'), '/h/llmctl.yaml');
    expect(none.errors[0]!.message).toContain('names no Redis');
  });

  it('a client maxBudget is warned about: LiteLLM does not enforce it for keys outside its database', async () => {
    const v = await validateConfigText(
      cfg('  clients:\n    ci: { key: secret:client-ci, rpm: 3, maxBudget: 5 }\n'),
      '/h/llmctl.yaml',
    );
    expect(v.errors).toEqual([]);
    const w = v.warnings.find((x) => x.path === 'proxy.clients.ci.maxBudget');
    expect(w?.message).toContain('is not enforced');
  });
});
