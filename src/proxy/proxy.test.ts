import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../platform/fake.js';
import { resolvePaths } from '../platform/paths.js';
import { ConfigSchema } from '../config/schema.js';
import { SecretStore } from '../secrets/store.js';
import { setProxyAddress } from './address.js';
import { LOOPBACK_HOSTS, connectHost, isLoopback, lanAddresses, mergeNoProxy, proxyUrl } from './url.js';
import { checkRequestedVersion, explainInstallFailure, findPython, planInstall } from './install.js';
import { resolveLitellm } from './resolve.js';
import { likelyCause, proxyCommand } from './runner.js';
import { compareVersions, isCompromised, parseLitellmVersion } from './versions.js';

describe('LiteLLM versions', () => {
  it.each([
    ['1.82.7', true],
    ['1.82.8', true],
    [' 1.82.8 ', true],
    ['1.82.6', false],
    ['1.83.0', false],
  ])('%s compromised: %s', (v, bad) => expect(isCompromised(v)).toBe(bad));

  it.each([
    ['1.83.0', '1.108.7', -1],
    ['1.108.7', '1.108.7', 0],
    ['1.108.10', '1.108.9', 1],
    ['1.77.2.post1', '1.77.2', 1],
    ['v20.9.0', '20.19.0', -1],
    ['2.1.120', '2.1.9', 1],
  ])('%s vs %s', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));

  it.each([
    ['\nLiteLLM: Current Version = 1.108.7\n', '1.108.7'],
    ['litellm 1.83.14', '1.83.14'],
    ['nothing', undefined],
  ])('reads the version out of %j', (out, v) => expect(parseLitellmVersion(out)).toBe(v));

  it.each([
    ['1.82.7', /compromised/],
    ['1.82.8', /compromised/],
    ['1.80.0', /older than 1\.83\.0/],
    ['latest', /not a LiteLLM version/],
  ])('proxy install --version %s is refused', (v, re) => expect(() => checkRequestedVersion(v)).toThrow(re));

  it('defaults to the tested version', () => expect(checkRequestedVersion(undefined)).toBe('1.108.7'));
});

