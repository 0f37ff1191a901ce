import { describe, expect, it } from 'vitest';
import type { ProxyStatus } from '../proxy/status.js';
import type { Facts } from './facts.js';
import { proxyConfigCurrent } from './proxy-config.js';

const up: ProxyStatus = {
  state: 'up',
  host: '127.0.0.1',
  port: 4000,
  url: 'http://127.0.0.1:4000',
  pid: 42,
  healthy: true,
};
const facts = (proxy: ProxyStatus | undefined) => ({ config: {}, proxy }) as unknown as Facts;

describe('doctor proxy.config: the running proxy serves the current config', () => {
  it.each([
    ['a current proxy', up, 'PASS', undefined],
    [
      'a proxy on an older config',
      { ...up, stale: ['the LiteLLM config changed since it started'] },
      'FAIL',
      'llmctl serve --restart',
    ],
    ['no proxy of ours', { ...up, pid: undefined, state: 'down' }, 'SKIP', undefined],
  ] as const)('%s', (_, proxy, status, fix) => {
    const c = proxyConfigCurrent(facts(proxy as ProxyStatus)) as { status: string; fix?: string; found: string };
    expect(c.status).toBe(status);
    expect(c.fix).toBe(fix);
    if (status === 'FAIL') expect(c.found).toContain('running an older config: the LiteLLM config changed');
  });
});
