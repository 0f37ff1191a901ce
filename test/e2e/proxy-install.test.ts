import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { LITELLM_HOME, ensureLitellm } from '../helpers/litellm.js';

/** `llmctl proxy install` for real: pip (the cached install), uv, and the ways it refuses. */
describe('llmctl proxy install', () => {
  it('installed once with pip into the cache; running it again is a quick no-op', async () => {
    await ensureLitellm();
    const sb = sandbox({ LLMCTL_HOME: LITELLM_HOME });
    const t0 = Date.now();
    const r = await llmctl(sb, ['proxy', 'install']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('LiteLLM 1.108.7 is already installed');
    expect(Date.now() - t0).toBeLessThan(5_000);
    const version = execFileSync(path.join(LITELLM_HOME, 'venv', 'bin', 'litellm'), ['--version'], {
      env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True' },
      encoding: 'utf8',
    });
    expect(version).toContain('1.108.7');
  });

  it('uses uv when it is on PATH', async () => {
    const sb = sandbox();
    // uv is not on this machine's PATH: get it the way a user might (pip), into the sandbox.
    const tools = path.join(sb.dir, 'uv-venv');
    execFileSync('python3', ['-m', 'venv', tools]);
    execFileSync(path.join(tools, 'bin', 'pip'), ['install', '--quiet', 'uv'], { stdio: 'inherit' });
    const bin = path.join(sb.dir, 'bin');
    mkdirSync(bin);
    symlinkSync(path.join(tools, 'bin', 'uv'), path.join(bin, 'uv'));
    const r = await llmctl(sb, ['proxy', 'install'], {
      env: { PATH: `${bin}:${process.env.PATH}`, SSL_CERT_FILE: process.env.PIP_CERT ?? '' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Creating a virtual environment');
    expect(r.stderr).toMatch(/Installing litellm\[proxy\]==1\.108\.7 \(uv\)/);
    expect(r.stderr).toMatch(/LiteLLM 1\.108\.7 installed in .* \(uv, \d+ s\)/);
    expect(existsSync(path.join(sb.llmctlHome, 'venv', 'bin', 'litellm'))).toBe(true);
  }, 600_000);

  it('never installs 1.82.7 or 1.82.8', async () => {
    const sb = sandbox();
    for (const v of ['1.82.7', '1.82.8']) {
      const r = await llmctl(sb, ['proxy', 'install', '--version', v]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`LiteLLM ${v} is a compromised release`);
    }
    expect(existsSync(path.join(sb.llmctlHome, 'venv'))).toBe(false);
  });

  it('no network: says the index is unreachable and names PIP_INDEX_URL; no half-made venv is left', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['proxy', 'install'], {
      env: {
        PIP_INDEX_URL: 'http://127.0.0.1:9/simple',
        PIP_FIND_LINKS: '',
        PIP_RETRIES: '1',
        PIP_DEFAULT_TIMEOUT: '3',
        PIP_NO_CACHE_DIR: '1',
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the package index is not reachable');
    expect(r.stderr).toContain('PIP_INDEX_URL');
    expect(existsSync(path.join(sb.llmctlHome, 'venv'))).toBe(false);
  }, 120_000);

  it('no Python, or one too old: the error says so and how to fix it', async () => {
    const sb = sandbox();
    const missing = await llmctl(sb, ['proxy', 'install', '--python', path.join(sb.dir, 'no-such-python')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not run as Python');
    const old = path.join(sb.dir, 'python3.8');
    writeFileSync(old, '#!/bin/sh\necho 3.8.10\n');
    chmodSync(old, 0o755);
    const tooOld = await llmctl(sb, ['proxy', 'install', '--python', old]);
    expect(tooOld.code).toBe(1);
    expect(tooOld.stderr).toContain('LiteLLM needs Python 3.9 or newer');
    expect(tooOld.stderr).toContain('3.8.10');
    expect(existsSync(path.join(sb.llmctlHome, 'venv'))).toBe(false);
  });
});
