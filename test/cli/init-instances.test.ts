import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfigText } from '../../src/config/load.js';
import { llmctl, sandbox, snapshot } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';

/**
 * `init --yes` with --api-base repeated: one model over several instances of one vLLM, each asked
 * what it serves before anything is written (one serves the model, one serves another, one is down).
 */
let fakes: FakeUpstream[] = [];
let bases: string[] = [];

beforeAll(async () => {
  fakes = await Promise.all([
    startFakeUpstream({ name: 'gpu-a', models: ['qwen'] }),
    startFakeUpstream({ name: 'gpu-b', models: ['llama'] }),
    startFakeUpstream({ name: 'gpu-c', models: ['qwen'] }),
  ]);
  bases = fakes.map((f) => `${f.url}/v1`);
  await fakes[2]!.close();
});
afterAll(async () => {
  await Promise.all(fakes.slice(0, 2).map((f) => f.close()));
});

describe('init --api-base repeated', () => {
  it('writes one deployment per instance and the routing defaults; says what each instance serves', async () => {
    const sb = sandbox();
    const args = ['init', '--yes', '--provider', 'vllm', ...bases.flatMap((b) => ['--api-base', b])];
    const r = await llmctl(sb, [...args, '--model', 'qwen', '--tools', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${bases[0]}/models serves 1 model: qwen`);
    expect(r.stderr).toContain(`${bases[1]}/models serves 1 model: llama`);
    expect(r.stderr).toContain(`qwen is not served by ${bases[1]}`);
    expect(r.stderr).toMatch(new RegExp(`${bases[2]}/models: nothing is listening at 127\\.0\\.0\\.1:\\d+`));
    // Each instance was asked once, for its model list only.
    for (const f of fakes.slice(0, 2))
      expect(f.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /v1/models']);

    const file = path.join(sb.llmctlHome, 'llmctl.yaml');
    const v = await validateConfigText(readFileSync(file, 'utf8'), file);
    expect(v.errors).toEqual([]);
    expect(v.config!.providers.vllm).toEqual({ preset: 'vllm', apiBase: bases[0] });
    expect(v.config!.models).toEqual([
      { name: 'qwen', deployments: bases.map((apiBase) => ({ provider: 'vllm', apiBase })) },
    ]);
    const litellm = parse(readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8')) as {
      model_list: { model_name: string; litellm_params: Record<string, unknown> }[];
      router_settings: Record<string, unknown>;
    };
    expect(litellm.model_list.map((d) => [d.model_name, d.litellm_params.model, d.litellm_params.api_base])).toEqual(
      bases.map((b) => ['qwen', 'hosted_vllm/qwen', b]),
    );
    expect(litellm.router_settings).toMatchObject({
      routing_strategy: 'simple-shuffle',
      enable_weighted_failover: true,
      num_retries: 2,
      allowed_fails: 1,
      cooldown_time: 30,
    });
  });

  it('several --api-base for a hosted provider: exit 2, nothing written, nobody asked', async () => {
    const sb = sandbox();
    const before = snapshot(sb.home);
    const asked = fakes[0]!.requests.length;
    const r = await llmctl(sb, [
      'init',
      '--yes',
      '--provider',
      'deepseek',
      '--key-env',
      'DS',
      '--api-base',
      bases[0]!,
      '--api-base',
      bases[1]!,
      '--model',
      'deepseek-chat',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--api-base was given 2 times, but deepseek is not a model server you run yourself');
    expect(snapshot(sb.home)).toEqual(before);
    expect(fakes[0]!.requests.length).toBe(asked);
  });
});
