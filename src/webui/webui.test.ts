import { describe, expect, it } from 'vitest';
import { fakePlatform } from '../platform/fake.js';
import { findWebuiPython, planWebuiInstall } from './install.js';
import { parseEnvFile, webuiEnv } from './run.js';

const linux = fakePlatform({ os: 'linux' });
const py = { command: 'python3.12', args: [], version: '3.12.4' };

describe('planWebuiInstall', () => {
  it('with uv on PATH: a uv venv and one uv install that compiles bytecode', () => {
    const p = planWebuiInstall(linux, '/h/openwebui/venv', py, '0.12.4', { uv: '/usr/bin/uv' });
    expect(p.tool).toBe('uv');
    expect(p.steps.map((s) => [s.command, ...s.args].join(' '))).toEqual([
      '/usr/bin/uv venv --python python3.12 /h/openwebui/venv',
      '/usr/bin/uv pip install --compile-bytecode --python /h/openwebui/venv/bin/python open-webui==0.12.4',
    ]);
  });

  it('without uv: uv is put into a small venv of its own with pip first', () => {
    const p = planWebuiInstall(linux, '/h/openwebui/venv', py, '0.12.4', {});
    const lines = p.steps.map((s) => [s.command, ...s.args].join(' '));
    expect(lines[0]).toBe('python3.12 -m venv /h/openwebui/venv-uv');
    expect(lines[1]).toBe('/h/openwebui/venv-uv/bin/python -m pip install uv');
    expect(lines[3]).toContain('/h/openwebui/venv-uv/bin/uv pip install --compile-bytecode');
  });

  it('--pip: venv + pip, no uv at all', () => {
    const p = planWebuiInstall(linux, '/h/v', py, '0.12.4', { uv: '/usr/bin/uv', pip: true });
    expect(p.tool).toBe('pip');
    expect(p.steps.map((s) => s.command)).toEqual(['python3.12', '/h/v/bin/python']);
  });
});

describe('findWebuiPython', () => {
  it('skips a Python outside 3.11–3.12 and names it when none fits', async () => {
    const snippet = "-c import sys; print('%d.%d.%d' % sys.version_info[:3])";
    const ok = fakePlatform({
      os: 'linux',
      commands: { [`python3.12 ${snippet}`]: '3.13.1\n', [`python3.11 ${snippet}`]: '3.11.9\n' },
    });
    await expect(findWebuiPython(ok)).resolves.toMatchObject({ command: 'python3.11', version: '3.11.9' });
    const none = fakePlatform({ os: 'linux', commands: { [`python3 ${snippet}`]: '3.13.1\n' } });
    await expect(findWebuiPython(none)).rejects.toThrow(/3\.11 or 3\.12.*python3 is Python 3\.13\.1/);
  });
});

describe('Open WebUI’s environment', () => {
  it('reads the env file as docker does: NAME=value as it stands, comments skipped', () => {
    expect(parseEnvFile('# c\nA=1\n\nB=x=y\nexport C=z\n')).toEqual({ A: '1', B: 'x=y', C: 'z' });
  });

  it('gets the file, its data dir and the runtime allow-list, never the shell’s keys', () => {
    const env = webuiEnv(
      { PATH: '/bin', HOME: '/h', OPENAI_API_KEY: 'sk-shell', AWS_SECRET_ACCESS_KEY: 'x', NO_PROXY: 'corp' },
      'linux',
      { OPENAI_API_KEY: 'sk-client', OPENAI_API_BASE_URL: 'http://127.0.0.1:4000/v1' },
      '/h/data',
    );
    expect(env.OPENAI_API_KEY).toBe('sk-client');
    expect(env.DATA_DIR).toBe('/h/data');
    expect(env.PATH).toBe('/bin');
    expect(env).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
    expect(env.NO_PROXY).toContain('127.0.0.1');
    expect(env.NO_PROXY).toContain('corp');
  });
});
