import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, SEED, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const SEED_FILE = path.join(SEED, 'litellm.config.yaml');
const GOLDEN_DIR = path.join(ROOT, 'test', 'fixtures', 'golden');
const seedText = readFileSync(SEED_FILE, 'utf8');

type Deployment = { model_name: string; litellm_params: Record<string, unknown> };

/** Paths that differ per run become placeholders, so the golden files are stable. */
function normalise(text: string, sb: Sandbox): string {
  return text.replaceAll(sb.llmctlHome, '$LLMCTL_HOME').replaceAll(ROOT.replace(/\/$/, ''), '$ROOT');
}

/** Compares with a committed golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 once and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const configOf = (sb: Sandbox) => path.join(sb.llmctlHome, 'llmctl.yaml');
const litellmOf = (sb: Sandbox) => path.join(sb.llmctlHome, 'litellm.config.yaml');

describe('llmctl import litellm (the seed)', () => {
  it('import + sync gives back the same 12 models, in order, with the same litellm_params', async () => {
    const sb = sandbox();
    const imp = await llmctl(sb, ['import', 'litellm', SEED_FILE]);
    expect(imp.code).toBe(0);
    expect(imp.stderr).toContain('added 6 providers and 12 models');
    expect(imp.stderr).toMatch(/litellm_settings\.enable_stream: LiteLLM has no setting "enable_stream"/);
    expect(imp.stderr).toContain(`${SEED_FILE}:4:18`);
    // Counted here, named by the sync that follows (test/cli/quick-start-output.test.ts).
    expect(imp.stderr).toContain('5 providers without a key yet: `llmctl keys set NAME` stores one');
    expect(imp.stderr).not.toContain('no key yet for "');
    expect(imp.stderr).not.toContain('your_api_key_here');

    const yaml = readFileSync(configOf(sb), 'utf8');
    expect(yaml.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=file://${path.join(ROOT, 'schema', 'llmctl.schema.json')}`,
    );
    expect(yaml).not.toContain('your_api_key_here');
    expectGolden('seed.llmctl.yaml', normalise(yaml, sb));

    const sync = await llmctl(sb, ['sync', '--only', 'litellm']);
    expect(sync.code).toBe(0);
    const out = readFileSync(litellmOf(sb), 'utf8');
    expectGolden('seed.litellm.config.yaml', normalise(out, sb));

    const seed = (parse(seedText) as { model_list: Deployment[] }).model_list;
    const got = parse(out) as { model_list: Deployment[]; litellm_settings: Record<string, unknown> };
    expect(got.model_list.map((d) => d.model_name)).toEqual(seed.map((d) => d.model_name));
    expect(got.model_list).toHaveLength(12);
    for (const [i, d] of got.model_list.entries()) {
      const { api_key: wantKey, ...want } = seed[i]!.litellm_params;
      const { api_key: gotKey, ...rest } = d.litellm_params;
      expect(rest, d.model_name).toEqual(want);
      // No key in the seed: llmctl's harmless placeholder, so LiteLLM never reaches for a key of the shell's.
      if (wantKey === undefined) expect(gotKey, d.model_name).toBe('llmctl-no-key');
      else expect(gotKey, d.model_name).toMatch(/^os\.environ\/[A-Z][A-Z0-9_]*$/);
    }
    // The exact api_base strings survive: trailing slash kept, none added where the seed had none.
    expect(got.model_list[0]!.litellm_params.api_base).toBe('https://open.bigmodel.cn/api/paas/v4/');
    expect(got.model_list.filter((d) => d.litellm_params.api_base === undefined).map((d) => d.model_name)).toEqual([
      'deepseek-v3-250324',
      'deepseek-r1-250528',
      'gemini-2.5-flash',
      'kimi-dev-72b',
      'deepseek-r1t2-chimera',
      'deepseek-r1',
    ]);
    expect(got.litellm_settings).toMatchObject({ drop_params: true });
  });

  it('importing twice adds nothing twice and leaves llmctl.yaml untouched', async () => {
    const sb = sandbox();
    expect((await llmctl(sb, ['import', 'litellm', SEED_FILE])).code).toBe(0);
    const before = snapshot(sb.llmctlHome);
    const again = await llmctl(sb, ['import', 'litellm', SEED_FILE]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('added 0 providers and 0 models');
    expect(again.stderr).toContain('skipped 12 models already in llmctl.yaml');
    expect(again.stderr).toContain('Nothing new to import');
    expect(snapshot(sb.llmctlHome)).toEqual(before);
  });

  it('--dry-run shows the llmctl.yaml it would write and writes nothing', async () => {
    const sb = sandbox();
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, ['import', 'litellm', SEED_FILE, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ ');
    expect(r.stdout).toContain('+  - { name: GLM-4-Flash-250414, provider: zhipu, params: { temperature: 0.7 } }');
    expect(r.stdout).toContain(
      '+  zhipu: { preset: zhipu, apiBase: https://open.bigmodel.cn/api/paas/v4/, apiKey: env:ZHIPUAI_API_KEY }',
    );
    expect(r.stderr).toContain('would add 6 providers and 12 models');
    expect(r.stderr).toContain('Nothing was written (dry run)');
    expect(snapshot(sb.dir)).toEqual(before);
  });

  it('finds config.yaml in the current folder when no file is given', async () => {
    const sb = sandbox();
    writeFileSync(path.join(sb.dir, 'config.yaml'), seedText);
    const r = await llmctl(sb, ['import', 'litellm', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(path.join(sb.dir, 'config.yaml'));
  });

  it('moves a real key into the secrets store: never in llmctl.yaml, the LiteLLM config, or the output', async () => {
    const sb = sandbox();
    const key = 'a1b2c3d4e5f6a7b8c9d0.RealLookingZhipuKey';
    const file = path.join(sb.dir, 'config.yaml');
    writeFileSync(
      file,
      seedText
        .replaceAll('api_key: your_api_key_here\n      model: openai/GLM', `api_key: ${key}\n      model: openai/GLM`)
        .replace('api_key: your_api_key_here\n      model: openai/glm', `api_key: ${key}\n      model: openai/glm`),
    );
    const r = await llmctl(sb, ['import', 'litellm', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('key zhipu (…uKey) stored in');
    expect(r.stderr).not.toContain('no key yet for "zhipu"');
    const secrets = path.join(sb.llmctlHome, 'secrets.json');
    expect((JSON.parse(readFileSync(secrets, 'utf8')) as { secrets: Record<string, string> }).secrets).toEqual({
      zhipu: key,
    });
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
    expect(readFileSync(configOf(sb), 'utf8')).toContain('apiKey: secret:zhipu');
    const sync = await llmctl(sb, ['sync', '--only', 'litellm']);
    expect(sync.code).toBe(0);
    const out = readFileSync(litellmOf(sb), 'utf8');
    expect(out).toContain('api_key: os.environ/LLMCTL_KEY_ZHIPU');
    for (const text of [r.stdout, r.stderr, sync.stdout, sync.stderr, out, readFileSync(configOf(sb), 'utf8')])
      expect(text).not.toContain(key);
  });

  it('adds to an existing llmctl.yaml, keeping its comments, and backs it up', async () => {
    const sb = sandbox();
    const mine =
      '# my own notes\nversion: 1\nproviders:\n  box: { preset: vllm, apiBase: http://10.1.1.1:8000/v1 } # the GPU box\nmodels:\n  - { name: qwen, provider: box }\n';
    writeFileSync(configOf(sb), mine);
    const r = await llmctl(sb, ['import', 'litellm', SEED_FILE]);
    expect(r.code).toBe(0);
    const yaml = readFileSync(configOf(sb), 'utf8');
    expect(yaml).toContain('# my own notes');
    expect(yaml).toContain('# the GPU box');
    const doc = parse(yaml) as { models: { name: string }[] };
    expect(doc.models.map((m) => m.name).slice(0, 2)).toEqual(['qwen', 'GLM-4-Flash-250414']);
    expect(doc.models).toHaveLength(13);
    const backups = readdirSync(path.join(sb.llmctlHome, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = readdirSync(path.join(sb.llmctlHome, 'backups', backups[0]!)).find((f) => f.endsWith('llmctl.yaml'))!;
    expect(readFileSync(path.join(sb.llmctlHome, 'backups', backups[0]!, copy), 'utf8')).toBe(mine);
  });
});
