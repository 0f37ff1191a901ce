import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateConfigText } from '../../src/config/load.js';
import { SEED, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const KEY = 'sk-sf-piped-key-0123456789abcdef';

function files(sb: Sandbox) {
  const j = (...p: string[]) => path.join(sb.home, ...p);
  return {
    config: path.join(sb.llmctlHome, 'llmctl.yaml'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
    litellm: path.join(sb.llmctlHome, 'litellm.config.yaml'),
    continue: j('.continue', 'config.yaml'),
    claude: j('.claude', 'settings.json'),
  };
}

async function validConfig(file: string) {
  const v = await validateConfigText(readFileSync(file, 'utf8'), file);
  expect(v.errors).toEqual([]);
  return v.config!;
}

describe('init without a terminal', () => {
  it('names every missing flag, exits 2 at once (no hang), and writes nothing', async () => {
    const sb = sandbox();
    const before = snapshot(sb.home);
    const started = Date.now();
    const r = await llmctl(sb, ['init']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    for (const flag of ['--provider', '--key-env VAR or --key-stdin', '--model']) expect(r.stderr).toContain(flag);
    expect(snapshot(sb.home)).toEqual(before);
  });

  it(
    '--yes --provider custom without a key (the README’s own example) gives ' +
      'a keyless provider LiteLLM sends a placeholder key for, never a shell key',
    async () => {
      const sb = sandbox({ OPENAI_API_KEY: 'sk-shell-openai-should-stay-home' });
      const f = files(sb);
      const r = await llmctl(sb, [
        'init',
        '--yes',
        '--provider',
        'custom',
        '--api-base',
        'http://10.0.0.5:8000/v1',
        '--model',
        'qwen3-8b',
        '--tools',
        'none',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const config = await validConfig(f.config);
      expect(config.providers.custom).toEqual({ preset: 'custom', apiBase: 'http://10.0.0.5:8000/v1' });
      const litellm = readFileSync(f.litellm, 'utf8');
      expect(litellm).toMatch(
        /model: openai\/qwen3-8b\n\s+api_base: http:\/\/10\.0\.0\.5:8000\/v1\n\s+api_key: llmctl-no-key\n/,
      );
      expect(litellm).not.toContain('sk-shell-openai');
    },
  );

  it(
    '--yes with --key-stdin writes llmctl.yaml, ' + 'the key (0600 only), and points every tool at the chosen port',
    async () => {
      const sb = sandbox();
      const f = files(sb);
      const r = await llmctl(
        sb,
        [
          'init',
          '--yes',
          '--provider',
          'siliconflow',
          '--key-stdin',
          '--model',
          'Qwen/Qwen3-8B',
          '--model',
          'coder=Qwen/Qwen2.5-Coder-7B-Instruct',
          '--autocomplete-model',
          'coder',
          '--claude-haiku-model',
          'coder',
          '--port',
          '4100',
        ],
        { input: `${KEY}\n` },
      );
      expect(r.stderr).toContain('created llmctl.yaml');
      expect(r.code).toBe(0);
      const config = await validConfig(f.config);
      expect(config.providers.siliconflow).toEqual({ preset: 'siliconflow', apiKey: 'secret:siliconflow' });
      expect(config.models.map((m) => m.name)).toEqual(['Qwen/Qwen3-8B', 'coder']);
      expect(config.proxy.port).toBe(4100);
      expect(readFileSync(f.config, 'utf8').startsWith('# yaml-language-server: $schema=')).toBe(true);
      expect(JSON.parse(readFileSync(f.secrets, 'utf8')).secrets.siliconflow).toBe(KEY);
      expect(statSync(f.secrets).mode & 0o777).toBe(0o600);
      for (const file of [f.config, f.litellm, f.continue, f.claude])
        expect(readFileSync(file, 'utf8')).not.toContain(KEY);
      expect(r.stdout + r.stderr).not.toContain(KEY);
      expect(readFileSync(f.continue, 'utf8')).toContain('http://127.0.0.1:4100/v1');
      const claude = JSON.parse(readFileSync(f.claude, 'utf8'));
      expect(claude.env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4100');
      expect(claude.model).toBe('Qwen/Qwen3-8B');
      expect(claude.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('coder');
    },
  );

  it('running it again adds a provider and loses no provider, model, key or comment', async () => {
    const sb = sandbox({ DS_KEY: 'sk-ds-env-key-0000000000' });
    const f = files(sb);
    const first = await llmctl(
      sb,
      ['init', '--yes', '--provider', 'siliconflow', '--key-stdin', '--model', 'Qwen/Qwen3-8B'],
      { input: KEY },
    );
    expect(first.code).toBe(0);
    writeFileSync(f.config, `${readFileSync(f.config, 'utf8')}# my note about these models\n`);
    const again = await llmctl(sb, [
      'init',
      '--yes',
      '--provider',
      'deepseek',
      '--key-env',
      'DS_KEY',
      '--model',
      'deepseek-chat',
      '--claude-model',
      'deepseek-chat',
    ]);
    expect(again.code).toBe(0);
    const config = await validConfig(f.config);
    expect(Object.keys(config.providers)).toEqual(['siliconflow', 'deepseek']);
    expect(config.providers.deepseek!.apiKey).toBe('env:DS_KEY');
    expect(config.models.map((m) => m.name)).toEqual(['Qwen/Qwen3-8B', 'deepseek-chat']);
    expect(readFileSync(f.config, 'utf8')).toContain('# my note about these models');
    expect(JSON.parse(readFileSync(f.secrets, 'utf8')).secrets.siliconflow).toBe(KEY);
    expect(JSON.parse(readFileSync(f.claude, 'utf8')).model).toBe('deepseek-chat');

    // --remove-provider takes one out with its models; the rest, the comment and the key stay.
    const removed = await llmctl(sb, [
      'init',
      '--yes',
      '--remove-provider',
      'siliconflow',
      '--claude-model',
      'deepseek-chat',
    ]);
    expect(removed.code, removed.stderr).toBe(0);
    const after = await validConfig(f.config);
    expect(Object.keys(after.providers)).toEqual(['deepseek']);
    expect(after.models.map((m) => m.name)).toEqual(['deepseek-chat']);
    expect(readFileSync(f.config, 'utf8')).toContain('# my note about these models');
    expect(JSON.parse(readFileSync(f.secrets, 'utf8')).secrets.siliconflow).toBe(KEY);
    const unknown = await llmctl(sb, ['init', '--yes', '--remove-provider', 'nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no provider "nosuch" in llmctl.yaml');
  });

  it('--from imports an existing LiteLLM config (the seed) into llmctl.yaml', async () => {
    const sb = sandbox();
    const f = files(sb);
    const r = await llmctl(sb, ['init', '--yes', '--from', path.join(SEED, 'litellm.config.yaml'), '--tools', 'none']);
    expect(r.stderr).toContain('litellm.config.yaml');
    expect(r.code).toBe(0);
    const config = await validConfig(f.config);
    expect(config.models.map((m) => m.name)).toContain('GLM-4-Flash-250414');
    expect(config.models.map((m) => m.name)).toContain('claude-3-5-haiku-20241022');
    expect(existsSync(f.continue)).toBe(false);
    expect(existsSync(f.claude)).toBe(false);
    expect(existsSync(f.litellm)).toBe(true);
  });

  it('refuses to edit an llmctl.yaml it cannot read, naming the place; nothing changes', async () => {
    const sb = sandbox();
    const f = files(sb);
    writeFileSync(f.config, 'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: sk-pasted-by-hand }\n');
    const before = snapshot(sb.home);
    const r = await llmctl(sb, [
      'init',
      '--yes',
      '--provider',
      'deepseek',
      '--key-env',
      'X',
      '--model',
      'deepseek-chat',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${f.config}:3`);
    expect(r.stderr).toContain('providers.zhipu.apiKey');
    expect(snapshot(sb.home)).toEqual(before);
  });

  it('an unknown preset is a usage error that lists the presets', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['init', '--yes', '--provider', 'silicon', '--key-env', 'X', '--model', 'm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown provider preset "silicon"');
    expect(r.stderr).toContain('siliconflow');
  });

  it('--no-sync writes llmctl.yaml and the key only; --tools none leaves Continue and Claude Code alone', async () => {
    const sb = sandbox();
    const f = files(sb);
    const r = await llmctl(
      sb,
      ['init', '--yes', '--no-sync', '--provider', 'zhipu', '--key-stdin', '--model', 'glm-4-flash'],
      { input: KEY },
    );
    expect(r.code).toBe(0);
    expect(existsSync(f.config)).toBe(true);
    expect(existsSync(f.secrets)).toBe(true);
    for (const file of [f.litellm, f.continue, f.claude]) expect(existsSync(file)).toBe(false);
    const r2 = await llmctl(sb, ['init', '--yes', '--tools', 'none']);
    expect(r2.code).toBe(0);
    expect(existsSync(f.litellm)).toBe(true);
    for (const file of [f.continue, f.claude]) expect(existsSync(file)).toBe(false);
    expect((await validConfig(f.config)).tools).toMatchObject({
      claude: { enabled: false },
      continue: { enabled: false },
    });
  });
});

describe('init without a terminal, in Chinese', () => {
  const args = ['init', '--yes', '--provider', 'vllm', '--api-base', 'http://10.0.0.5:8000/v1', '--model', 'gemma'];

  it('LANG=zh_CN.UTF-8: the summary and results in Chinese, the same exit code and files as in English', async () => {
    const runs = [];
    for (const LANG of ['C.UTF-8', 'zh_CN.UTF-8']) {
      const sb = sandbox();
      const r = await llmctl(sb, args, { env: { LANG } });
      expect(r.code, r.stderr).toBe(0);
      const f = files(sb);
      const secret = JSON.parse(readFileSync(f.secrets, 'utf8')).secrets.proxy as string;
      const read = (file: string) => readFileSync(file, 'utf8').split(sb.dir).join('<SB>').split(secret).join('<KEY>');
      runs.push({ r, files: [f.config, f.litellm, f.continue, f.claude].map(read) });
    }
    const [en, zh] = runs;
    expect(zh!.files).toEqual(en!.files);
    expect(en!.r.stderr).toContain('Summary');
    expect(en!.r.stderr).toContain('created llmctl.yaml');
    expect(zh!.r.stderr).toContain('摘要');
    expect(zh!.r.stderr).toContain('  供应商 vllm：vllm，地址 http://10.0.0.5:8000/v1');
    expect(zh!.r.stderr).toContain('已创建 llmctl.yaml：');
    expect(zh!.r.stderr).toContain('下一步：llmctl serve 会在端口 4000 上启动代理');
    expect(zh!.r.stderr).not.toMatch(/Summary|created llmctl\.yaml|Next:/);
  });

  it('LANG=zh_CN.UTF-8: missing flags are named in Chinese, exit 2 as in English, nothing written', async () => {
    const sb = sandbox();
    const before = snapshot(sb.home);
    const zh = await llmctl(sb, ['init'], { env: { LANG: 'zh_CN.UTF-8' } });
    const en = await llmctl(sb, ['init'], { env: { LANG: 'C.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(en.code).toBe(2);
    expect(zh.stderr).toContain('不提问运行 init 还需要：--provider NAME（一个预设');
    expect(zh.stderr).toContain('；--key-env VAR 或 --key-stdin（它的密钥）；--model ID（可重复）');
    expect(zh.stderr).toContain('错误：');
    expect(snapshot(sb.home)).toEqual(before);
  });
});
