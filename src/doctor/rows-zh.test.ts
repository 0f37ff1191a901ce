import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncedSetup } from '../../test/helpers/doctor-setup.js';
import { currentLocale, setLocale } from '../i18n/index.js';
import type { Locale } from '../i18n/locale.js';
import { fakePlatform } from '../platform/fake.js';
import type { ProxyStatus } from '../proxy/status.js';
import type { Facts } from './facts.js';
import { proxyConfigCurrent } from './proxy-config.js';
import { diagnose } from './run.js';
import type { Check } from './types.js';

/**
 * Issue 10's rows for the runtime llmctl depends on: node.version (Node ≥ 20.19), python.version
 * (what the managed venv needs) and proxy.config (the running proxy started from the config llmctl
 * last wrote), each in both languages.
 */
afterEach(() => setLocale('en'));

type Setup = Awaited<ReturnType<typeof syncedSetup>>;
const linux = (s: Setup, commands: Record<string, string>, files: string[] = []) =>
  fakePlatform({ os: 'linux', realFiles: true, env: s.sb.env, homedir: s.sb.home, commands, files });
const row = (checks: Check[], id: string) => checks.find((c) => c.id === id)!;
const venvPython = (s: Setup) => path.join(s.paths.venv, 'bin', 'python');

type Words = { node: RegExp; nodeFix: RegExp; python: (v: string, cmd: string) => string; ok: string };
const WORDS: Record<Locale, (cmd: string) => Words> = {
  en: (cmd) => ({
    ok: `Python 3.12.4 (${cmd})`,
    node: /^v20\.18\.1 \(llmctl needs 20\.19\.0 or newer\)$/,
    nodeFix: /^install Node\.js 20\.19\+ or 22 LTS/,
    python: (v, c) => `Python ${v} (${c}) is too old for LiteLLM`,
  }),
  'zh-CN': (cmd) => ({
    ok: `Python 3.12.4（${cmd}）`,
    node: /^v20\.18\.1（llmctl 需要 20\.19\.0 或更高版本）$/,
    nodeFix: /^从 https:\/\/nodejs\.org 安装 Node\.js 20\.19\+ 或 22 LTS$/,
    python: (v, c) => `Python ${v}（${c}）版本过低，LiteLLM 无法使用`,
  }),
};

describe.each(['en', 'zh-CN'] as const)('runtime rows in %s', (locale) => {
  it('node.version: Node 20.18 is a FAIL naming 20.19 with the install fix; 20.19.0 passes', async () => {
    setLocale(locale);
    const s = await syncedSetup();
    const p = linux(s, { 'python3 --version': 'Python 3.12.1\n' });
    const old = row((await diagnose(p, s.paths, { nodeVersion: '20.18.1' })).checks, 'node.version');
    expect(old).toMatchObject({ status: 'FAIL', found: expect.stringMatching(WORDS[locale]('').node) });
    expect(old.fix).toMatch(WORDS[locale]('').nodeFix);
    const ok = row((await diagnose(p, s.paths, { nodeVersion: '20.19.0' })).checks, 'node.version');
    expect(ok).toMatchObject({ status: 'PASS', found: 'v20.19.0' });
  });

  it("python.version judges the managed venv's Python (what serve runs), not the one on PATH", async () => {
    setLocale(locale);
    const s = await syncedSetup();
    const venv = venvPython(s);
    const good = linux(s, { [`${venv} --version`]: 'Python 3.12.4\n', 'python3 --version': 'Python 3.8.10\n' }, [venv]);
    expect(row((await diagnose(good, s.paths)).checks, 'python.version')).toMatchObject({
      status: 'PASS',
      found: WORDS[locale](venv).ok,
    });
    const bad = linux(s, { [`${venv} --version`]: 'Python 3.8.10\n', 'python3 --version': 'Python 3.12.4\n' }, [venv]);
    const c = row((await diagnose(bad, s.paths)).checks, 'python.version');
    expect(c).toMatchObject({ status: 'FAIL', found: WORDS[locale](venv).python('3.8.10', venv) });
    expect(c.fix).toMatch(/Python 3\.9\+/);
  });

  it('proxy.config: a proxy on an older config is a FAIL whose fix restarts it', () => {
    setLocale(locale);
    const proxy: ProxyStatus = {
      state: 'up',
      host: '127.0.0.1',
      port: 4000,
      url: 'http://127.0.0.1:4000',
      pid: 42,
      healthy: true,
      stale: ['x'],
    };
    const c = proxyConfigCurrent({ config: {}, proxy } as unknown as Facts) as Check;
    expect(c.status).toBe('FAIL');
    expect(c.fix).toBe('llmctl serve --restart');
    expect(c.found).toBe(
      locale === 'en' ? 'the proxy (pid 42) is running an older config: x' : '代理（pid 42）运行的是旧配置：x',
    );
    expect(c.title).toBe(locale === 'en' ? 'Running proxy serves the current config' : '运行中的代理使用当前配置');
  });
});

describe('doctor --json is English in every locale', () => {
  it('diagnose({ locale: "en" }) words every row in English under zh-CN, then puts the locale back', async () => {
    setLocale('zh-CN');
    const s = await syncedSetup();
    const p = linux(s, { 'python3 --version': 'Python 3.12.1\n' });
    const en = await diagnose(p, s.paths, { locale: 'en', nodeVersion: '20.18.1' });
    expect(currentLocale()).toBe('zh-CN');
    const zh = await diagnose(p, s.paths, { nodeVersion: '20.18.1' });
    expect(en.checks.map((c) => [c.id, c.status])).toEqual(zh.checks.map((c) => [c.id, c.status]));
    const text = (cs: Check[]) => cs.map((c) => `${c.title} ${c.found} ${c.fix ?? ''}`).join('\n');
    expect(text(en.checks)).not.toMatch(/[\u4e00-\u9fff]/);
    expect(text(zh.checks)).toMatch(/Node\.js 版本/);
  });
});

describe('target.* drift with hand-edited entries', () => {
  const facts = {
    config: {},
    session: {
      plans: [
        {
          target: 'litellm',
          files: [{ path: '/h/litellm.config.yaml', before: 'a', after: 'b' }],
          conflicts: [{ message: 'edited' }],
        },
      ],
    },
  } as unknown as Facts;

  it.each([
    ['en', 'drifted: /h/litellm.config.yaml; 1 managed entry differs from llmctl.yaml'],
    ['zh-CN', '不一致：/h/litellm.config.yaml；1 个托管条目与 llmctl.yaml 不一致'],
  ] as const)('%s: the entries follow the file names after a separator', async (locale, start) => {
    setLocale(locale);
    const { targetChecks } = await import('./checks.js');
    const c = targetChecks[0]!(facts) as Check;
    expect(c).toMatchObject({ id: 'target.litellm', status: 'WARN' });
    expect(c.found.startsWith(start)).toBe(true);
  });
});
