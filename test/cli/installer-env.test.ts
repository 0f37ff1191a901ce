// pip and uv run packages' own build code: `llmctl proxy install` and `llmctl webui install` hand them
// the runtime allow-list plus PIP_*/UV_* (a mirror, a cache), never the shell's keys. A stand-in `uv`
// first on PATH records the environment it was given and refuses, so nothing is downloaded.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';

const SHELL_KEY = 'sk-shell-openai-never-for-pip-0099';

function recordingUv(dir: string): { bin: string; record: string } {
  const bin = path.join(dir, 'uv-bin');
  mkdirSync(bin, { recursive: true });
  const record = path.join(dir, 'uv-env.txt');
  writeFileSync(path.join(bin, 'uv'), `#!/bin/sh\nenv > '${record}'\necho 'uv: refused by the test' >&2\nexit 3\n`);
  chmodSync(path.join(bin, 'uv'), 0o755);
  return { bin, record };
}

describe.skipIf(process.platform === 'win32')('the environment pip and uv get', () => {
  it.each([
    ['proxy install', ['proxy', 'install']],
    ['webui install', ['webui', 'install', '--yes']],
  ])('%s: PIP_*, UV_* and PYENV_* reach the installer; a key in the shell does not', async (_name, args) => {
    const sb = sandbox();
    const uv = recordingUv(sb.dir);
    const r = await llmctl(sb, args, {
      env: {
        PATH: `${uv.bin}${path.delimiter}${sb.env.PATH ?? ''}`,
        OPENAI_API_KEY: SHELL_KEY,
        AWS_SECRET_ACCESS_KEY: SHELL_KEY,
        PIP_INDEX_URL: 'http://127.0.0.1:9/simple',
        UV_CACHE_DIR: path.join(sb.dir, 'uv-cache'),
        PYENV_VERSION: 'system',
      },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('uv: refused by the test');
    const env = readFileSync(uv.record, 'utf8');
    expect(env).toContain('PIP_INDEX_URL=http://127.0.0.1:9/simple');
    expect(env).toContain(`UV_CACHE_DIR=${path.join(sb.dir, 'uv-cache')}`);
    expect(env).toMatch(/^PATH=/m);
    expect(env).toContain('PYENV_VERSION=system');
    expect(env).not.toContain(SHELL_KEY);
    expect(env).not.toMatch(/^(OPENAI_API_KEY|AWS_SECRET_ACCESS_KEY)=/m);
  });
});
