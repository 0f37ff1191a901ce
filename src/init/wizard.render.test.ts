// The wizard driven through @inquirer/testing's render(): every question is the real inquirer prompt
// with the config the flow gives it, rendered to a virtual screen and answered by key presses.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { loadPresets, type Preset } from '../config/presets.js';
import { terminalPrompter, type PromptInvoker } from '../ui/prompt.js';
import { fileURLToPath } from 'node:url';
import { validateConfigText } from '../config/load.js';
import { setLocale } from '../i18n/index.js';
import { newDraft, renderDraft } from './draft.js';
import { importInto } from './importing.js';
import type { ListModelsResult } from './models.js';
import { runWizard, type WizardDeps } from './wizard.js';

type Rendered = Awaited<ReturnType<typeof render>>;
type Events = Rendered['events'];
interface Step {
  /** Text the question must show before it is answered. */
  expect: string | RegExp;
  answer: (e: Events, r: Rendered) => void | Promise<void>;
}

/** A search prompt loads its filtered list asynchronously: wait for it before choosing. */
const search = (text: string) => async (e: Events, r: Rendered) => {
  e.type(text);
  await r.nextRender();
  e.keypress('enter');
};

const type = (text: string) => (e: Events) => {
  e.type(text);
  e.keypress('enter');
};
const enter = (e: Events) => e.keypress('enter');
const keys =
  (...ks: string[]) =>
  (e: Events) => {
    for (const k of ks) e.keypress(k);
  };

