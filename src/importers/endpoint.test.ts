import { describe, expect, it } from 'vitest';
import { endpointKey, providerName } from './endpoint.js';

describe('endpointKey: one string per endpoint', () => {
  it('ignores a trailing slash, the case of scheme and host, and a default port written out', () => {
    const k = endpointKey('https://open.bigmodel.cn/api/paas/v4');
    for (const same of [
      'https://open.bigmodel.cn/api/paas/v4/',
      'HTTPS://Open.BigModel.cn/api/paas/v4//',
      'https://open.bigmodel.cn:443/api/paas/v4',
    ])
      expect(endpointKey(same), same).toBe(k);
    expect(endpointKey('http://172.16.1.166:8000/v1')).not.toBe(endpointKey('http://172.16.1.166:4000/v1'));
    expect(endpointKey('http://host/v1')).toBe(endpointKey('http://host:80/v1'));
    expect(endpointKey('http://host/v1')).not.toBe(endpointKey('https://host/v1'));
    expect(endpointKey('not a url')).toBeUndefined();
  });

  it('one naming rule: preset name for its own endpoint, host for a self-hosted or custom server', () => {
    expect(providerName('zhipu', 'https://open.bigmodel.cn/api/paas/v4/')).toBe('zhipu');
    expect(providerName('vllm', 'http://172.16.1.166:8000/v1')).toBe('vllm-172-16-1-166');
    expect(providerName('custom', 'http://172.16.1.166:4000/v1', 'gateway')).toBe('litellm-172-16-1-166');
    expect(providerName('custom', 'https://api.mycorp.com/v1')).toBe('mycorp');
  });
});
