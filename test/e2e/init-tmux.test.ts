// `llmctl init` as a new user meets it: the built binary in a real terminal (tmux), keys typed one
// question at a time, against a fake provider whose /models lists three models on 127.0.0.1.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseConfigYaml } from '@continuedev/config-yaml';
import { parse } from 'yaml';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { validateConfigText } from '../../src/config/load.js';
import { SEED, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';
import { killTmux, question, start, type Term } from '../helpers/tmux.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';
import { displayWidth } from '../../src/i18n/width.js';

const KEY = 'sk-intranet-typed-key-9f8e7d6c5b4a';

let fake: FakeUpstream | undefined;
let stopAfter: Sandbox | undefined;
afterEach(async () => {
  if (stopAfter) await llmctl(stopAfter, ['stop']);
  stopAfter = undefined;
  await fake?.close();
  fake = undefined;
});
afterAll(() => killTmux());

describe('init in a real terminal', () => {
  it(
    'from an empty home to llmctl.yaml, a stored key, ' + 'synced Continue and Claude Code configs and a running proxy',
    async () => {
      fake = await startFakeUpstream({ name: 'intranet', models: ['deepseek-r1', 'qwen-chat', 'qwen-coder'] });
      const port = await freePort();
      const sb = sandbox({ LLMCTL_LITELLM: await ensureLitellm() });
      stopAfter = sb;
      const started = Date.now();
      const t = start(sb, 'full');

      // The first screen says what happens and where the files go, before the first question.
      const first = await question(t, 'Provider (type to search)').then(() => t.screen());
      expect(first).toContain('llmctl init: set up your models once, for every tool.');
      expect(first).toContain(`llmctl.yaml (the one file you edit): ${path.join(sb.llmctlHome, 'llmctl.yaml')}`);
      expect(first).toContain(`keys (mode 0600, never in llmctl.yaml): ${path.join(sb.llmctlHome, 'secrets.json')}`);
      expect(first.indexOf('Ctrl-C at any question')).toBeLessThan(first.indexOf('? Provider'));
      t.type('custom');
      await t.waitFor(/❯ Custom OpenAI-compatible endpoint \(自定义\)/);
      t.press('Enter');
      await question(t, 'Base URL');
      t.type(`${fake.url}/v1`);
      t.press('Enter');
      await question(t, 'Name for this provider');
      t.type('intranet');
      t.press('Enter');
      await question(t, 'API key for intranet');
      t.press('Up', 'Up'); // from "no key" to "type it"
      t.press('Enter');
      await question(t, 'Key');
      t.type(KEY);
      t.press('Enter');
      await question(t, 'List the models intranet offers');
      t.press('Enter');
      await question(t, 'Models to use (3 found');
      t.press('Down', 'Space', 'Down', 'Space', 'Enter'); // qwen-chat, qwen-coder
      await question(t, 'Give any of them a shorter name');
      t.press('Enter');
      await question(t, 'Add another provider?');
      t.press('Enter');
      await question(t, 'Which tools');
      t.press('Enter'); // both
      await question(t, 'Claude Code: main model');
      t.press('Enter'); // qwen-chat
      await question(t, 'Claude Code: model for background calls');
      t.press('Down', 'Enter'); // qwen-coder
      await question(t, 'Continue: chat model');
      t.press('Enter');
      await question(t, 'Continue: autocomplete (FIM) model');
      t.press('Enter'); // suggested: qwen-coder
      await question(t, 'Proxy port');
      t.type(String(port));
      t.press('Enter');
      await question(t, "Mark Claude Code's onboarding as done");
      t.press('Enter');
      // The review: the answers and one line per file with its counts; the diffs only on request.
      const summary = await question(t, 'Write these files?').then(() => t.screen());
      expect(summary).toContain('key intranet: sk-…');
      expect(summary).toMatch(/create +llmctl\.yaml +\+\d+ −0 lines +\//);
      expect(summary).not.toContain('+++ ');
      expect(summary).not.toContain(KEY);
      t.press('Down', 'Enter'); // show the changes first
      await t.waitFor('+++ ');
      await t.waitFor(/^\? Write these files\?/m);
      expect(t.screen()).not.toContain(KEY);
      t.press('Enter'); // yes, write them
      await question(t, `Start the proxy now on port ${port}?`);
      const typing = (Date.now() - started) / 1000;
      t.press('Down', 'Enter'); // in the background
      const end = await t.waitFor('EXIT=', 170_000);
      expect(end).toContain('EXIT=0');
      // The budget is two minutes of a person's typing; the script's keys (URL and key included) take seconds.
      console.info(
        `init wizard: ${t.keys} keys typed, ${typing.toFixed(1)} s of questions, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s with the proxy started`,
      );
      expect(typing).toBeLessThan(120);

      // The provider was asked for its models with the typed key.
      const list = fake.requests.find((r) => r.method === 'GET' && r.path === '/v1/models');
      expect(list?.headers.authorization).toBe(`Bearer ${KEY}`);

      const home = sb.llmctlHome;
      const configFile = path.join(home, 'llmctl.yaml');
      const v = await validateConfigText(readFileSync(configFile, 'utf8'), configFile);
      expect(v.errors).toEqual([]);
      const config = v.config!;
      expect(readFileSync(configFile, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\S+llmctl\.schema\.json\n/);
      expect(config.providers.intranet).toEqual({
        preset: 'custom',
        apiBase: `${fake.url}/v1`,
        apiKey: 'secret:intranet',
      });
      expect(config.models.map((m) => m.name)).toEqual(['qwen-chat', 'qwen-coder']);
      expect(config.proxy.port).toBe(port);

      const secretsFile = path.join(home, 'secrets.json');
      expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
      const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')).secrets as Record<string, string>;
      expect(secrets.intranet).toBe(KEY);
      expect(secrets.proxy).toMatch(/^sk-/);

      const litellm = parse(readFileSync(path.join(home, 'litellm.config.yaml'), 'utf8'));
      expect(litellm.model_list.map((m: { model_name: string }) => m.model_name)).toEqual(['qwen-chat', 'qwen-coder']);
      expect(litellm.model_list[0].litellm_params.api_base).toBe(`${fake.url}/v1`);

      const continueText = readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8');
      const cont = parseConfigYaml(continueText) as { models: { name: string; apiBase: string; roles?: string[] }[] };
      expect(cont.models.map((m) => m.name)).toEqual(['qwen-chat', 'qwen-coder']);
      expect(cont.models.every((m) => m.apiBase === `http://127.0.0.1:${port}/v1`)).toBe(true);
      expect(cont.models.find((m) => m.name === 'qwen-coder')?.roles).toEqual(['autocomplete']);
      const env = readFileSync(path.join(sb.home, '.continue', '.env'), 'utf8');
      expect(env).toContain(secrets.proxy);

      const claude = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8'));
      expect(claude.model).toBe('qwen-chat');
      expect(claude.env.ANTHROPIC_BASE_URL).toBe(`http://127.0.0.1:${port}`);
      expect(claude.env.ANTHROPIC_AUTH_TOKEN).toBe(secrets.proxy);
      expect(claude.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('qwen-coder');
      expect(JSON.parse(readFileSync(path.join(sb.home, '.claude.json'), 'utf8')).hasCompletedOnboarding).toBe(true);

      // The tools' settings work: the proxy the wizard started answers with their key, and a chat for
      // qwen-chat reaches the provider with the key typed into the wizard.
      const r = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${claude.env.ANTHROPIC_AUTH_TOKEN}` },
        body: JSON.stringify({ model: 'qwen-chat', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(r.status).toBe(200);
      expect(JSON.stringify(await r.json())).toContain(fake.reply);
      const chat = fake.chats().at(-1)!;
      expect(chat.body.model).toBe('qwen-chat');
      expect(chat.headers.authorization).toBe(`Bearer ${KEY}`);

      // The provider key is only in the secrets file.
      for (const f of [
        configFile,
        path.join(home, 'litellm.config.yaml'),
        path.join(sb.home, '.continue', 'config.yaml'),
        path.join(sb.home, '.claude', 'settings.json'),
      ]) {
        expect(readFileSync(f, 'utf8')).not.toContain(KEY);
      }
    },
  );

  it('Ctrl-C halfway leaves nothing behind and exits 130', async () => {
    fake = await startFakeUpstream({ name: 'intranet', models: ['qwen-chat'] });
    const sb = sandbox();
    const before = snapshot(sb.home);
    const t = start(sb, 'interrupted');
    await question(t, 'Provider (type to search)');
    t.type('custom');
    await t.waitFor(/❯ Custom OpenAI-compatible endpoint/);
    t.press('Enter');
    await question(t, 'Base URL');
    t.type(`${fake.url}/v1`);
    t.press('Enter');
    await question(t, 'Name for this provider');
    t.press('Enter');
    await question(t, 'API key for Custom OpenAI-compatible endpoint');
    t.press('Up', 'Up', 'Enter');
    await question(t, 'Key');
    t.type(KEY);
    t.press('Enter');
    await question(t, 'List the models custom offers');
    t.press('Enter');
    await question(t, 'Models to use');
    t.press('C-c');
    const end = await t.waitFor('EXIT=');
    expect(end).toContain('EXIT=130');
    expect(end).toContain('nothing was written');
    expect(snapshot(sb.home)).toEqual(before);
    expect(existsSync(path.join(sb.llmctlHome, 'secrets.json'))).toBe(false);
  });

  it(
    'a user who already has the three files: init offers them, ' +
      'imports them, and every tool stays pointed at the proxy',
    async () => {
      const sb = sandbox();
      const project = path.join(sb.dir, 'project');
      mkdirSync(project);
      mkdirSync(path.join(sb.home, '.continue'));
      mkdirSync(path.join(sb.home, '.claude'));
      copyFileSync(path.join(SEED, 'litellm.config.yaml'), path.join(project, 'config.yaml'));
      copyFileSync(path.join(SEED, 'continue.config.yaml'), path.join(sb.home, '.continue', 'config.yaml'));
      copyFileSync(path.join(SEED, 'claude.settings.json'), path.join(sb.home, '.claude', 'settings.json'));
      const t = start(sb, 'imports', [], project);

      const offer = await question(t, 'Import what you already have?').then(() => t.screen());
      expect(offer).toContain(`◉ LiteLLM config: ${path.join(project, 'config.yaml')}`);
      expect(offer).toContain('◉ Continue config');
      expect(offer).toContain('◉ Claude Code settings');
      t.press('Enter');
      await question(t, 'Remove a provider?');
      expect(t.screen()).toMatch(/Imported: 6 providers/);
      t.press('Enter');
      // The seed reads its keys from variables this shell does not set: init offers to type them.
      await question(t, 'Type their keys now');
      expect(t.screen()).toContain('5 providers have no key yet: zhipu, siliconflow, volcengine, gemini, openrouter.');
      t.press('Enter');
      await question(t, 'Key for zhipu (empty: skip)');
      t.type(KEY);
      t.press('Enter');
      for (const name of ['siliconflow', 'volcengine', 'gemini', 'openrouter']) {
        await question(t, `Key for ${name} (empty: skip)`);
        t.press('Enter');
      }
      await question(t, 'Add a provider?');
      expect(t.screen()).toContain('Later: `llmctl keys set NAME` for siliconflow, volcengine, gemini, openrouter');
      t.press('Enter');
      await question(t, 'Which tools');
      t.press('Enter');
      await question(t, 'Claude Code: main model');
      t.press('Enter');
      await question(t, 'Claude Code: model for background calls');
      t.press('Enter');
      await question(t, 'Continue: chat model');
      t.press('Enter');
      await question(t, 'Continue: autocomplete (FIM) model');
      t.press('Enter');
      await question(t, 'Proxy port');
      t.press('Enter');
      await question(t, "Mark Claude Code's onboarding as done");
      t.press('Enter');
      await question(t, 'Write these files?');
      t.press('Enter');
      // LiteLLM is not installed in this sandbox: init says what to do instead of offering to start it.
      expect(await t.waitFor('EXIT=')).toContain('EXIT=0');
      expect(t.screen()).toContain('llmctl proxy install');

      const configFile = path.join(sb.llmctlHome, 'llmctl.yaml');
      const v = await validateConfigText(readFileSync(configFile, 'utf8'), configFile);
      expect(v.errors).toEqual([]);
      expect(v.config!.providers.zhipu!.apiKey).toBe('secret:zhipu');
      expect(JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.zhipu).toBe(KEY);
      expect(readFileSync(configFile, 'utf8')).not.toContain(KEY);
      const names = v.config!.models.map((m) => m.name);
      // Every model of the seed LiteLLM config made it.
      const seedNames = parse(readFileSync(path.join(SEED, 'litellm.config.yaml'), 'utf8')).model_list.map(
        (m: { model_name: string }) => m.model_name,
      );
      for (const n of seedNames) expect(names).toContain(n);
      // Claude Code keeps its model (now on the proxy) and its other settings.
      const claude = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8'));
      expect(claude.model).toBe('claude-3-5-haiku-20241022');
      expect(claude.env.CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('16384');
      expect(claude.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('claude-3-5-haiku-20241022');
      expect(claude.env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4000');
      // Continue still parses with Continue's own parser and keeps the user's assistant name.
      const cont = parseConfigYaml(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')) as {
        name: string;
        models: { name: string }[];
      };
      expect(cont.name).toBe('Local Assistant');
      for (const n of names) expect(cont.models.map((m) => m.name)).toContain(n);
    },
  );

  it('CI=true in a terminal: init asks nothing and names the flags instead of waiting for an answer', async () => {
    const sb = sandbox();
    const before = snapshot(sb.home);
    const t = start(sb, 'ci', [], sb.dir, { CI: 'true' });
    const end = await t.waitFor('EXIT=');
    expect(end).toContain('EXIT=2');
    expect(end).toContain('--provider NAME');
    expect(end).not.toMatch(/^\? /m);
    expect(snapshot(sb.home)).toEqual(before);
  });

  it(
    'init --yes --serve: no terminal, no question, ' + 'and the proxy is up in the background when it returns',
    async () => {
      fake = await startFakeUpstream({ name: 'gpu', models: ['gemma'] });
      const port = await freePort();
      const sb = sandbox({ LLMCTL_LITELLM: await ensureLitellm() });
      stopAfter = sb;
      const r = await llmctl(sb, [
        'init',
        '--yes',
        '--provider',
        'vllm',
        '--api-base',
        `${fake.url}/v1`,
        '--model',
        'gemma',
        '--port',
        String(port),
        '--serve',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const proxyKey = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
      const models = await fetch(`http://127.0.0.1:${port}/v1/models`, {
        headers: { authorization: `Bearer ${proxyKey}` },
      });
      expect(models.status).toBe(200);
      expect(JSON.stringify(await models.json())).toContain('"gemma"');
    },
  );
});

/** The questions of one walk through the wizard, in each language (regexes: the text after "? "). */
const QUESTIONS = {
  en: {
    preset: /Provider \(type to search\)/,
    baseUrl: /Base URL \(/,
    v1: /.* does not end in \/v1/,
    name: /Name for this provider/,
    key: /API key for/,
    list: /List the models/,
    models: /Models to use/,
    rename: /Give any of them a shorter name/,
    another: /Add another provider\?/,
    tools: /Which tools/,
    claudeMain: /Claude Code: main model/,
    claudeHaiku: /Claude Code: model for background calls/,
    chat: /Continue: chat model/,
    fim: /Continue: autocomplete \(FIM\) model/,
    port: /Proxy port/,
    write: /Write these files\?/,
  },
  'zh-CN': {
    preset: /供应商（输入文字可搜索）/,
    baseUrl: /Base URL（以 \/v1 结尾/,
    v1: /.* 不以 \/v1 结尾/,
    name: /这个供应商在 llmctl\.yaml 中的名称/,
    key: /.* 的 API 密钥/,
    list: /要从 .* 获取 gpu 的模型列表吗？/,
    models: /选择要使用的模型（找到 3 个/,
    rename: /要给其中某些模型起个更短的名字/,
    another: /还要添加其他供应商吗？/,
    tools: /哪些工具使用这些模型？/,
    claudeMain: /Claude Code：主模型/,
    claudeHaiku: /Claude Code：后台调用使用的模型/,
    chat: /Continue：对话模型/,
    fim: /Continue：自动补全（FIM）模型/,
    port: /代理端口/,
    write: /写入这些文件吗？/,
  },
};

/**
 * The same answers in either language: a keyless custom endpoint typed without /v1 (the fix is
 * offered and taken), two of its three models, both tools. Returns the screen at the review.
 */
async function walkCustom(t: Term, q: (typeof QUESTIONS)['en'], url: string): Promise<string> {
  await question(t, q.preset);
  t.type('custom');
  await t.waitFor(/❯ Custom OpenAI-compatible endpoint \(自定义\)/);
  t.press('Enter');
  await question(t, q.baseUrl);
  t.type(url); // no /v1
  t.press('Enter');
  await question(t, q.v1);
  t.press('Enter'); // add /v1
  await question(t, q.name);
  t.type('gpu');
  t.press('Enter');
  await question(t, q.key);
  t.press('Enter'); // no key
  await question(t, q.list);
  t.press('Enter');
  await question(t, q.models);
  t.press('Down', 'Space', 'Down', 'Space', 'Enter'); // qwen-chat, qwen-coder
  for (const k of [q.rename, q.another, q.tools, q.claudeMain]) {
    await question(t, k);
    t.press('Enter');
  }
  await question(t, q.claudeHaiku);
  t.press('Down', 'Enter'); // qwen-coder
  for (const k of [q.chat, q.fim, q.port]) {
    await question(t, k);
    t.press('Enter');
  }
  await question(t, /.*\.claude\.json/); // Claude Code's onboarding
  t.press('Enter');
  await question(t, q.write);
  const review = t.screen();
  t.press('Enter');
  return review;
}

/** The files init wrote, with what differs by nature between two homes (the path, the proxy key) masked. */
function writtenFiles(sb: Sandbox): Record<string, string> {
  const secrets = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets as Record<
    string,
    string
  >;
  const files = [
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    path.join(sb.llmctlHome, 'litellm.config.yaml'),
    path.join(sb.llmctlHome, 'llmctl_auth.py'),
    path.join(sb.home, '.continue', 'config.yaml'),
    path.join(sb.home, '.continue', '.env'),
    path.join(sb.home, '.claude', 'settings.json'),
    path.join(sb.home, '.claude.json'),
  ];
  const out: Record<string, string> = { 'secrets.json names': Object.keys(secrets).sort().join(',') };
  for (const f of files)
    out[path.relative(sb.dir, f)] = readFileSync(f, 'utf8')
      .split(sb.dir)
      .join('<SB>')
      .split(secrets.proxy!)
      .join('<KEY>');
  return out;
}

describe('init in a real terminal, in Chinese', () => {
  it(
    'LANG=zh_CN.UTF-8: Chinese questions and review, ' + 'columns aligned, the same exit code and files as in English',
    async () => {
      fake = await startFakeUpstream({ name: 'gpu', models: ['deepseek-r1', 'qwen-chat', 'qwen-coder'] });
      const runs: Record<string, { sb: Sandbox; t: Term; review: string }> = {};
      for (const lang of ['en', 'zh-CN'] as const) {
        const sb = sandbox();
        const t = start(
          sb,
          `lang-${lang}`,
          [],
          sb.dir,
          lang === 'zh-CN' ? { LANG: 'zh_CN.UTF-8' } : { LANG: 'C.UTF-8' },
        );
        const review = await walkCustom(t, QUESTIONS[lang], fake.url);
        runs[lang] = { sb, t, review };
      }
      const zh = runs['zh-CN']!;
      const en = runs.en!;
      for (const r of [zh, en]) expect(await r.t.waitFor('EXIT=')).toContain('EXIT=0');

      // Chinese on screen, from the first screen to the last line.
      const screen = zh.t.screen();
      expect(screen).toContain('llmctl init：一次配置好模型，所有工具共用。');
      expect(screen).toContain('任何一步按 Ctrl-C 都可以退出，不会写入任何文件。');
      expect(screen).toContain(`${fake.url} 不以 /v1 结尾`);
      expect(screen).toContain(`${fake.url}/v1（补上 /v1）`);
      expect(zh.review).toContain('↑↓ 移动 • ⏎ 选择');
      expect(screen).toContain('✔ 还要添加其他供应商吗？ 否');
      expect(zh.review).toContain('摘要');
      expect(zh.review).toContain('  模型 qwen-coder（gpu） [autocomplete]');
      expect(screen).toContain('已创建 llmctl.yaml：');
      expect(screen).toContain('下一步：llmctl proxy install（LiteLLM 尚未安装）');
      expect(screen).not.toMatch(/Provider \(type to search\)|Write these files|Summary/);

      // The review's file table: each column starts at the same terminal column on every line, although
      // 新建 and 密钥 take two columns a character.
      for (const r of [zh, en]) {
        const table = r.review.split('\n').filter((l) => /^ {2}(新建|更新|create|update) /.test(l));
        expect(table.length).toBeGreaterThanOrEqual(7);
        const pathColumn = table.map((l) => displayWidth(l.slice(0, l.indexOf(r.sb.dir))));
        expect(new Set(pathColumn).size, table.join('\n')).toBe(1);
      }
      expect(zh.review).toMatch(/新建 {2}密钥 +/);

      // The same answers wrote the same files.
      expect(writtenFiles(zh.sb)).toEqual(writtenFiles(en.sb));
      expect(readFileSync(path.join(zh.sb.llmctlHome, 'llmctl.yaml'), 'utf8')).toContain(`apiBase: ${fake.url}/v1`);
    },
  );
});

describe('init in a real terminal: the rough edges a new user met', () => {
  it('a server that is not running is named in words; --no-color leaves the questions uncoloured', async () => {
    const sb = sandbox();
    const port = await freePort(); // nothing listens there
    // The sandbox sets NO_COLOR; here only the flag may take the colours away.
    const plain = start(sb, 'nocolor', ['--no-color'], sb.dir, { NO_COLOR: undefined });
    await question(plain, 'Provider (type to search)');
    plain.type('vllm');
    await plain.waitFor(/❯ vLLM/);
    plain.press('Enter');
    await question(plain, 'Base URL');
    plain.type(`http://127.0.0.1:${port}/v1`);
    plain.press('Enter');
    await question(plain, 'Name for this provider');
    plain.press('Enter');
    await question(plain, 'API key for');
    plain.press('Enter'); // no key
    await question(plain, 'List the models');
    plain.press('Enter');
    await question(plain, 'Model ids');
    expect(plain.screen()).toContain(
      `Could not list models from http://127.0.0.1:${port}/v1/models: nothing is listening at 127.0.0.1:${port} (is the server running, and is the port right?). Type their ids instead.`,
    );
    expect(plain.screen()).not.toContain('ECONNREFUSED');
    // eslint-disable-next-line no-control-regex
    expect(plain.raw()).not.toMatch(/\u001b\[[0-9;]*m/);
    plain.press('C-c');
    expect(await plain.waitFor('EXIT=')).toContain('EXIT=130');

    // The same terminal without --no-color does colour them: the check above can fail.
    const coloured = start(sandbox(), 'colour', [], sb.dir, { NO_COLOR: undefined });
    await question(coloured, 'Provider (type to search)');
    // eslint-disable-next-line no-control-regex
    expect(coloured.raw()).toMatch(/\u001b\[[0-9;]*m/);
    coloured.press('C-c');
    expect(await coloured.waitFor('EXIT=')).toContain('EXIT=130');
  });
});
