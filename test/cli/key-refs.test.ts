import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const A = 'sk-team-a-0123456789abcdef';
const B = 'sk-team-b-fedcba9876543210';

function write(sb: Sandbox, providers: string, models = '  - { name: m, provider: alpha }\n'): string {
  const file = path.join(sb.llmctlHome, 'llmctl.yaml');
  writeFileSync(
    file,
    `version: 1\nproviders:\n${providers}models:\n${models}tools:\n` +
      `  continue: { enabled: false }\n  claude: { enabled: false }\n`,
  );
  return file;
}

describe('key references and the variables LiteLLM reads them from', () => {
  it('secret:team-a and secret:team_a reach LiteLLM through two different variables', async () => {
    const sb = sandbox();
    write(
      sb,
      '  alpha: { preset: custom, apiBase: http://127.0.0.1:9/v1, apiKey: secret:team-a }\n  beta: { preset: custom, apiBase: http://127.0.0.1:8/v1, apiKey: secret:team_a }\n',
      '  - { name: a, provider: alpha }\n  - { name: b, provider: beta }\n',
    );
    expect((await llmctl(sb, ['keys', 'set', 'team-a', '--stdin'], { input: A })).code).toBe(0);
    expect((await llmctl(sb, ['keys', 'set', 'team_a', '--stdin'], { input: B })).code).toBe(0);
    const r = await llmctl(sb, ['sync', '--only', 'litellm']);
    expect(r.code, r.stderr).toBe(0);
    const out = parse(readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8')) as {
      model_list: { litellm_params: { api_key: string } }[];
    };
    const [ka, kb] = out.model_list.map((d) => d.litellm_params.api_key);
    expect(ka).toBe('os.environ/LLMCTL_KEY_TEAM_A');
    expect(kb).toMatch(/^os\.environ\/LLMCTL_KEY__[0-9A-F]+$/);
    expect(ka).not.toBe(kb);
  });

  it(
    'apiKey: env:LITELLM_MASTER_KEY is refused at load with the reason, ' + 'the place and the fix; nothing is written',
    async () => {
      const sb = sandbox({ LITELLM_MASTER_KEY: 'sk-master-must-not-leave' });
      const file = write(sb, '  alpha: { preset: zhipu, apiKey: env:LITELLM_MASTER_KEY }\n');
      const before = snapshot(sb.home);
      const r = await llmctl(sb, ['sync']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${file}:3:`);
      expect(r.stderr).toContain('providers.alpha.apiKey');
      expect(r.stderr).toContain("env:LITELLM_MASTER_KEY cannot hold a provider's key");
      expect(r.stderr).toContain('llmctl keys set NAME');
      expect(r.stderr).not.toContain('sk-master-must-not-leave');
      expect(snapshot(sb.home)).toEqual(before);
    },
  );

  it(
    'a credential written into params is refused (which field, ' + 'where, the keys set command) and never echoed',
    async () => {
      const sb = sandbox();
      const file = write(
        sb,
        '  alpha:\n    preset: custom\n    apiBase: http://127.0.0.1:9/v1\n    params:\n      aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCY\n      extra_headers: { Authorization: Bearer sk-live-abcdef0123456789 }\n',
      );
      const before = snapshot(sb.home);
      const r = await llmctl(sb, ['sync']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${file}:8:`);
      expect(r.stderr).toContain('providers.alpha.params.aws_secret_access_key');
      expect(r.stderr).toContain('aws_secret_access_key: secret:NAME');
      expect(r.stderr).toContain('providers.alpha.params.extra_headers.Authorization');
      expect(r.stderr).not.toMatch(/wJalr|sk-live/);
      expect(snapshot(sb.home)).toEqual(before);
    },
  );

  it('import litellm moves aws_secret_access_key to the store; sync writes os.environ/ for it', async () => {
    const sb = sandbox();
    const src = path.join(sb.dir, 'config.yaml');
    writeFileSync(
      src,
      'model_list:\n  - model_name: c\n    litellm_params:\n      model: bedrock/anthropic.claude-3\n' +
        '      aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n      aws_secret_access_key: ' +
        'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n      aws_region_name: us-east-1\n',
    );
    const imp = await llmctl(sb, ['import', 'litellm', src]);
    expect(imp.code, imp.stderr).toBe(0);
    expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
    const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
    const out = readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8');
    for (const text of [yaml, out, imp.stdout, imp.stderr]) expect(text).not.toMatch(/AKIAIOSFODNN7|wJalr/);
    expect(yaml).toContain('aws_secret_access_key: secret:');
    expect(out).toMatch(/aws_secret_access_key: os\.environ\/LLMCTL_KEY_/);
    const secrets = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as {
      secrets: Record<string, string>;
    };
    expect(Object.values(secrets.secrets)).toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });

  it(
    'import litellm moves a database URL with its password ' +
      'and a cache password to the store; sync writes os.environ/',
    async () => {
      const sb = sandbox();
      const src = path.join(sb.dir, 'config.yaml');
      writeFileSync(
        src,
        'model_list:\n  - model_name: a\n    litellm_params: { model: hosted_vllm/a, api_base: "http://10.0.0.5:8000/v1" }\nlitellm_settings:\n  cache_params: { type: redis, password: hunter2-cache }\ngeneral_settings:\n  database_url: postgresql://llm:hunter2-db@db:5432/litellm\n',
      );
      const imp = await llmctl(sb, ['import', 'litellm', src]);
      expect(imp.code, imp.stderr).toBe(0);
      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
      const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
      const out = readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8');
      for (const text of [yaml, out, imp.stdout, imp.stderr]) expect(text).not.toContain('hunter2');
      expect(out).toContain('database_url: os.environ/LLMCTL_KEY_PROXY_DATABASE_URL');
      const secrets = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as {
        secrets: Record<string, string>;
      };
      expect(secrets.secrets['proxy-database-url']).toBe('postgresql://llm:hunter2-db@db:5432/litellm');
    },
  );
});
