import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/i18n/width.js';
import { ROOT, SEED, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

/** The CLI under a Chinese locale: the same program, the same exit codes and files, Chinese on screen. */
const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const CJK = /[\u4e00-\u9fff]/;

const COMMANDS = [
  '',
  'init',
  'import',
  'keys',
  'keys set',
  'keys list',
  'keys rm',
  'sync',
  'status',
  'unlink',
  'restore',
  'serve',
  'stop',
  'proxy',
  'proxy install',
  'doctor',
  'help',
];

const args = (command: string) => command.split(' ').filter(Boolean);

describe('--help in Chinese', () => {
  it.each(COMMANDS)('`%s --help`: Chinese descriptions and titles, same exit code, lines fit 80 columns', async (c) => {
    const sb = sandbox();
    const [en, zh] = await Promise.all([
      llmctl(sb, [...args(c), '--help'], { env: EN }),
      llmctl(sb, [...args(c), '--help'], { env: ZH }),
    ]);
    expect(zh.code).toBe(en.code);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：llmctl/);
    expect(zh.stdout).toContain('\n选项：\n');
    expect(zh.stdout).toMatch(/^ {2}-h, --help +显示命令帮助$/m);
    // Flags and commands are never translated: every flag of the English help is there.
    for (const flag of en.stdout.match(/--[a-z][a-z-]*/g) ?? []) expect(zh.stdout).toContain(flag);
    // Every option and command line has a Chinese description (the English one is gone).
    const items = zh.stdout.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  $ '));
    const presets = zh.stdout.indexOf('预设（--provider）：');
    for (const l of items.filter((l) => presets < 0 || zh.stdout.indexOf(l) < presets)) expect(l, c).toMatch(CJK);
    // commander wraps by display width: a CJK character takes two columns.
    const body = zh.stdout.split(/\n(?:示例|预设（--provider）)：\n/)[0]!;
    for (const l of body.split('\n').filter((l) => !l.startsWith('从 `llmctl init`')))
      expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    if (c && c !== 'keys' && c !== 'proxy' && c !== 'help') expect(zh.stdout).toContain('\n示例：\n  $ llmctl');
  });

  it('the root help lists --lang, and a bare llmctl starts with the Chinese hint', async () => {
    const sb = sandbox();
    const help = await llmctl(sb, ['--help'], { env: ZH });
    expect(help.stdout).toMatch(/^ {2}--lang <lang> +消息语言：en 或 zh-CN/m);
    const en = await llmctl(sb, ['--help'], { env: EN });
    expect(en.stdout).toMatch(/^ {2}--lang <lang> +language of messages: en or zh-CN/m);
    const bare = await llmctl(sb, [], { env: ZH });
    expect(bare.stdout + bare.stderr).toContain('从 `llmctl init` 开始');
  });

  it("commander's usage errors in Chinese, with the same exit code (2)", async () => {
    const sb = sandbox();
    const cases: [string[], string][] = [
      [['bogus'], "错误：未知命令 'bogus'"],
      [['sync', '--dryrun'], "错误：未知选项 '--dryrun'\n（你是不是想输入 --dry-run？）"],
      [['keys', 'rm'], "错误：缺少必需的参数 'name'"],
      [['sync', '--only'], "错误：选项 '--only <targets>' 缺少参数值"],
      [['serve', '--port', '0'], '端口必须是 1 到 65535 之间的数字'],
      [['--lang', 'fr', 'status'], '--lang 不支持语言“fr”'],
    ];
    for (const [argv, text] of cases) {
      const [en, zh] = [await llmctl(sb, argv, { env: EN }), await llmctl(sb, argv, { env: ZH })];
      expect(zh.code, argv.join(' ')).toBe(en.code);
      expect(zh.code, argv.join(' ')).toBe(2);
      expect(zh.stderr, argv.join(' ')).toContain(text);
      expect(zh.stderr).toContain('（加上 --help 运行可查看用法）');
      expect(en.stderr).toContain('(run with --help for usage)');
    }
  });
});

