import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { llmctl, sandbox, snapshot } from '../helpers/cli.js';

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

  it(
    "writes llmctl's proxy key check beside the config; " +
      "a database_url of the user's removes it; a file of the user's by that name is refused",
    async () => {
      const sb = sandbox({ ZHIPU_KEY: 'zk-secret-value-123456' });
      const yamlFile = path.join(sb.llmctlHome, 'llmctl.yaml');
      const auth = path.join(sb.llmctlHome, 'llmctl_auth.py');
      const config = path.join(sb.llmctlHome, 'litellm.config.yaml');
      writeFileSync(yamlFile, CONFIG);
      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
      expect(readFileSync(config, 'utf8')).toContain('custom_auth: llmctl_auth.user_api_key_auth');
      expect(readFileSync(auth, 'utf8')).toContain('async def user_api_key_auth(');
      expect(readFileSync(auth, 'utf8')).not.toContain('zk-secret-value');

      // The user brings a database (virtual keys): LiteLLM's own auth applies, llmctl's file goes.
      writeFileSync(yamlFile, `${CONFIG}proxy:\n  generalSettings: { database_url: os.environ/DATABASE_URL }\n`);
      const r = await llmctl(sb, ['sync', '--only', 'litellm']);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(config, 'utf8')).not.toContain('custom_auth');
      expect(existsSync(auth)).toBe(false);

      // With their database, a file of the user's by that name is none of llmctl's business.
      writeFileSync(auth, 'def mine(): pass\n');
      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
      expect(readFileSync(auth, 'utf8')).toBe('def mine(): pass\n');

      // Back to no database, but a file of the user's is where llmctl's would go: refused, nothing written.
      writeFileSync(yamlFile, CONFIG);
      const before = snapshot(sb.llmctlHome);
      const refused = await llmctl(sb, ['sync', '--only', 'litellm']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(auth);
      expect(refused.stderr).toContain('move or rename that file');
      expect(snapshot(sb.llmctlHome)).toEqual(before);
    },
  );
});
