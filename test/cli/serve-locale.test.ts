import { chmodSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';
import { freePort } from '../helpers/litellm.js';
import { CONFIG, UPSTREAM_KEY } from '../helpers/rich-user.js';

/**
 * serve and stop refuse (or do nothing) the same way in every language: the same exit code, no file
 * written, and the words in the user's language. Each case runs once in English and once under
 * LANG=zh_CN.UTF-8.
 */

const ZH = { LANG: 'zh_CN.UTF-8' };
// No litellm on PATH: only node's own folder (the binary is started with process.execPath).
const NO_LITELLM_PATH = path.dirname(process.execPath);

/** A home with llmctl.yaml on `port`; with `stub`, LLMCTL_LITELLM points at a litellm that only answers --version. */
function home(port: number, stub = false): Sandbox {
  const sb = sandbox({ SF_KEY: UPSTREAM_KEY, PATH: NO_LITELLM_PATH });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    CONFIG.replace('version: 1\n', `version: 1\nproxy: { port: ${port} }\n`),
  );
  if (stub) sb.env.LLMCTL_LITELLM = litellmStub(sb);
  return sb;
}

/** Enough for serve's checks, which all come before a start. */
function litellmStub(sb: Sandbox): string {
  const file = path.join(sb.dir, 'litellm');
  writeFileSync(file, '#!/bin/sh\necho "LiteLLM: Current Version = 1.108.7"\n');
  chmodSync(file, 0o755);
  return file;
}

/** Runs `args` in English and in Chinese on two identical homes; neither writes a byte. */
async function bothLanguages(make: () => Sandbox, args: string[]) {
  const out = [];
  for (const env of [{ LANG: 'en_US.UTF-8' }, ZH]) {
    const sb = make();
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, args, { env });
    expect(snapshot(sb.dir), `${args.join(' ')} under ${env.LANG} wrote a file`).toEqual(before);
    out.push(r);
  }
  return { en: out[0]!, zh: out[1]! };
}

let busy: Server | undefined;
afterEach(() => {
  busy?.close();
  busy = undefined;
});

function holdPort(): Promise<number> {
  return new Promise((resolve) => {
    busy = createServer();
    busy.listen({ host: '127.0.0.1', port: 0 }, () => resolve((busy!.address() as { port: number }).port));
  });
}

describe('serve, stop and proxy install under LANG=zh_CN.UTF-8', () => {
  it('serve without LiteLLM: the same exit code, the hint in Chinese', async () => {
    const { en, zh } = await bothLanguages(() => home(4000), ['serve']);
    expect(en.code).toBe(1);
    expect(zh.code).toBe(en.code);
    expect(en.stderr).toContain('LiteLLM is not installed');
    expect(en.stderr).toContain('looked at litellm on PATH');
    expect(zh.stderr).toContain('未安装 LiteLLM');
    expect(zh.stderr).toContain('查找过：PATH 中的 litellm');
    expect(zh.stderr).toContain('请运行 `llmctl proxy install`');
    expect(zh.stderr).not.toContain('is not installed');
  });

  it('serve on a busy port: refused before a file is written, in Chinese', async () => {
    const port = await holdPort();
    const { en, zh } = await bothLanguages(() => home(port, true), ['serve']);
    expect(en.code).toBe(1);
    expect(zh.code).toBe(en.code);
    expect(en.stderr).toContain(`port ${port} is already in use`);
    expect(zh.stderr).toContain(`端口 ${port} 已被占用`);
    expect(zh.stderr).toContain('请停止那个程序，或换一个端口：`llmctl serve --port 4000`');
    expect(zh.stderr).not.toContain('already in use');
  });

  it('serve --restart with nothing running: the same refusal, in Chinese', async () => {
    const { en, zh } = await bothLanguages(() => home(4000, true), ['serve', '--restart']);
    expect(en.code).toBe(1);
    expect(zh.code).toBe(en.code);
    expect(en.stderr).toContain('no proxy started by `llmctl serve` is running');
    expect(zh.stderr).toContain('没有正在运行的、由 `llmctl serve` 启动的代理');
    expect(zh.stderr).toContain('请用 `llmctl serve --detach` 启动一个');
  });

  it('stop with nothing running: exit 0 in both languages, nothing written', async () => {
    const { en, zh } = await bothLanguages(() => home(4000), ['stop']);
    expect(en.code).toBe(0);
    expect(zh.code).toBe(0);
    expect(en.stderr).toContain('No proxy started by `llmctl serve` is running.');
    // stop's own words are the commands area's (src/commands/stop.ts); here: it is not an error.
    expect(zh.stderr).not.toMatch(/error|错误/);
  });

  it('proxy install refuses a compromised version with exit 2 in both languages, the reason in Chinese', async () => {
    const { en, zh } = await bothLanguages(() => home(4000), ['proxy', 'install', '--version', '1.82.7']);
    expect(en.code).toBe(2);
    expect(zh.code).toBe(en.code);
    expect(en.stderr).toContain('LiteLLM 1.82.7 is a compromised release');
    expect(zh.stderr).toContain('LiteLLM 1.82.7 是被投毒的版本');
    expect(zh.stderr).toContain('请改装经过测试的版本：`llmctl proxy install`（1.108.7）');
  });

  it('proxy install with a --python that is not Python: exit 1, said in Chinese, no venv left', async () => {
    const { en, zh } = await bothLanguages(() => home(4000), ['proxy', 'install', '--python', '/nonexistent/python3']);
    expect(en.code).toBe(1);
    expect(zh.code).toBe(en.code);
    expect(en.stderr).toContain('/nonexistent/python3 does not run as Python');
    expect(zh.stderr).toContain('/nonexistent/python3 无法作为 Python 运行');
    expect(zh.stderr).toContain('正在查找 Python');
  });

  it('status --json: the proxy detail stays English data under zh_CN (the human line is Chinese)', async () => {
    const port = await freePort();
    const { en, zh } = await bothLanguages(() => home(port), ['status', '--json']);
    expect(zh.code).toBe(en.code);
    const detail = (r: { stdout: string }) => (JSON.parse(r.stdout) as { proxy: { detail: string } }).proxy.detail;
    expect(detail(en)).toBe(`nothing answers at http://127.0.0.1:${port}`);
    expect(detail(zh)).toBe(detail(en));
    const sb = home(port);
    const human = await llmctl(sb, ['status'], { env: ZH });
    expect(human.code).toBe(en.code);
    expect(human.stdout).toContain(`http://127.0.0.1:${port} 没有响应`);
  });
});
