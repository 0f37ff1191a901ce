import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { llmctl, sandbox } from '../helpers/cli.js';

const CONFIG = `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: env:ZHIPU_KEY }
  a100: { preset: vllm, apiBase: http://127.0.0.1:8000/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu, params: { temperature: 0.7 } }
  - { name: gemma, model: google/gemma-3-4b-it, deployments: [ {provider: a100}, {provider: a100, apiBase: http://127.0.0.2:8000/v1} ] }
`;

describe('sync (litellm target)', () => {
  it('writes a keyless config, then leaves it byte-identical with the same mtime', async () => {
    const sb = sandbox({ ZHIPU_KEY: 'zk-secret-value-123456' });
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
    const first = await llmctl(sb, ['sync', '--only', 'litellm']);
    expect(first.stderr).toContain('created LiteLLM config');
    expect(first.code).toBe(0);
    const file = path.join(sb.llmctlHome, 'litellm.config.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('zk-secret-value');
    expect(text).toContain('api_key: os.environ/ZHIPU_KEY');
    expect(text).toContain('master_key: os.environ/LITELLM_MASTER_KEY');
    expect(text.match(/model_name: gemma/g)).toHaveLength(2);
    const mtime = statSync(file).mtimeMs;
    const second = await llmctl(sb, ['sync', '--only', 'litellm']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('already in sync');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('--dry-run prints a diff and writes nothing; --check exits 3 on drift', async () => {
    const sb = sandbox({ ZHIPU_KEY: 'zk-secret-value-123456' });
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
    const dry = await llmctl(sb, ['sync', '--dry-run', '--only', 'litellm']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+    litellm_params:');
    expect(() => statSync(path.join(sb.llmctlHome, 'litellm.config.yaml'))).toThrow();
    const check = await llmctl(sb, ['sync', '--check', '--only', 'litellm']);
    expect(check.code).toBe(3);
  });
});
