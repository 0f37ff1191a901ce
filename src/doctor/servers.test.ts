import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../../test/helpers/fake-upstream.js';
import { serverInstances, servesModel } from '../config/instances.js';
import { loadPresets } from '../config/presets.js';
import { ConfigSchema, type ConfigInput } from '../config/schema.js';
import { setLocale } from '../i18n/index.js';
import type { Facts } from './facts.js';
import { onlineChecks } from './online.js';
import { serverChecks } from './servers.js';

let fakes: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
  setLocale('en');
});

async function facts(input: Omit<ConfigInput, 'version'>): Promise<Facts> {
  return {
    config: ConfigSchema.parse({ version: 1, ...input }),
    presets: await loadPresets(),
    platform: { env: {} },
    secrets: new Map(),
    paths: { logs: '/tmp/logs' },
    proxyLog: 'the log',
    proxy: { state: 'down', url: 'http://127.0.0.1:9' },
  } as unknown as Facts;
}

/** Three "vLLM instances" serving qwen (the third also serves llama), the second one killed. */
async function threeInstances(): Promise<{ urls: string[]; dead: string }> {
  fakes = await Promise.all(
    ['a', 'b', 'c'].map((n) =>
      startFakeUpstream({ name: `vllm-${n}`, models: n === 'c' ? ['qwen', 'llama'] : ['qwen'] }),
    ),
  );
  const urls = fakes.map((f) => `${f.url}/v1`);
  await fakes[1]!.close();
  return { urls, dead: urls[1]! };
}

describe('serverInstances / servesModel', () => {
  it('one instance per distinct base URL of a model-server provider, with the models listed for it', async () => {
    const config = ConfigSchema.parse({
      version: 1,
      providers: {
        gpu: { preset: 'vllm', apiBase: 'http://h:1/v1' },
        idle: { preset: 'tgi', apiBase: 'http://h:3/v1' },
        sf: { preset: 'siliconflow' },
      },
      models: [
        {
          name: 'q',
          model: 'Qwen/Q',
          deployments: [{ provider: 'gpu' }, { provider: 'gpu', apiBase: 'http://h:2/v1/' }],
        },
        { name: 'l', provider: 'gpu' },
        { name: 'g', provider: 'sf' },
      ],
    });
    const list = serverInstances(config, await loadPresets()).map((i) => ({
      provider: i.provider,
      apiBase: i.apiBase,
      models: i.models,
    }));
    expect(list).toEqual([
      {
        provider: 'gpu',
        apiBase: 'http://h:1/v1',
        models: [
          { name: 'q', upstream: 'Qwen/Q' },
          { name: 'l', upstream: 'l' },
        ],
      },
      { provider: 'gpu', apiBase: 'http://h:2/v1/', models: [{ name: 'q', upstream: 'Qwen/Q' }] },
      { provider: 'idle', apiBase: 'http://h:3/v1', models: [] },
    ]);
  });

  it.each([
    [['llama3:latest'], 'llama3', true],
    [['llama3:latest'], 'llama3:8b', false],
    [['llama3:8b'], 'llama3', false],
    [['Qwen/Q'], 'Qwen/Q', true],
  ] as const)('%j serves %s: %s', (served, id, yes) => {
    expect(servesModel([...served], id)).toBe(yes);
  });
});

describe('doctor --online: model server instances', () => {
  it('names the dead instance and the one that lacks a model; the healthy one passes with what it serves', async () => {
    const { urls, dead } = await threeInstances();
    const f = await facts({
      providers: { gpu: { preset: 'vllm', apiBase: urls[0] } },
      models: [
        { name: 'qwen', deployments: urls.map((apiBase) => ({ provider: 'gpu', apiBase })) },
        {
          name: 'llama',
          deployments: [
            { provider: 'gpu', apiBase: urls[0] },
            { provider: 'gpu', apiBase: urls[2] },
          ],
        },
      ],
    });
    const all = await onlineChecks(f);
    const port = (u: string) => new URL(u).port;
    const mine = all.filter((c) => c.id === 'online.provider.gpu' || c.id.startsWith('online.server.'));
    // The provider's own base URL is its provider check; each other instance gets one of its own.
    expect(mine.map((c) => [c.id, c.status])).toEqual([
      ['online.provider.gpu', 'FAIL'],
      [`online.server.gpu.127-0-0-1-${port(urls[1]!)}`, 'FAIL'],
      [`online.server.gpu.127-0-0-1-${port(urls[2]!)}`, 'PASS'],
    ]);
    expect(mine[0]!.found).toBe(`${urls[0]}/models does not serve llama; it serves qwen`);
    expect(mine[0]!.fix).toContain('--served-model-name');
    expect(mine[1]!.title).toBe(`Model server gpu at ${dead}`);
    expect(mine[1]!.found).toBe(`${dead}/models: ECONNREFUSED`);
    expect(mine[1]!.fix).toContain('the proxy sends its models (qwen) to the other instances');
    expect(mine[2]!.found).toBe(`${urls[2]}/models serves 2 models: llama, qwen`);
    expect(await serverChecks(f)).toEqual(mine.slice(1));
  });

  it('Ollama: asks /api/tags and takes NAME for NAME:latest', async () => {
    fakes = [await startFakeUpstream({ name: 'ollama', models: ['llama3', 'qwen2.5-coder:7b'] })];
    const f = await facts({
      providers: { box: { preset: 'ollama', apiBase: fakes[0]!.url } },
      models: [
        { name: 'llama3', provider: 'box' },
        { name: 'coder', model: 'qwen2.5-coder:7b', provider: 'box' },
        { name: 'gone', model: 'mistral', provider: 'box' },
      ],
    });
    const c = (await onlineChecks(f)).find((x) => x.id === 'online.provider.box')!;
    expect(c.status).toBe('FAIL');
    expect(c.found).toBe(
      `${fakes[0]!.url}/api/tags does not serve mistral (gone); it serves llama3:latest, qwen2.5-coder:7b`,
    );
    expect(c.fix).toContain('ollama pull');
    expect(fakes[0]!.requests.map((r) => r.path)).toEqual(['/api/tags']);
  });

  it('in Chinese', async () => {
    const { urls } = await threeInstances();
    setLocale('zh-CN');
    const f = await facts({
      providers: { gpu: { preset: 'vllm', apiBase: urls[0] } },
      models: [{ name: 'qwen', deployments: urls.map((apiBase) => ({ provider: 'gpu', apiBase })) }],
    });
    const checks = await serverChecks(f);
    expect(checks[0]!.title).toBe(`模型服务 gpu（${urls[1]}）`);
    expect(checks[0]!.fix).toContain('代理会把它的模型（qwen）发给其他实例');
    expect(checks[1]!.found).toBe(`${urls[2]}/models 提供 2 个模型：llama, qwen`);
  });
});