describe('finding Python and planning the install', () => {
  const paths = (os: NodeJS.Platform) =>
    resolvePaths(
      fakePlatform({ os, env: os === 'win32' ? { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' } : { HOME: '/home/u' } }),
    );

  it('Windows: py -3 first, then python', async () => {
    const p = fakePlatform({
      os: 'win32',
      commands: { "python -c import sys; print('%d.%d.%d' % sys.version_info[:3])": '3.12.1' },
    });
    const py = await findPython(p);
    expect(py).toEqual({ command: 'python', args: [], version: '3.12.1' });
    expect(p.calls[0]).toMatch(/^py -3 -c/);
  });

  it('a Python that is too old is named, with the fix', async () => {
    const p = fakePlatform({
      os: 'linux',
      commands: { "python3 -c import sys; print('%d.%d.%d' % sys.version_info[:3])": '3.8.10' },
    });
    await expect(findPython(p)).rejects.toThrow(/needs Python 3\.9 or newer: python3 is Python 3\.8\.10/);
  });

  it('no Python at all: says what was tried and how to get one', async () => {
    await expect(findPython(fakePlatform({ os: 'linux' }))).rejects.toMatchObject({
      message: 'no Python found (tried python3, python)',
      hint: expect.stringContaining('--python'),
    });
  });

  it('pip: venv then pip install of the pinned extra, in the llmctl home; uv when on PATH', () => {
    const py = { command: 'python3', args: [], version: '3.11.7' };
    const pip = planInstall(fakePlatform({ os: 'linux' }), paths('linux'), py, '1.108.7', { venvExists: false });
    expect(pip.steps.map((s) => [s.command, ...s.args].join(' '))).toEqual([
      `python3 -m venv ${paths('linux').venv}`,
      `${paths('linux').venv}/bin/python -m pip install ` +
        `--disable-pip-version-check litellm[proxy]==1.108.7 prisma==0.15.0`,
    ]);
    const uv = planInstall(
      fakePlatform({ os: 'win32' }),
      paths('win32'),
      { command: 'py', args: ['-3'], version: '3.12.1' },
      '1.108.7',
      { uv: 'C:\\bin\\uv.exe', venvExists: true },
    );
    expect(uv.tool).toBe('uv');
    expect(uv.steps).toHaveLength(1);
    expect(uv.steps[0]!.args).toContain(`${paths('win32').venv}\\Scripts\\python.exe`);
    // Compiled at install like pip does, so the first start does not pay for it.
    expect(uv.steps[0]!.args).toContain('--compile-bytecode');
    expect(uv.litellm).toBe(`${paths('win32').venv}\\Scripts\\litellm.exe`);
  });

  it.each([
    [
      "WARNING: Retrying ... NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection>: " +
        "Failed to establish a new connection')\nERROR: No matching distribution found for litellm==1.108.7",
      /not reachable/,
      /PIP_INDEX_URL/,
    ],
    [
      'ERROR: No matching distribution found for litellm-proxy==1.110.2; extra == "proxy"',
      /not available from the package index/,
      /tested default/,
    ],
    ['Error: Command ... ensurepip is not available', /cannot create virtual environments/, /python3-venv/],
  ])('pip failure %#: a message and a fix', (out, msg, hint) => {
    const e = explainInstallFailure(out, '1.108.7', { label: 'Installing', command: 'pip', args: [] });
    expect(e.message).toMatch(msg);
    expect(e.hint).toMatch(hint);
  });
});

describe('which litellm runs', () => {
  const linux = (files: string[], env: NodeJS.ProcessEnv = {}) =>
    fakePlatform({ os: 'linux', env: { HOME: '/home/u', PATH: '/usr/bin:/opt/bin', ...env }, files });

  it('LLMCTL_LITELLM, then the managed venv, then PATH', async () => {
    const paths = resolvePaths(linux([]));
    const venv = `${paths.venv}/bin/litellm`;
    expect(
      (
        await resolveLitellm(linux(['/x/litellm', venv, '/opt/bin/litellm'], { LLMCTL_LITELLM: '/x/litellm' }), paths, {
          version: false,
        })
      ).source,
    ).toBe('LLMCTL_LITELLM');
    expect((await resolveLitellm(linux([venv, '/opt/bin/litellm']), paths, { version: false })).source).toBe('venv');
    const onPath = await resolveLitellm(linux(['/opt/bin/litellm']), paths, { version: false });
    expect(onPath).toMatchObject({ source: 'PATH', path: '/opt/bin/litellm' });
    const none = await resolveLitellm(linux([]), paths, { version: false });
    expect(none.path).toBeUndefined();
    expect(none.tried).toEqual([venv, 'litellm on PATH']);
  });

  it('a compromised version found by running it is flagged', async () => {
    const p = fakePlatform({
      os: 'linux',
      env: { HOME: '/home/u', PATH: '/opt/bin' },
      files: ['/opt/bin/litellm'],
      commands: { '/opt/bin/litellm --version': 'LiteLLM: Current Version = 1.82.8' },
    });
    expect(await resolveLitellm(p, resolvePaths(p))).toMatchObject({
      version: '1.82.8',
      compromised: true,
      source: 'PATH',
    });
  });
});

describe('the LiteLLM command', () => {
  const config = ConfigSchema.parse({
    version: 1,
    providers: {
      zhipu: { preset: 'zhipu', apiKey: 'secret:zhipu' },
      sf: { preset: 'siliconflow', apiKey: 'env:SF_KEY' },
      or: { preset: 'openrouter', apiKey: 'env:OR_UNSET' },
    },
    models: [{ name: 'm', provider: 'zhipu' }],
  });

  it('keys only in the environment, never on argv; one worker; loopback kept off the system proxy', async () => {
    const secrets = await SecretStore.open('/nonexistent/secrets.json');
    secrets.set('zhipu', 'sk-zhipu-secret');
    const cmd = proxyCommand('/v/bin/litellm', {
      configFile: '/h/litellm.config.yaml',
      host: '127.0.0.1',
      port: 5000,
      config,
      secrets,
      baseEnv: { SF_KEY: 'sk-sf', NO_PROXY: 'corp.local' },
      masterKey: 'sk-master',
    });
    expect(cmd.args).toEqual([
      '--config',
      '/h/litellm.config.yaml',
      '--port',
      '5000',
      '--host',
      '127.0.0.1',
      '--num_workers',
      '1',
    ]);
    expect(cmd.args.join(' ')).not.toMatch(/sk-/);
    expect(cmd.env).toMatchObject({
      LLMCTL_KEY_ZHIPU: 'sk-zhipu-secret',
      SF_KEY: 'sk-sf',
      LITELLM_MASTER_KEY: 'sk-master',
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
      NO_PROXY: 'corp.local,127.0.0.1,localhost,::1',
    });
    expect(cmd.env.no_proxy).toBe(cmd.env.NO_PROXY);
    expect(cmd.missing).toEqual(['env:OR_UNSET']);
  });

  it(
    'the proxy gets an allow-listed environment: ' +
      'what it needs to run and the keys llmctl.yaml names, none of the shell’s other keys',
    async () => {
      const secrets = await SecretStore.open('/nonexistent/secrets.json');
      secrets.set('zhipu', 'sk-zhipu-secret');
      secrets.set('aws', 'aws-secret-from-store');
      const withParams = ConfigSchema.parse({
        version: 1,
        providers: {
          zhipu: { preset: 'zhipu', apiKey: 'secret:zhipu' },
          sf: { preset: 'siliconflow', apiKey: 'env:SF_KEY' },
          br: {
            preset: 'custom',
            apiBase: 'http://b/v1',
            params: { aws_secret_access_key: 'secret:aws', aws_access_key_id: 'os.environ/MY_AWS_ID' },
          },
        },
        models: [{ name: 'm', provider: 'zhipu' }],
        proxy: { generalSettings: { database_url: 'os.environ/DATABASE_URL' } },
      });
      const shell = {
        PATH: '/usr/bin',
        HOME: '/home/u',
        USER: 'u',
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        TZ: 'UTC',
        TMPDIR: '/tmp',
        VIRTUAL_ENV: '/v',
        HTTPS_PROXY: 'http://proxy:3128',
        SSL_CERT_FILE: '/etc/ca.pem',
        LITELLM_LOG: 'DEBUG',
        SF_KEY: 'sk-sf',
        MY_AWS_ID: 'AKIA-mine',
        DATABASE_URL: 'postgres://db',
        OPENAI_API_KEY: 'sk-shell-openai',
        ANTHROPIC_API_KEY: 'sk-ant-shell',
        AWS_SECRET_ACCESS_KEY: 'aws-shell',
        AWS_ACCESS_KEY_ID: 'AKIA-shell',
        GITHUB_TOKEN: 'ghp_shell',
        HOSTED_VLLM_API_KEY: 'vllm-shell',
        LITELLM_MASTER_KEY: 'sk-shell-master',
        AZURE_API_KEY: 'az-shell',
      };
      const cmd = proxyCommand('/v/bin/litellm', {
        configFile: '/h/c.yaml',
        host: '127.0.0.1',
        port: 5000,
        config: withParams,
        secrets,
        baseEnv: shell,
        masterKey: 'sk-master',
        os: 'linux',
      });
      expect(cmd.env).toEqual({
        PATH: '/usr/bin',
        HOME: '/home/u',
        USER: 'u',
        LANG: 'C.UTF-8',
        LC_ALL: 'C.UTF-8',
        TZ: 'UTC',
        TMPDIR: '/tmp',
        VIRTUAL_ENV: '/v',
        HTTPS_PROXY: 'http://proxy:3128',
        SSL_CERT_FILE: '/etc/ca.pem',
        LITELLM_LOG: 'DEBUG',
        SF_KEY: 'sk-sf',
        MY_AWS_ID: 'AKIA-mine',
        DATABASE_URL: 'postgres://db',
        LLMCTL_KEY_ZHIPU: 'sk-zhipu-secret',
        LLMCTL_KEY_AWS: 'aws-secret-from-store',
        LITELLM_MASTER_KEY: 'sk-master',
        LITELLM_LOCAL_MODEL_COST_MAP: 'True',
        PYTHONUNBUFFERED: '1',
        NO_PROXY: '127.0.0.1,localhost,::1',
        no_proxy: '127.0.0.1,localhost,::1',
      });
    },
  );

  it('on Windows the allow-list ignores case and keeps what Python needs there', async () => {
    const secrets = await SecretStore.open('/nonexistent/secrets.json');
    const win = {
      Path: 'C:\\Windows',
      SystemRoot: 'C:\\Windows',
      windir: 'C:\\Windows',
      ComSpec: 'cmd.exe',
      PATHEXT: '.EXE',
      APPDATA: 'a',
      LOCALAPPDATA: 'l',
      USERPROFILE: 'u',
      OPENAI_API_KEY: 'sk-shell',
    };
    const cmd = proxyCommand('litellm.exe', {
      configFile: 'c.yaml',
      host: '127.0.0.1',
      port: 5000,
      config,
      secrets,
      baseEnv: win,
      masterKey: 'sk-m',
      os: 'win32',
    });
    expect(Object.keys(cmd.env)).toEqual(
      expect.arrayContaining([
        'Path',
        'SystemRoot',
        'windir',
        'ComSpec',
        'PATHEXT',
        'APPDATA',
        'LOCALAPPDATA',
        'USERPROFILE',
      ]),
    );
    expect(cmd.env.OPENAI_API_KEY).toBeUndefined();
  });

  it('NO_PROXY gains loopback once', () => {
    expect(mergeNoProxy(undefined, LOOPBACK_HOSTS)).toBe('127.0.0.1,localhost,::1');
    expect(mergeNoProxy('localhost, 127.0.0.1', LOOPBACK_HOSTS)).toBe('localhost,127.0.0.1,::1');
    expect(mergeNoProxy('LOCALHOST,corp.example', ['localhost'])).toBe('LOCALHOST,corp.example');
  });

  it.each([
    ['ERROR:    [Errno 98] error while attempting to bind on address: address already in use', /port 4000 is taken/],
    [
      "ImportError: Missing dependency No module named 'fastapi'. Run `pip install 'litellm[proxy]'`",
      /llmctl proxy install/,
    ],
    ['yaml.scanner.ScannerError: mapping values are not allowed here', /does not parse/],
    ['Unable to find Prisma binaries. DATABASE_URL', /database/],
    ['something else entirely', undefined],
  ])('likely cause of %j', (line, re) => {
    const cause = likelyCause([line], 4000);
    if (re) expect(cause).toMatch(re);
    else expect(cause).toBeUndefined();
  });
});

describe('addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.5', false],
  ])('%s is loopback: %s', (h, yes) => expect(isLoopback(h)).toBe(yes));

  it('a wildcard bind is probed through loopback', () => {
    expect(connectHost('0.0.0.0')).toBe('127.0.0.1');
    expect(proxyUrl('::', 4000)).toBe('http://[::1]:4000');
  });

  it('a new port is written into llmctl.yaml, comments and the rest kept', () => {
    const text = '# mine\nversion: 1\nproxy:\n  port: 4000 # old\n  masterKey: secret:proxy\nmodels: []\n';
    expect(setProxyAddress(text, { port: 5000 })).toBe(
      '# mine\nversion: 1\nproxy:\n  port: 5000 # old\n  masterKey: secret:proxy\nmodels: []\n',
    );
    expect(setProxyAddress('version: 1\nmodels: []\n', { host: '0.0.0.0', port: 5000 })).toBe(
      'version: 1\nmodels: []\nproxy:\n  host: 0.0.0.0\n  port: 5000\n',
    );
  });
});

describe('addresses a client on another machine dials', () => {
  const ifaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fd00::2', family: 'IPv6', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
    wlan0: [{ address: '10.0.0.5', family: 4, internal: false }],
  };
  it.each([
    ['127.0.0.1', []],
    ['localhost', []],
    ['0.0.0.0', ['192.168.1.20', '10.0.0.5']],
    ['::', ['192.168.1.20', '10.0.0.5', '[fd00::2]']],
    ['192.168.1.20', ['192.168.1.20']],
  ])('bound to %s', (host, want) => expect(lanAddresses(host, ifaces)).toEqual(want));
});
