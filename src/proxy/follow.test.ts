import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale, tEn } from '../i18n/index.js';
import { ConfigSchema } from '../config/schema.js';
import { fakePlatform } from '../platform/fake.js';
import { SecretStore } from '../secrets/store.js';
import {
  authFileFor,
  fingerprint,
  keyVariables,
  keysMissingHere,
  staleReasons,
  type RunningFrom,
  type Wanted,
} from './fingerprint.js';
import { pythonOf, warmCommand } from './restart.js';
import { formatUptime } from './status.js';
import { downtimeText } from './follow.js';

const config = ConfigSchema.parse({
  version: 1,
  proxy: { host: '127.0.0.1', port: 4000 },
  providers: {
    zhipu: { preset: 'zhipu', apiKey: 'secret:zhipu' },
    sf: { preset: 'siliconflow', apiKey: 'env:SF_KEY' },
  },
  models: [{ name: 'm', provider: 'zhipu' }],
});

async function setup(env: NodeJS.ProcessEnv = { SF_KEY: 'sk-sf-1' }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-follow-'));
  const configFile = path.join(dir, 'litellm.config.yaml');
  writeFileSync(configFile, 'model_list: []\n');
  writeFileSync(authFileFor(configFile), '# auth v1\n');
  const secrets = await SecretStore.open(path.join(dir, 'secrets.json'));
  secrets.set('zhipu', 'sk-zhipu-1');
  const keys = keyVariables(config, secrets, env, 'sk-master-1');
  const running: RunningFrom = {
    host: '127.0.0.1',
    port: 4000,
    configFile,
    fingerprint: await fingerprint(configFile, keys),
  };
  const wanted = (over: Partial<Wanted> = {}): Wanted => ({
    host: '127.0.0.1',
    port: 4000,
    configFile,
    config,
    keys: keyVariables(config, secrets, over.env ?? env, 'sk-master-1'),
    env,
    ...over,
  });
  return { dir, configFile, secrets, running, wanted };
}

describe('is the running proxy on the current config (pid file fingerprint)', () => {
  it('nothing changed: no reason', async () => {
    const s = await setup();
    expect(await staleReasons(s.running, s.wanted())).toEqual([]);
  });

  it('names each change a user would act on', async () => {
    const s = await setup();
    writeFileSync(s.configFile, 'model_list: [{model_name: new}]\n');
    writeFileSync(authFileFor(s.configFile), '# auth v2\n');
    s.secrets.set('zhipu', 'sk-zhipu-2');
    const reasons = await staleReasons(s.running, s.wanted({ port: 4001, env: { SF_KEY: 'sk-sf-2' } }));
    expect(reasons).toEqual([
      'it listens on 127.0.0.1:4000, llmctl.yaml says 127.0.0.1:4001',
      'the LiteLLM config changed since it started',
      'llmctl_auth.py changed since it started',
      'the key of zhipu, the key of sf changed since it started',
    ]);
  });

  it(
    'an env: key unset in this shell is not a change (the shell that started the proxy had it), ' +
      'but a restart from here would lose it',
    async () => {
      const s = await setup();
      const here = s.wanted({ env: {} });
      expect(await staleReasons(s.running, here)).toEqual([]);
      expect(keysMissingHere(s.running, here)).toEqual(['SF_KEY']);
      expect(keysMissingHere(s.running, s.wanted())).toEqual([]);
    },
  );

  it('a proxy started by an llmctl that recorded nothing is reported, not trusted', async () => {
    const s = await setup();
    expect(await staleReasons({ ...s.running, fingerprint: undefined } as RunningFrom, s.wanted())).toEqual([
      'it was started by an llmctl that did not record its config',
    ]);
  });

  it('the record never holds a key, only salted hashes', async () => {
    const s = await setup();
    const text = JSON.stringify(s.running);
    for (const secret of ['sk-zhipu-1', 'sk-sf-1', 'sk-master-1']) expect(text).not.toContain(secret);
    expect(Object.keys(s.running.fingerprint!.keys)).toEqual(['LITELLM_MASTER_KEY', 'LLMCTL_KEY_ZHIPU', 'SF_KEY']);
  });
});

describe('warm restart command', () => {
  it('finds the venv Python beside litellm (Windows and POSIX), none when there is none', () => {
    expect(
      pythonOf(
        fakePlatform({ os: 'win32', files: ['C:\\venv\\Scripts\\python.exe'] }),
        'C:\\venv\\Scripts\\litellm.exe',
      ),
    ).toBe('C:\\venv\\Scripts\\python.exe');
    expect(pythonOf(fakePlatform({ os: 'linux', files: ['/v/bin/python3'] }), '/v/bin/litellm')).toBe('/v/bin/python3');
    expect(pythonOf(fakePlatform({ os: 'linux', files: [] }), '/nowhere/litellm')).toBeUndefined();
  });

  it('keeps LiteLLM’s arguments and environment, adds only the gate; no key on the command line', () => {
    const cmd = {
      command: '/v/bin/litellm',
      args: ['--config', 'c.yaml', '--port', '4000'],
      env: { LLMCTL_KEY_ZHIPU: 'sk-secret' },
      missing: [],
    };
    const w = warmCommand(cmd, '/v/bin/python', '/h/logs/.gate');
    expect(w.command).toBe('/v/bin/python');
    expect(w.args.slice(2)).toEqual(cmd.args);
    expect(w.args[1]).toContain('run_server(args=sys.argv[1:]');
    expect(w.env).toEqual({ LLMCTL_KEY_ZHIPU: 'sk-secret', LLMCTL_GATE: '/h/logs/.gate' });
    expect(w.args.join(' ')).not.toContain('sk-secret');
  });
});

describe('the reasons and the proxy status in the user’s language, English for --json', () => {
  afterEach(() => setLocale('en'));

  it('zh-CN: the reasons in Chinese; say = tEn keeps them English (status --json, sync --json)', async () => {
    const s = await setup();
    writeFileSync(s.configFile, 'model_list: [{model_name: new}]\n');
    s.secrets.set('zhipu', 'sk-zhipu-2');
    const english = await staleReasons(s.running, s.wanted({ port: 4001 }));
    setLocale('zh-CN');
    expect(await staleReasons(s.running, s.wanted({ port: 4001 }))).toEqual([
      '它监听的是 127.0.0.1:4000，而 llmctl.yaml 中是 127.0.0.1:4001',
      '它启动后 LiteLLM 配置有变化',
      '以下内容在它启动后有变化：zhipu 的密钥',
    ]);
    expect(await staleReasons(s.running, s.wanted({ port: 4001 }), tEn)).toEqual(english);
  });

  it('uptime and downtime read naturally in both languages', () => {
    expect([formatUptime(5), formatUptime(125), formatUptime(7260), formatUptime(3 * 86400 + 7200)]).toEqual([
      '5 s',
      '2 min 5 s',
      '2 h 1 min',
      '3 days 2 h',
    ]);
    expect(downtimeText(1234, 'warm')).toBe('unavailable for 1.2 s (LiteLLM loaded while the old proxy still served)');
    setLocale('zh-CN');
    expect([formatUptime(5), formatUptime(125), formatUptime(7260)]).toEqual(['5 秒', '2 分 5 秒', '2 小时 1 分']);
    expect(formatUptime(125, tEn)).toBe('2 min 5 s');
    expect(downtimeText(1234, 'warm')).toBe('中断了 1.2 秒（旧代理仍在服务时已加载好 LiteLLM）');
    expect(downtimeText(0, 'moved')).toBe('没有中断（新代理在新地址上就绪后，旧代理才停止）');
  });
});
