import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../../test/helpers/fake-upstream.js';
import { loadPresets } from '../config/presets.js';
import { setLocale } from '../i18n/index.js';
import { failureReason, listModels, parseModelList } from './models.js';

let fake: FakeUpstream | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('listing a provider’s models', () => {
  it('asks GET <base>/models with the key as a bearer token and returns the ids sorted', async () => {
    fake = await startFakeUpstream({ name: 'vllm', models: ['qwen-coder', 'gemma-3-4b-it'] });
    const custom = (await loadPresets()).get('custom')!;
    const r = await listModels(custom, `${fake.url}/v1/`, 'sk-the-key-123456');
    expect(r).toMatchObject({ ok: true, models: ['gemma-3-4b-it', 'qwen-coder'], url: `${fake.url}/v1/models` });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-the-key-123456');
  });

  it('says why it failed: a refused key, no answer in time, nobody listening', async () => {
    const custom = (await loadPresets()).get('custom')!;
    fake = await startFakeUpstream({ name: 'x', failWith: 401 });
    const refused = await listModels(custom, `${fake.url}/v1`, 'sk-bad');
    expect(refused).toMatchObject({ ok: false, reason: 'HTTP 401 (the key was refused)', refused: true });

    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const started = Date.now();
    const slow = await listModels(custom, `http://127.0.0.1:${port}/v1`, undefined, 300);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(slow).toMatchObject({ ok: false, reason: 'no answer within 300 ms' });
    expect(slow.refused).toBeUndefined(); // the network, not the key: typing it again would not help
    silent.closeAllConnections();
    silent.close();

    const nobody = await listModels(custom, `http://127.0.0.1:${port}/v1`, undefined, 2000);
    expect(nobody).toMatchObject({
      ok: false,
      reason: `nothing is listening at 127.0.0.1:${port} (is the server running, and is the port right?)`,
    });
  });

  it('turns the network’s codes into words, in the user’s language', () => {
    const fail = (code: string) => Object.assign(new Error('fetch failed'), { cause: { code } });
    const url = 'http://gpu-box.lan:8000/v1/models';
    expect(failureReason(fail('ENOTFOUND'), url, 5000)).toBe(
      'the host gpu-box.lan was not found (check the address for typos, or your DNS and VPN)',
    );
    expect(failureReason(fail('EHOSTUNREACH'), url, 5000)).toContain('gpu-box.lan cannot be reached');
    expect(failureReason(fail('DEPTH_ZERO_SELF_SIGNED_CERT'), url, 5000)).toContain('TLS certificate of gpu-box.lan');
    expect(failureReason(fail('EWHATEVER'), url, 5000)).toBe('EWHATEVER');
    setLocale('zh-CN');
    try {
      expect(failureReason(fail('ENOTFOUND'), url, 5000)).toBe(
        '找不到主机 gpu-box.lan（请检查地址是否拼错，或检查 DNS 和 VPN）',
      );
    } finally {
      setLocale('en');
    }
  });

  it.each([
    [{ data: [{ id: 'b' }, { id: 'a' }] }, ['a', 'b']],
    [{ models: [{ name: 'qwen2.5-coder:7b', model: 'qwen2.5-coder:7b' }] }, ['qwen2.5-coder:7b']],
    [{ models: [{ name: 'models/gemini-2.5-flash' }] }, ['gemini-2.5-flash']],
    [{ error: 'nope' }, []],
  ])('reads %j', (body, ids) => {
    expect(parseModelList(body)).toEqual(ids);
  });
});