/** An invoker that renders each prompt and plays the next step of the script on it. */
function scripted(steps: Step[], screens: string[]): PromptInvoker {
  return async (prompt, config) => {
    const step = steps.shift();
    const r = await render(prompt as never, config as never);
    const screen = r.getScreen();
    screens.push(screen);
    if (!step) throw new Error(`unexpected question:\n${screen}`);
    if (typeof step.expect === 'string') expect(screen).toContain(step.expect);
    else expect(screen).toMatch(step.expect);
    await step.answer(r.events, r);
    // A question the keys did not answer fails with its screen instead of hanging the test.
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the keys did not answer the question; screen:\n${r.getScreen()}`)),
        3000,
      );
    });
    try {
      return (await Promise.race([r.answer, stuck])) as never;
    } finally {
      clearTimeout(timer);
    }
  };
}

async function deps(
  steps: Step[],
  over: Partial<WizardDeps> = {},
): Promise<{
  d: WizardDeps;
  screens: string[];
  said: string[];
  listed: { preset: Preset; apiBase?: string; key?: string }[];
}> {
  const screens: string[] = [];
  const said: string[] = [];
  const listed: { preset: Preset; apiBase?: string; key?: string }[] = [];
  const d: WizardDeps = {
    prompt: terminalPrompter(scripted(steps, screens)),
    presets: await loadPresets(),
    env: {},
    draft: newDraft(),
    storedSecrets: new Set(),
    found: [],
    listModels: async (preset, apiBase, key): Promise<ListModelsResult> => {
      listed.push({ preset, ...(apiBase ? { apiBase } : {}), ...(key ? { key } : {}) });
      return {
        ok: true,
        models: ['Qwen/Qwen2.5-Coder-7B-Instruct', 'Qwen/Qwen3-8B', 'deepseek-ai/DeepSeek-V3'],
        url: 'http://x/v1/models',
      };
    },
    say: (l) => said.push(l),
    ...over,
  };
  return { d, screens, said, listed };
}

describe('init wizard (render)', () => {
  it('shows presets with their Chinese names and filters them as the user types', async () => {
    const steps: Step[] = [
      { expect: 'SiliconFlow (硅基流动)', answer: search('硅基') },
      { expect: 'API key for SiliconFlow (硅基流动)', answer: enter }, // type it (default: a hosted API needs a key)
      { expect: 'Key', answer: type('sk-typed-siliconflow-key-0001') },
      { expect: 'List the models siliconflow offers?', answer: enter },
      { expect: '3 found', answer: keys('space', 'down', 'space', 'enter') },
      { expect: 'shorter name', answer: type('y') },
      { expect: 'Name for Qwen/Qwen2.5-Coder-7B-Instruct', answer: type('coder') },
      { expect: 'Name for Qwen/Qwen3-8B', answer: type('qwen3') },
      { expect: 'Add another provider?', answer: enter },
      { expect: 'Claude Code', answer: enter },
      { expect: 'Claude Code: main model', answer: keys('down', 'enter') },
      { expect: 'background calls', answer: keys('up', 'enter') },
      { expect: 'Continue: chat model', answer: keys('down', 'enter') },
      // A model called "coder" is the suggested autocomplete model.
      { expect: /❯ coder/, answer: enter },
      { expect: 'Proxy port', answer: type('4123') },
    ];
    const { d, listed } = await deps(steps);
    const draft = await runWizard(d);
    expect(steps).toHaveLength(0);
    expect(listed[0]?.key).toBe('sk-typed-siliconflow-key-0001');
    expect(draft.secrets).toEqual({ siliconflow: 'sk-typed-siliconflow-key-0001' });
    const text = renderDraft(draft);
    expect(text).not.toContain('sk-typed');
    expect(draft.config.providers.siliconflow).toEqual({ preset: 'siliconflow', apiKey: 'secret:siliconflow' });
    expect(draft.config.models).toEqual([
      { name: 'coder', provider: 'siliconflow', model: 'Qwen/Qwen2.5-Coder-7B-Instruct', roles: ['autocomplete'] },
      { name: 'qwen3', provider: 'siliconflow', model: 'Qwen/Qwen3-8B' },
    ]);
    expect(draft.config.tools?.claude).toMatchObject({ enabled: true, model: 'qwen3', haikuModel: 'coder' });
    expect(draft.config.tools?.continue).toMatchObject({ enabled: true, models: ['qwen3', 'coder'] });
    expect(draft.config.proxy?.port).toBe(4123);
  });

  it(
    'a custom endpoint asks for its URL and a name; ' +
      'a failed listing falls back to typed ids; env keys are references',
    async () => {
      const steps: Step[] = [
        { expect: 'Provider', answer: search('custom') },
        {
          expect: 'Base URL',
          // Validated in place: the same question shows the error, then takes a good answer.
          answer: async (e, r) => {
            e.type('not a url');
            e.keypress('enter');
            await r.nextRender();
            expect(r.getScreen()).toContain('an http(s) URL');
            for (let i = 0; i < 'not a url'.length; i++) e.keypress('backspace');
            e.type('http://10.1.2.3:8000/v1');
            e.keypress('enter');
          },
        },
        { expect: '(custom)', answer: type('gpu-box') },
        // default: no key
        { expect: 'API key for gpu-box (Custom OpenAI-compatible endpoint)', answer: keys('up', 'enter') },
        { expect: 'Environment variable name', answer: type('GPU_KEY') },
        { expect: 'at http://10.1.2.3:8000/v1', answer: enter },
        { expect: 'Model ids', answer: type('gemma-3-4b-it, qwen-coder') },
        { expect: 'shorter name', answer: enter },
        { expect: 'Add another provider?', answer: enter },
        { expect: 'Which tools', answer: keys('space', 'enter') }, // untick Claude Code
        { expect: 'Continue: chat model', answer: enter },
        { expect: /❯ qwen-coder/, answer: enter },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d, said } = await deps(steps, {
        env: { GPU_KEY: 'k-from-env-123456' },
        listModels: async () => ({
          ok: false,
          models: [],
          reason: 'no answer within 5 s',
          url: 'http://10.1.2.3:8000/v1/models',
        }),
      });
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      expect(said.join('\n')).toContain('no answer within 5 s');
      expect(draft.config.providers['gpu-box']).toEqual({
        preset: 'custom',
        apiBase: 'http://10.1.2.3:8000/v1',
        apiKey: 'env:GPU_KEY',
      });
      expect(draft.secrets).toEqual({});
      expect(draft.config.models.map((m) => m.name)).toEqual(['gemma-3-4b-it', 'qwen-coder']);
      expect(draft.config.models[1]?.roles).toEqual(['autocomplete']);
      expect(draft.config.tools?.claude).toMatchObject({ enabled: false });
      expect(draft.config.proxy?.port).toBe(4000);
    },
  );

  it(
    'offers the new tools found on PATH, ticked; ' + 'the unticked one is turned off, one not found is not asked',
    async () => {
      const steps: Step[] = [
        { expect: 'Provider', answer: search('custom') },
        { expect: 'Base URL', answer: type('http://10.1.2.3:8000/v1') },
        { expect: '(custom)', answer: type('gpu-box') },
        { expect: 'API key for gpu-box', answer: keys('up', 'enter') },
        { expect: 'Environment variable name', answer: type('GPU_KEY') },
        { expect: 'at http://10.1.2.3:8000/v1', answer: enter },
        { expect: 'Model ids', answer: type('qwen-coder') },
        { expect: 'shorter name', answer: enter },
        { expect: 'Add another provider?', answer: enter },
        {
          expect: /◉ Codex CLI[\s\S]*◉ Gemini CLI/,
          answer: keys('space', 'down', 'space', 'down', 'down', 'space', 'enter'), // only Codex CLI stays
        },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d, screens } = await deps(steps, {
        env: { GPU_KEY: 'k-from-env-123456' },
        installed: ['codex', 'gemini'],
        listModels: async () => ({ ok: false, models: [], reason: 'no answer', url: 'http://10.1.2.3:8000/v1/models' }),
      });
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      const toolsScreen = screens.find((x) => x.includes('Which tools'))!;
      expect(toolsScreen).not.toContain('opencode');
      expect(toolsScreen).not.toContain('Qwen Code');
      expect(draft.config.tools).toMatchObject({
        claude: { enabled: false },
        continue: { enabled: false },
        codex: { enabled: true },
        gemini: { enabled: false },
      });
      expect(draft.config.tools?.opencode).toBeUndefined();
    },
  );

  it('a refused key can be typed again on the spot; only the one that worked is kept', async () => {
    const steps: Step[] = [
      { expect: 'SiliconFlow (硅基流动)', answer: search('硅基') },
      { expect: 'API key for SiliconFlow (硅基流动)', answer: enter },
      { expect: 'Key', answer: type('sk-mistyped-key-0000') },
      { expect: 'List the models siliconflow offers?', answer: enter },
      { expect: 'The key for siliconflow was refused. What now?', answer: enter }, // type it again
      { expect: 'Key', answer: type('sk-right-key-1111') },
      { expect: '3 found', answer: keys('space', 'enter') },
      { expect: 'shorter name', answer: enter },
      { expect: 'Add another provider?', answer: enter },
      { expect: 'Which tools', answer: keys('space', 'down', 'space', 'enter') }, // neither tool
      { expect: 'Proxy port', answer: enter },
    ];
    const { d, said, listed } = await deps(steps, {
      listModels: async (preset, apiBase, key): Promise<ListModelsResult> => {
        listed.push({ preset, ...(key ? { key } : {}) });
        return key === 'sk-right-key-1111'
          ? {
              ok: true,
              models: ['Qwen/Qwen2.5-Coder-7B-Instruct', 'Qwen/Qwen3-8B', 'deepseek-ai/DeepSeek-V3'],
              url: 'https://api.siliconflow.cn/v1/models',
            }
          : {
              ok: false,
              models: [],
              reason: 'HTTP 401 (the key was refused)',
              refused: true,
              url: 'https://api.siliconflow.cn/v1/models',
            };
      },
    });
    const draft = await runWizard(d);
    expect(steps).toHaveLength(0);
    expect(listed.map((l) => l.key)).toEqual(['sk-mistyped-key-0000', 'sk-right-key-1111']);
    expect(said.join('\n')).toContain('HTTP 401 (the key was refused)');
    expect(said.join('\n')).not.toContain('sk-');
    expect(draft.secrets).toEqual({ siliconflow: 'sk-right-key-1111' });
    expect(draft.config.providers.siliconflow).toEqual({ preset: 'siliconflow', apiKey: 'secret:siliconflow' });
    expect(draft.config.models.map((m) => m.name)).toEqual(['Qwen/Qwen2.5-Coder-7B-Instruct']);
  });

  it('offers what it found, imports it without adding a provider, and keeps every imported model', async () => {
    const seed = fileURLToPath(new URL('../../test/fixtures/seed/litellm.config.yaml', import.meta.url));
    const presets = await loadPresets();
    const steps: Step[] = [
      { expect: `LiteLLM config: ${seed}`, answer: enter },
      { expect: 'Remove a provider?', answer: enter }, // default no
      // The seed's providers read their keys from variables this shell does not set: offered to type them.
      { expect: 'Type their keys now', answer: enter },
      { expect: /Key for \S+ \(empty: skip\)/, answer: type('sk-typed-for-imported-0001') },
      ...Array.from({ length: 4 }, () => ({ expect: '(empty: skip)', answer: enter })),
      { expect: 'Add a provider?', answer: enter }, // default no: the import brought six
      { expect: 'Which tools', answer: enter },
      { expect: 'Claude Code: main model', answer: enter },
      // The seed's claude-3-5-haiku-20241022 (a distill behind a Claude name) is the suggested background model.
      { expect: /❯ claude-3-5-haiku-20241022/, answer: enter },
      { expect: 'Continue: chat model', answer: enter },
      { expect: 'autocomplete', answer: enter },
      { expect: 'Proxy port', answer: enter },
    ];
    const { d, said } = await deps(steps, {
      presets,
      found: [{ tool: 'litellm', file: seed, label: 'LiteLLM config' }],
      importFound: importInto('/home/u/.config/llmctl/llmctl.yaml', presets, () => undefined),
    });
    const draft = await runWizard(d);
    expect(steps).toHaveLength(0);
    expect(said[0]).toMatch(/From .*litellm.config.yaml: 6 providers, 12 models/);
    expect(said[1]).toMatch(/^Imported: 6 providers/);
    expect(said[2]).toBe('5 providers have no key yet: zhipu, siliconflow, volcengine, gemini, openrouter.');
    expect(said[3]).toContain('siliconflow, volcengine, gemini, openrouter');
    expect(draft.secrets).toEqual({ zhipu: 'sk-typed-for-imported-0001' });
    expect(draft.config.providers.zhipu!.apiKey).toBe('secret:zhipu');
    const v = await validateConfigText(renderDraft(draft), 'llmctl.yaml', presets);
    expect(v.errors).toEqual([]);
    expect(v.config!.models).toHaveLength(12);
    expect(Object.keys(v.config!.providers)).toHaveLength(6);
    expect(v.config!.tools.claude).toMatchObject({
      model: 'GLM-4-Flash-250414',
      haikuModel: 'claude-3-5-haiku-20241022',
    });
  });

  it(
    'on an existing setup, picking a configured preset ' + 'again keeps its key and adds models beside the old ones',
    async () => {
      const text =
        'version: 1\nproviders:\n  siliconflow: { preset: siliconflow, apiKey: secret:siliconflow }\n' +
        'models:\n  - { name: qwen3, provider: siliconflow, model: Qwen/Qwen3-8B }\n';
      const steps: Step[] = [
        { expect: 'Remove a provider?', answer: enter },
        { expect: 'Add a provider?', answer: type('y') },
        { expect: 'Provider', answer: search('silicon') },
        { expect: '❯ keep the current one (secret:siliconflow)', answer: enter },
        { expect: 'List the models', answer: enter },
        // What is configured already is ticked.
        { expect: /◉ Qwen\/Qwen3-8B/, answer: keys('space', 'enter') }, // also the first: Qwen2.5-Coder
        { expect: 'shorter name', answer: enter },
        { expect: 'Add another provider?', answer: enter },
        { expect: 'Which tools', answer: enter },
        { expect: 'Claude Code: main model', answer: enter },
        { expect: 'background', answer: enter },
        { expect: 'Continue: chat model', answer: enter },
        { expect: 'autocomplete', answer: enter },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d, listed, said } = await deps(steps, {
        draft: newDraft({ text, raw: (await import('yaml')).parse(text) }),
        storedSecrets: new Set(['siliconflow']),
      });
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      expect(said[0]).toContain('Already set up: 1 provider (siliconflow) and 1 model; they are kept.');
      expect(listed).toHaveLength(1);
      expect(Object.keys(draft.config.providers)).toEqual(['siliconflow']);
      expect(draft.config.providers.siliconflow!.apiKey).toBe('secret:siliconflow');
      expect(draft.secrets).toEqual({});
      expect(draft.config.models.map((m) => m.name)).toEqual(['qwen3', 'Qwen/Qwen2.5-Coder-7B-Instruct']);
      expect(draft.config.models[0]).toEqual({ name: 'qwen3', provider: 'siliconflow', model: 'Qwen/Qwen3-8B' });
    },
  );

  it(
    'on an existing setup, a provider can be removed with its models; ' + 'the tools then choose among what is left',
    async () => {
      const text = [
        'version: 1',
        'providers:',
        '  siliconflow: { preset: siliconflow, apiKey: secret:siliconflow }',
        '  a100: { preset: vllm, apiBase: http://10.0.0.1:8000/v1 }',
        'models:',
        '  - { name: qwen3, provider: siliconflow, model: Qwen/Qwen3-8B }',
        '  - { name: gemma, provider: a100 }',
        'tools:',
        '  claude: { model: gemma }',
        '',
      ].join('\n');
      const steps: Step[] = [
        { expect: 'Remove a provider?', answer: type('y') },
        { expect: /a100 \(1 model\)/, answer: keys('down', 'space', 'enter') },
        { expect: 'Add a provider?', answer: enter },
        { expect: 'Which tools', answer: enter },
        // gemma is gone: the only model left is offered.
        { expect: /❯ qwen3/, answer: enter },
        { expect: 'background', answer: enter },
        { expect: 'Continue: chat model', answer: enter },
        { expect: 'autocomplete', answer: enter },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d, said } = await deps(steps, {
        draft: newDraft({ text, raw: (await import('yaml')).parse(text) }),
        storedSecrets: new Set(['siliconflow']),
      });
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      expect(said.join('\n')).toContain('Removed a100 and its model gemma');
      expect(Object.keys(draft.config.providers)).toEqual(['siliconflow']);
      expect(draft.config.models.map((m) => m.name)).toEqual(['qwen3']);
      expect(draft.config.tools?.claude).toMatchObject({ model: 'qwen3' });
      const v = await validateConfigText(renderDraft(draft), 'llmctl.yaml');
      expect(v.errors).toEqual([]);
    },
  );

  it(
    'several instances of one vLLM: one line each with what it serves, ' + '/v1 added to each, one deployment per URL',
    async () => {
      const urls = ['http://10.0.0.5:8000', 'http://10.0.0.6:8000/v1', 'http://10.0.0.7:8000'];
      const withV1 = urls.map((u) => (u.endsWith('/v1') ? u : `${u}/v1`));
      const steps: Step[] = [
        { expect: 'Provider', answer: search('vllm') },
        {
          expect: 'several instances of one model',
          answer: async (e, r) => {
            e.type(`${urls[0]} nope`);
            e.keypress('enter');
            await r.nextRender();
            expect(r.getScreen()).toContain('nope is not a URL');
            for (let i = 0; i < ' nope'.length; i++) e.keypress('backspace');
            e.type(` ${urls.slice(1).join(' ')}`);
            e.keypress('enter');
          },
        },
        { expect: `${urls[0]}, ${urls[2]} do not end in /v1`, answer: enter },
        { expect: 'Name for this provider', answer: type('gpu') },
        { expect: 'API key for', answer: enter },
        { expect: 'List the models', answer: enter },
        // qwen is on both instances that answer; llama only on one of them (marked on the list).
        { expect: /2 found[\s\S]*llama/, answer: keys('space', 'down', 'space', 'enter') },
        { expect: 'shorter name', answer: enter },
        { expect: 'Add another provider?', answer: enter },
        { expect: 'Which tools', answer: keys('space', 'down', 'space', 'enter') },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d, said, listed } = await deps(steps, {
        listModels: async (preset, apiBase) => {
          listed.push({ preset, ...(apiBase ? { apiBase } : {}) });
          if (apiBase === withV1[1])
            return { ok: false, models: [], reason: 'nothing is listening at 10.0.0.6:8000', url: `${apiBase}/models` };
          return { ok: true, models: apiBase === withV1[0] ? ['llama', 'qwen'] : ['qwen'], url: `${apiBase}/models` };
        },
      });
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      expect(listed.map((l) => l.apiBase)).toEqual(withV1);
      const out = said.join('\n');
      expect(out).toContain('gpu: 3 instances');
      expect(out).toContain(`${withV1[0]}/models serves 2 models: llama, qwen`);
      expect(out).toContain(`${withV1[1]}/models: nothing is listening at 10.0.0.6:8000`);
      expect(out).toContain(`llama is not served by ${withV1[2]}`);
      expect(draft.config.providers.gpu).toEqual({ preset: 'vllm', apiBase: withV1[0] });
      expect(draft.config.models).toEqual(
        ['llama', 'qwen'].map((name) => ({
          name,
          deployments: withV1.map((apiBase) => ({ provider: 'gpu', apiBase })),
        })),
      );
      const v = await validateConfigText(renderDraft(draft), 'llmctl.yaml');
      expect(v.errors).toEqual([]);
    },
  );

  it('a base URL typed without /v1 is offered the fix at once; keeping it as typed is one key away', async () => {
    const run = async (choice: (e: Events) => void) => {
      const steps: Step[] = [
        { expect: 'Provider', answer: search('vllm') },
        { expect: 'Base URL', answer: type('http://10.1.2.3:8000/') },
        {
          expect: /http:\/\/10\.1\.2\.3:8000\/ does not end in \/v1[\s\S]*❯ http:\/\/10\.1\.2\.3:8000\/v1 \(add \/v1\)/,
          answer: choice,
        },
        { expect: 'Name for this provider', answer: enter },
        { expect: 'API key for', answer: enter },
        { expect: 'List the models', answer: type('n') },
        { expect: 'Model ids', answer: type('gemma') },
        { expect: 'shorter name', answer: enter },
        { expect: 'Add another provider?', answer: enter },
        { expect: 'Which tools', answer: keys('space', 'down', 'space', 'enter') },
        { expect: 'Proxy port', answer: enter },
      ];
      const { d } = await deps(steps);
      const draft = await runWizard(d);
      expect(steps).toHaveLength(0);
      return draft.config.providers.vllm!.apiBase;
    };
    expect(await run(enter)).toBe('http://10.1.2.3:8000/v1');
    expect(await run(keys('down', 'enter'))).toBe('http://10.1.2.3:8000/');
  });

  it(
    'in Chinese: questions, key help, ' + 'inquirer’s own words and validation in Chinese; the draft as answered',
    async () => {
      setLocale('zh-CN');
      try {
        const steps: Step[] = [
          {
            expect: /供应商（输入文字可搜索）[\s\S]*↑↓ 移动 • ⏎ 选择/,
            answer: async (e, r) => {
              e.type('zzzz');
              await r.nextRender();
              expect(r.getScreen()).toContain('没有匹配的结果');
              for (let i = 0; i < 4; i++) e.keypress('backspace');
              e.type('硅基');
              await r.nextRender();
              e.keypress('enter');
            },
          },
          { expect: 'SiliconFlow (硅基流动) 的 API 密钥', answer: enter },
          { expect: '密钥', answer: type('sk-typed-siliconflow-key-0001') },
          { expect: '要获取 siliconflow 的模型列表吗？', answer: enter },
          {
            expect: /选择要使用的模型（找到 3 个；空格选择，回车继续）[\s\S]*空格 勾选 • a 全选 • i 反选 • ⏎ 确认/,
            answer: async (e, r) => {
              e.keypress('enter'); // nothing picked
              await r.nextRender();
              expect(r.getScreen()).toContain('请至少选择一项');
              e.keypress('space');
              e.keypress('enter');
            },
          },
          { expect: '要给其中某些模型起个更短的名字', answer: enter },
          { expect: '还要添加其他供应商吗？', answer: enter },
          { expect: '哪些工具使用这些模型？', answer: keys('space', 'down', 'space', 'enter') },
          { expect: '代理端口（所有工具都指向它）', answer: enter },
        ];
        const { d, screens } = await deps(steps);
        const draft = await runWizard(d);
        expect(steps).toHaveLength(0);
        expect(screens.join('\n')).not.toMatch(/navigate|Provider|Models to use/);
        expect(draft.secrets).toEqual({ siliconflow: 'sk-typed-siliconflow-key-0001' });
        expect(draft.config.models.map((m) => m.name)).toEqual(['Qwen/Qwen2.5-Coder-7B-Instruct']);
      } finally {
        setLocale('en');
      }
    },
  );
});
