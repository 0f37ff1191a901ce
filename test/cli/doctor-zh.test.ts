import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';
import { CONFIG } from '../helpers/doctor-setup.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A synced setup, then broken three ways: the provider's key is an environment variable that is not
 * set, the LiteLLM config was edited by hand (drift), and Claude Code's settings.json (the proxy token)
 * is readable by others.
 */
async function broken(): Promise<{ sb: Sandbox; port: number }> {
  const port = await freePort();
  const sb = sandbox({ CLAUDE_CONFIG_DIR: '' });
  sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    CONFIG.replace('version: 1\n', `version: 1\nproxy: { port: ${port} }\n`).replace(
      'secret:zhipu',
      'env:ZHIPU_API_KEY',
    ),
  );
  const sync = await llmctl(sb, ['sync']);
  expect(sync.code, sync.stderr).toBe(0);
  const litellm = path.join(sb.llmctlHome, 'litellm.config.yaml');
  writeFileSync(litellm, `${readFileSync(litellm, 'utf8')}# edited\n`);
  chmodSync(path.join(sb.home, '.claude', 'settings.json'), 0o644);
  return { sb, port };
}

/** "WARN  secrets.present" for each row: what the table says, whatever the language. */
const rows = (table: string) =>
  table
    .split('\n')
    .filter((l) => /^(PASS|WARN|FAIL|SKIP) /.test(l))
    .map((l) => l.split(/\s+/).slice(0, 2).join(' '));

describe('llmctl doctor under LANG=zh_CN.UTF-8', () => {
  it(
    'a broken setup: Chinese findings and fixes on screen; ' + 'the same rows, exit code and --json as in English',
    async () => {
      const { sb } = await broken();
      const before = snapshot(sb.home);
      const en = await llmctl(sb, ['doctor'], { env: EN });
      const zh = await llmctl(sb, ['doctor'], { env: ZH });

      expect(en.code).toBe(1);
      expect(zh.code).toBe(en.code);
      expect(en.stdout).toMatch(/^WARN\s+secrets\.present\s+environment variable not set here: ZHIPU_API_KEY/m);
      expect(zh.stdout).toMatch(/^WARN\s+secrets\.present\s+当前环境未设置环境变量：ZHIPU_API_KEY/m);
      expect(zh.stdout).toMatch(/^\s+修复：在 `llmctl serve` 之前执行 export ZHIPU_API_KEY=…（或存入密钥库/m);
      expect(zh.stdout).toMatch(
        /^FAIL\s+files\.permissions\s+其他用户可以读取以下文件中的代理密钥：\S+settings\.json（权限 0644）$/m,
      );
      expect(zh.stdout).toMatch(/^\s+修复：chmod 600 \S+settings\.json   （llmctl doctor --fix 会自动执行）$/m);
      expect(zh.stdout).toMatch(/^WARN\s+target\.litellm\s+不一致：.*litellm\.config\.yaml/m);
      expect(zh.stdout).toContain(
        '修复：llmctl sync --dry-run --only litellm   （查看差异），然后：llmctl sync --only litellm',
      );
      expect(zh.stdout).toMatch(/\d+ 项通过，\d+ 项警告，\d+ 项失败，\d+ 项跳过/);
      expect(zh.stdout).not.toMatch(/environment variable|other users|drifted|passed,|fix:/);
      // Ids and statuses are data: the same rows in the same order.
      expect(rows(zh.stdout)).toEqual(rows(en.stdout));

      const jsonEn = await llmctl(sb, ['doctor', '--json'], { env: EN });
      const jsonZh = await llmctl(sb, ['doctor', '--json'], { env: ZH });
      expect(jsonZh.code).toBe(jsonEn.code);
      expect(jsonZh.stdout).toBe(jsonEn.stdout);
      expect(jsonZh.stdout).not.toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.parse(jsonEn.stdout)).toMatchObject({ ok: false });
      // doctor without --fix writes nothing, in either language.
      expect(snapshot(sb.home)).toEqual(before);
    },
  );

  it('--fix says what it does in Chinese and leaves the same files and --json as in English', async () => {
    const [{ sb: a, port: pa }, { sb: b, port: pb }] = [await broken(), await broken()];
    const en = await llmctl(a, ['doctor', '--fix', '--json'], { env: EN });
    const zh = await llmctl(b, ['doctor', '--fix', '--json'], { env: ZH });
    expect(zh.code).toBe(en.code);
    expect(zh.stderr).toContain('正在修复：chmod 600 ');
    expect(zh.stderr).toContain('正在修复：llmctl sync --only litellm');
    expect(zh.stderr).toMatch(/撤销：llmctl restore \S+/);
    expect(en.stderr).toContain('fixing: llmctl sync --only litellm');

    expect(statSync(path.join(b.home, '.claude', 'settings.json')).mode & 0o777).toBe(0o600);
    // The two sandboxes differ in their folder, port and the backup's time-stamped id; nothing else.
    const norm = (s: string, sb: Sandbox, port: number) =>
      s
        .split(sb.dir)
        .join('<dir>')
        .split(String(port))
        .join('<port>')
        .replace(/\d{8}-\d{6}[-\w]*/g, '<backup>');
    expect(norm(zh.stdout, b, pb)).toBe(norm(en.stdout, a, pa));
    for (const file of ['llmctl.yaml', 'litellm.config.yaml'])
      expect(norm(readFileSync(path.join(b.llmctlHome, file), 'utf8'), b, pb)).toBe(
        norm(readFileSync(path.join(a.llmctlHome, file), 'utf8'), a, pa),
      );
  });
});