/** Every file under the sandbox's home with its bytes, keys and run-specific names normalised. */
function writtenFiles(sb: Sandbox): Record<string, { text: string; mode: number }> {
  const secrets = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as {
    secrets: Record<string, string>;
  };
  const normal = (s: string) => {
    let out = s.split(sb.dir).join('<DIR>');
    for (const v of Object.values(secrets.secrets)) out = out.split(v).join('<KEY>');
    return out
      .replace(/\d{8}-\d{9}-[0-9a-f]{4}/g, '<BACKUP>')
      .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<TIME>')
      .replace(/"env\.ANTHROPIC_AUTH_TOKEN": "\w+"/, '<HASH>');
  };
  const out: Record<string, { text: string; mode: number }> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const rel = normal(path.relative(sb.dir, p));
      if (rel.includes(`${path.sep}cache${path.sep}`)) continue;
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out[rel] = { text: normal(readFileSync(p, 'utf8')), mode: st.mode };
    }
  };
  walk(sb.home);
  return out;
}

describe('the quick start in Chinese', () => {
  it('same exit codes and the same files as in English, Chinese on screen', async () => {
    const seed = path.join(SEED, 'litellm.config.yaml');
    const runs = { en: sandbox(EN), zh: sandbox(ZH) };
    const out: Record<string, { codes: number[]; screen: string }> = {};
    for (const [lang, sb] of Object.entries(runs)) {
      const imported = await llmctl(sb, ['import', 'litellm', seed]);
      const synced = await llmctl(sb, ['sync']);
      out[lang] = {
        codes: [imported.code, synced.code],
        screen: [imported, synced].map((r) => r.stdout + r.stderr).join(''),
      };
    }
    expect(out['zh']!.codes).toEqual([0, 0]);
    expect(out['zh']!.codes).toEqual(out['en']!.codes);
    expect(writtenFiles(runs.zh)).toEqual(writtenFiles(runs.en));
    const zh = out['zh']!.screen;
    expect(zh).toMatch(/litellm 配置文件 .*：已向 .*llmctl\.yaml 添加 6 个供应商和 12 个模型。/);
    expect(zh).toContain('5 个供应商还没有密钥：用 `llmctl keys set NAME` 保存');
    expect(zh).toContain('下一步：llmctl sync 会据此写入各工具的配置文件。');
    expect(zh).toMatch(/✔ 已创建 .*：.*litellm\.config\.yaml/);
    expect(zh).toMatch(/已备份为 \d{8}-\d{9}-[0-9a-f]{4}，可用 `llmctl restore` 撤销。/);
    expect(out['en']!.screen).toContain('Next: llmctl sync writes the tool configs from it.');
    // Providers without a key: one summary line, no warning per provider or per variable.
    for (const v of ['ZHIPUAI_API_KEY', 'SILICONFLOW_API_KEY', 'GEMINI_API_KEY']) expect(zh).not.toContain(v);
  });

  it('status, keys list and restore --list in Chinese; --json is byte-identical in both locales', async () => {
    const sb = sandbox();
    expect((await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')])).code).toBe(0);
    expect((await llmctl(sb, ['sync'])).code).toBe(0);
    const status = await llmctl(sb, ['status'], { env: ZH });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^litellm +已同步$/m);
    expect(status.stdout).toMatch(/^代理 {6}未运行 http:\/\/127\.0\.0\.1:4000/m);
    for (const argv of [
      ['status', '--json'],
      ['keys', 'list', '--json'],
      ['restore', '--list', '--json'],
      ['sync', '--check', '--json'],
    ]) {
      const [en, zh] = [await llmctl(sb, argv, { env: EN }), await llmctl(sb, argv, { env: ZH })];
      expect(zh.code, argv.join(' ')).toBe(en.code);
      expect(zh.stdout, argv.join(' ')).toBe(en.stdout);
      expect(() => JSON.parse(zh.stdout), argv.join(' ')).not.toThrow();
    }
  });
});

describe('keys, unlink and restore in Chinese', () => {
  it('say what they did in Chinese, with the same exit codes and files as in English', async () => {
    const steps: [string[], string, string?][] = [
      [['keys', 'set', 'team-a', '--stdin'], '已保存密钥“team-a”', 'sk-test-value-123456'],
      [['keys', 'list'], 'team-a'],
      [['keys', 'rm', 'team-a'], '已删除密钥“team-a”（llmctl.yaml 中没有用到它）。'],
      [['keys', 'rm', 'team-a'], '没有名为“team-a”的密钥'],
      [['unlink', 'claude', '--dry-run'], '个文件（试运行：没有写入任何文件）。'],
      [['unlink', 'claude'], '已不再经过 llmctl'],
      [['restore'], '已恢复备份'],
      [['unlink', 'bogus'], '未知工具“bogus”'],
    ];
    const seed = path.join(SEED, 'litellm.config.yaml');
    const runs = { en: sandbox(EN), zh: sandbox(ZH) };
    const codes: Record<string, number[]> = { en: [], zh: [] };
    for (const [lang, sb] of Object.entries(runs)) {
      expect((await llmctl(sb, ['import', 'litellm', seed])).code).toBe(0);
      expect((await llmctl(sb, ['sync'])).code).toBe(0);
      for (const [argv, text, input] of steps) {
        const r = await llmctl(sb, argv, input === undefined ? {} : { input });
        codes[lang]!.push(r.code);
        if (lang === 'zh') expect(r.stdout + r.stderr, argv.join(' ')).toContain(text);
      }
    }
    expect(codes['zh']).toEqual(codes['en']);
    expect(codes['zh']).toEqual([0, 0, 0, 1, 0, 0, 0, 2]);
    expect(writtenFiles(runs.zh)).toEqual(writtenFiles(runs.en));
  });
});

describe('README.zh-CN.md', () => {
  it('shows the quick start output the program really prints under LANG=zh_CN.UTF-8', async () => {
    const sb = sandbox(ZH);
    expect((await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')])).code).toBe(0);
    const synced = await llmctl(sb, ['sync']);
    const id = /\d{8}-\d{9}-[0-9a-f]{4}/g;
    const printed = (synced.stderr + synced.stdout).split(sb.home).join('~').replace(id, '<BACKUP>').trim();
    const readme = readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## 快速开始'));
    const block = /```text\n([\s\S]*?)\n```/.exec(quickStart)![1]!.replace(id, '<BACKUP>');
    // When this fails after a message changed, paste the output below into README.zh-CN.md's quick start.
    expect(block, printed).toBe(printed);
  });
});

describe('a failing sync in Chinese', () => {
  it.each([
    ['a missing key', (t: string) => t.replace('apiKey: env:ZHIPUAI_API_KEY', 'apiKey: secret:nokey')],
    ['a broken llmctl.yaml', () => 'version: 1\nproviders: [\n'],
  ])('%s: same exit code, no file changed, Chinese on screen', async (_, breakIt) => {
    const results: Record<string, number> = {};
    for (const [lang, env] of Object.entries({ en: EN, zh: ZH })) {
      const sb = sandbox(env);
      expect((await llmctl(sb, ['import', 'litellm', path.join(SEED, 'litellm.config.yaml')])).code).toBe(0);
      expect((await llmctl(sb, ['sync'])).code).toBe(0);
      const config = path.join(sb.llmctlHome, 'llmctl.yaml');
      writeFileSync(config, breakIt(readFileSync(config, 'utf8')));
      const before = snapshot(sb.home);
      const r = await llmctl(sb, ['sync']);
      expect(snapshot(sb.home), lang).toEqual(before);
      results[lang] = r.code;
      if (lang === 'zh') expect(r.stderr).toContain('修复：');
      else expect(r.stderr).toContain('fix: ');
    }
    expect(results['zh']).toBe(results['en']);
    expect(results['zh']).not.toBe(0);
  });
});

describe('choosing the language', () => {
  it('--lang en wins over LANG=zh_CN; LLMCTL_LANG wins over LANG; --lang zh-CN wins over LLMCTL_LANG', async () => {
    const sb = sandbox();
    const english = (await llmctl(sb, ['sync', '--help'], { env: { LANG: 'C' } })).stdout;
    const chinese = (await llmctl(sb, ['sync', '--help'], { env: ZH })).stdout;
    expect(english).toContain('render and patch every enabled target');
    expect(chinese).toContain('生成并写入所有已启用的目标工具的配置');
    expect((await llmctl(sb, ['--lang', 'en', 'sync', '--help'], { env: ZH })).stdout).toBe(english);
    expect((await llmctl(sb, ['--lang=en', 'sync', '--help'], { env: ZH })).stdout).toBe(english);
    expect((await llmctl(sb, ['sync', '--help'], { env: { LANG: 'en_US.UTF-8', LLMCTL_LANG: 'zh-CN' } })).stdout).toBe(
      chinese,
    );
    expect((await llmctl(sb, ['sync', '--help'], { env: { LANG: 'zh_CN.UTF-8', LLMCTL_LANG: 'en' } })).stdout).toBe(
      english,
    );
    expect((await llmctl(sb, ['--lang', 'zh-CN', 'sync', '--help'], { env: { LLMCTL_LANG: 'en' } })).stdout).toBe(
      chinese,
    );
    expect((await llmctl(sb, ['keys', 'list'], { env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'C' } })).stderr).toContain(
      '还没有保存任何密钥',
    );
  });
});
