import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../config/load.js';
import { LlmctlError } from '../errors.js';
import { fakePlatform } from '../platform/fake.js';
import type { Platform } from '../platform/index.js';
import { resolvePaths } from '../platform/paths.js';
import { SecretStore } from '../secrets/store.js';
import { claudeTarget } from './claude.js';
import { continueTarget } from './continue.js';
import type { TargetContext } from './types.js';

const KEY = 'sk-master-key-for-tests-0123456789';

const BASE = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: secret:sf }
models:
  - { name: qwen-coder, provider: sf, model: Qwen/Qwen2.5-Coder-7B-Instruct, roles: [autocomplete] }
  - { name: GLM-4-Flash-250414, provider: sf }
  - { name: claude-3-5-haiku-20241022, provider: sf, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
`;

async function ctxFor(yaml: string, platform: Platform, extra: Partial<TargetContext> = {}): Promise<TargetContext> {
  const v = await validateConfigText(yaml, '/cfg/llmctl.yaml');
  if (!v.config) throw new Error(JSON.stringify(v.errors));
  const { loadPresets } = await import('../config/presets.js');
  const secrets = await SecretStore.open('/nonexistent/secrets.json');
  secrets.set('sf', 'sf-upstream-secret-value-42');
  return {
    loaded: {
      file: '/cfg/llmctl.yaml',
      text: yaml,
      config: v.config,
      doc: v.doc,
      presets: await loadPresets(),
      warnings: [],
      at: v.at,
    },
    config: v.config,
    paths: resolvePaths(platform),
    platform,
    secrets,
    state: { version: 1, targets: {} },
    force: false,
    masterKey: KEY,
    toolKey: KEY,
    ...extra,
  };
}

const linux = (env: NodeJS.ProcessEnv = {}) => fakePlatform({ os: 'linux', env, homedir: '/nonexistent/home' });
const windows = (files: string[], env: NodeJS.ProcessEnv = {}) =>
  fakePlatform({
    os: 'win32',
    files,
    env: { USERPROFILE: 'C:\\Users\\me', ProgramFiles: 'C:\\Program Files', SystemRoot: 'C:\\Windows', ...env },
    homedir: 'C:\\Users\\me',
  });

const envOf = (text: string | null) => (JSON.parse(text ?? '{}') as { env: Record<string, string> }).env;

describe('claude target', () => {
  it(
    'defaults: main = first chat model (not the autocomplete one), ' +
      'haiku = the claude-*haiku* model; token is the proxy key',
    async () => {
      const plan = await claudeTarget.plan(await ctxFor(BASE, linux()));
      const after = plan.files[0]!.after!;
      expect(JSON.parse(after).model).toBe('GLM-4-Flash-250414');
      expect(envOf(after)).toMatchObject({
        ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000',
        ANTHROPIC_AUTH_TOKEN: KEY,
        ANTHROPIC_DEFAULT_OPUS_MODEL: 'GLM-4-Flash-250414',
        ANTHROPIC_DEFAULT_SONNET_MODEL: 'GLM-4-Flash-250414',
        ANTHROPIC_DEFAULT_HAIKU_MODEL: 'claude-3-5-haiku-20241022',
      });
      expect(after).not.toContain('sf-upstream-secret-value-42');
      expect(envOf(after).CLAUDE_CODE_GIT_BASH_PATH).toBeUndefined();
    },
  );

  it('a proxy bound to 0.0.0.0 is reached on 127.0.0.1; no /v1', async () => {
    const plan = await claudeTarget.plan(await ctxFor(`${BASE}proxy: { host: 0.0.0.0, port: 5000 }\n`, linux()));
    expect(envOf(plan.files[0]!.after).ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:5000');
  });

  it.each([
    ['model', 'nope'],
    ['haikuModel', 'claude-3-haiku-missing'],
    ['opusModel', 'gone'],
  ])('refuses when tools.claude.%s names a model the proxy lacks, with file:line', async (field, value) => {
    const ctx = await ctxFor(`${BASE}tools:\n  claude:\n    ${field}: ${value}\n`, linux());
    const err = await claudeTarget.plan(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmctlError);
    const p = (err as LlmctlError).problems[0]!;
    expect(p.path).toBe(`tools.claude.${field}`);
    expect(p.line).toBe(10);
    expect(p.message).toContain(value);
  });

  it('behind a system proxy, NO_PROXY gets the loopback hosts merged into the shell’s value', async () => {
    const plan = await claudeTarget.plan(
      await ctxFor(BASE, linux({ HTTPS_PROXY: 'http://10.1.1.1:7890', NO_PROXY: 'corp.example' })),
    );
    expect(envOf(plan.files[0]!.after).NO_PROXY).toBe('corp.example,127.0.0.1,localhost');
    const none = await claudeTarget.plan(await ctxFor(BASE, linux()));
    expect(envOf(none.files[0]!.after).NO_PROXY).toBeUndefined();
  });

  it('maxOutputTokens becomes CLAUDE_CODE_MAX_OUTPUT_TOKENS (a string)', async () => {
    const plan = await claudeTarget.plan(
      await ctxFor(`${BASE}tools:\n  claude: { maxOutputTokens: 16384 }\n`, linux()),
    );
    expect(envOf(plan.files[0]!.after).CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('16384');
  });

  it('without maxOutputTokens, the smallest maxTokens among the models Claude Code uses caps its output', async () => {
    const capped = BASE.replace('roles: [autocomplete] }', 'roles: [autocomplete], maxTokens: 1000 }')
      .replace(
        '{ name: GLM-4-Flash-250414, provider: sf }',
        '{ name: GLM-4-Flash-250414, provider: sf, maxTokens: 8192 }',
      )
      .replace('DeepSeek-R1-Distill-Qwen-7B }', 'DeepSeek-R1-Distill-Qwen-7B, maxTokens: 4096 }');
    // qwen-coder (autocomplete only) is not one Claude Code asks for: its 1000 does not count.
    const plan = await claudeTarget.plan(await ctxFor(capped, linux()));
    expect(envOf(plan.files[0]!.after).CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('4096');
    const own = await claudeTarget.plan(
      await ctxFor(`${capped}tools:\n  claude: { maxOutputTokens: 16384 }\n`, linux()),
    );
    expect(envOf(own.files[0]!.after).CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('16384');
    const none = await claudeTarget.plan(await ctxFor(BASE, linux()));
    expect(envOf(none.files[0]!.after).CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBeUndefined();
  });

  describe('on Windows (fake platform)', () => {
    it('points CLAUDE_CODE_GIT_BASH_PATH at Git Bash, never WSL’s System32 bash', async () => {
      const p = windows(['C:\\Program Files\\Git\\bin\\bash.exe', 'C:\\Windows\\System32\\bash.exe']);
      const plan = await claudeTarget.plan(await ctxFor(BASE, p));
      expect(envOf(plan.files[0]!.after).CLAUDE_CODE_GIT_BASH_PATH).toBe('C:\\Program Files\\Git\\bin\\bash.exe');
    });

    it('honours a configured path', async () => {
      const p = windows(['D:\\Tools\\Git\\bin\\bash.exe']);
      const plan = await claudeTarget.plan(
        await ctxFor(`${BASE}tools:\n  claude: { gitBashPath: 'D:\\Tools\\Git\\bin\\bash.exe' }\n`, p),
      );
      expect(envOf(plan.files[0]!.after).CLAUDE_CODE_GIT_BASH_PATH).toBe('D:\\Tools\\Git\\bin\\bash.exe');
    });

    it('only WSL’s bash: left unset, with a warning that says how to fix it', async () => {
      const p = windows(['C:\\Windows\\System32\\bash.exe']);
      const plan = await claudeTarget.plan(await ctxFor(BASE, p));
      expect(envOf(plan.files[0]!.after).CLAUDE_CODE_GIT_BASH_PATH).toBeUndefined();
      const w = plan.warnings.find((x) => x.path === 'env.CLAUDE_CODE_GIT_BASH_PATH')!;
      expect(w.message).toContain('Git Bash not found');
      expect(w.hint).toContain('tools.claude.gitBashPath');
    });

    it('gitBashPath: off leaves it alone without a warning', async () => {
      const plan = await claudeTarget.plan(
        await ctxFor(`${BASE}tools:\n  claude: { gitBashPath: 'off' }\n`, windows([])),
      );
      expect(envOf(plan.files[0]!.after).CLAUDE_CODE_GIT_BASH_PATH).toBeUndefined();
      expect(plan.warnings.filter((x) => x.path === 'env.CLAUDE_CODE_GIT_BASH_PATH')).toEqual([]);
    });
  });

  it('~/.claude.json: hasCompletedOnboarding only with consent', async () => {
    const asked: string[] = [];
    const no = await claudeTarget.plan(await ctxFor(BASE, linux(), { confirm: async (q) => (asked.push(q), false) }));
    expect(no.files.map((f) => f.path)).not.toContain('/nonexistent/home/.claude.json');
    expect(asked).toHaveLength(1);
    // The user's "No" is an answer: kept in state.json, no warning about it.
    expect(no.warnings.some((w) => w.path === 'hasCompletedOnboarding')).toBe(false);
    expect(no.state).toMatchObject({ onboarding: 'declined' });
    // Nobody could be asked (no TTY): nothing remembered, and the warning says what to do.
    const unasked = await claudeTarget.plan(await ctxFor(BASE, linux(), { confirm: async () => undefined }));
    expect(unasked.warnings.some((w) => w.path === 'hasCompletedOnboarding')).toBe(true);
    expect(unasked.state).not.toHaveProperty('onboarding');
    const yes = await claudeTarget.plan(await ctxFor(BASE, linux(), { confirm: async () => true }));
    const f = yes.files.find((x) => x.path === '/nonexistent/home/.claude.json')!;
    expect(JSON.parse(f.after!)).toEqual({ hasCompletedOnboarding: true });
    const configured = await claudeTarget.plan(
      await ctxFor(`${BASE}tools:\n  claude: { onboarding: true }\n`, linux()),
    );
    expect(configured.files).toHaveLength(2);
  });
});

describe('continue target', () => {
  it('via the proxy: key only in .env (0600), config references it; roles and maxTokens from llmctl.yaml', async () => {
    const plan = await continueTarget.plan(await ctxFor(BASE, linux()));
    const [cfg, env] = plan.files;
    expect(cfg!.after).toContain('apiKey: ${{ secrets.LLMCTL_PROXY_KEY }}');
    expect(cfg!.after).not.toContain(KEY);
    expect(cfg!.after).not.toContain('sf-upstream-secret-value-42');
    expect(env!.after).toBe(`LLMCTL_PROXY_KEY=${KEY}\n`);
    expect(env!.mode).toBe(0o600);
    expect(cfg!.after).toContain(
      '  - name: qwen-coder\n    provider: openai\n    model: qwen-coder\n    apiBase: http://127.0.0.1:4000/v1',
    );
  });

  it('direct mode: the provider’s own base and its key through .env', async () => {
    const plan = await continueTarget.plan(await ctxFor(`${BASE}tools:\n  continue: { via: direct }\n`, linux()));
    const [cfg, env] = plan.files;
    expect(cfg!.after).toContain('apiBase: https://api.siliconflow.cn/v1');
    expect(cfg!.after).toContain('model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B');
    expect(cfg!.after).toContain('apiKey: ${{ secrets.LLMCTL_KEY_SF }}');
    expect(cfg!.after).not.toContain('sf-upstream-secret-value-42');
    expect(env!.after).toBe('LLMCTL_KEY_SF=sf-upstream-secret-value-42\n');
  });

  it('tools.continue.models picks models; an unknown name is refused with its place', async () => {
    const plan = await continueTarget.plan(
      await ctxFor(`${BASE}tools:\n  continue: { models: [qwen-coder] }\n`, linux()),
    );
    expect(plan.files[0]!.after).not.toContain('GLM-4-Flash');
    const err = await continueTarget
      .plan(await ctxFor(`${BASE}tools:\n  continue: { models: [ghost] }\n`, linux()))
      .catch((e: unknown) => e);
    expect((err as LlmctlError).problems[0]!.path).toBe('tools.continue.models[0]');
  });
});

describe('keys never leak into files that must not hold them', () => {
  it(
    'a value Continue would expand as a template (${{ … }}) is refused at its place in llmctl.yaml; ' +
      'the continue: pass-through may use one',
    async () => {
      const yaml = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: secret:sf, apiBase: "https://x.example/\${{ inputs.base }}" }
models:
  - { name: "\${{ secrets.OPENAI_API_KEY }}", provider: sf }
  - { name: ok, provider: sf, model: "m-\${{secrets.X}}" }
  - { name: fine, provider: sf, continue: { requestOptions: { headers: { X-Org: "\${{ secrets.ORG }}" } } } }
`;
      for (const via of ['proxy', 'direct']) {
        const err = await continueTarget
          .plan(await ctxFor(`${yaml}tools:\n  continue: { via: ${via} }\n`, linux()))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(LlmctlError);
        const e = err as LlmctlError;
        expect(e.message).toContain('Continue would expand as a template');
        expect(e.problems.map((p) => `${p.line}:${p.path}`)).toEqual([
          '5:models[0].name',
          '6:models[1].model',
          '3:providers.sf.apiBase',
        ]);
      }
      const ok = await continueTarget.plan(
        await ctxFor(
          `${yaml
            .split('\n')
            .filter((l) => !l.includes('OPENAI') && !l.includes('m-'))
            .join('\n')
            .replace(/, apiBase: "[^"]*"/, '')}`,
          linux(),
        ),
      );
      expect(ok.files[0]!.after).toContain('X-Org: ${{ secrets.ORG }}');
    },
  );

  it('a user entry that already holds a key the secrets store also has does not stop the sync', async () => {
    const { assertNoLeak } = await import('./managed.js');
    const key = 'sk-users-own-literal-key-123456';
    expect(() => assertNoLeak(`a\napiKey: ${key}\n`, [key], 'config.yaml', `apiKey: ${key}\n`)).not.toThrow();
    expect(() => assertNoLeak(`apiKey: ${key}\n`, [key], 'config.yaml', 'nothing')).toThrow(/nothing was written/);
  });
});
