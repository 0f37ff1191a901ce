import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };

/** A home whose llmctl.yaml has `extra` under proxy:, and a LiteLLM that must never be started. */
function home(extra = ''): Sandbox {
  const sb = sandbox({ LLMCTL_LITELLM: '/nonexistent/litellm' });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1\nproxy:\n  port: 4999\n${extra}providers:\n  p: { preset: custom, apiBase: 'http://127.0.0.1:9/v1' }\nmodels:\n  - { name: m, provider: p }\n`,
  );
  return sb;
}

describe('serve --workers without Redis', () => {
  it('is refused before anything is written, saying why and how to add Redis (English and Chinese)', async () => {
    const sb = home();
    const before = snapshot(sb.llmctlHome);
    const en = await llmctl(sb, ['serve', '--workers', '4'], { env: EN });
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain('refusing to start 4 LiteLLM workers without Redis');
    expect(en.stderr).toContain('400 through');
    expect(en.stderr).toContain('--redis-local');
    const zh = await llmctl(sb, ['serve', '--workers', '4'], { env: ZH });
    expect(zh.code).toBe(en.code);
    expect(zh.stderr).toContain('拒绝在没有 Redis 的情况下启动 4 个 LiteLLM worker');
    expect(zh.stderr).toContain('--redis-local');
    expect(snapshot(sb.llmctlHome)).toEqual(before);
  });

  it('proxy.workers: 2 in llmctl.yaml is refused the same way', async () => {
    const r = await llmctl(home('  workers: 2\n'), ['serve'], { env: EN });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('without Redis');
  });

  it('a bad --workers value is a usage error in both languages', async () => {
    const sb = home();
    const en = await llmctl(sb, ['serve', '--workers', 'many'], { env: EN });
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain('--workers wants a whole number from 1 to 64');
    const zh = await llmctl(sb, ['serve', '--workers', '0'], { env: ZH });
    expect(zh.stderr).toContain('--workers 需要 1 到 64 之间的整数');
  });
});

describe('serve --instance', () => {
  it('needs its own port, and a valid name', async () => {
    const sb = home();
    const noPort = await llmctl(sb, ['serve', '--instance', 'b'], { env: EN });
    expect(noPort.stderr).toContain('instance b needs a port of its own');
    const bad = await llmctl(sb, ['serve', '--instance', '../x', '--port', '4001'], { env: ZH });
    expect(bad.stderr).toContain('不是有效的实例名');
  });
});

describe('proxy.redis rules and doctor', () => {
  it('a password inside proxy.redis.url is refused at load', async () => {
    const r = await llmctl(home('  redis: { url: "redis://:s3cret@127.0.0.1:6379" }\n'), ['sync', '--dry-run'], {
      env: EN,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('proxy.redis.url contains a password');
    expect(r.stderr).not.toContain('s3cret');
  });

  it('doctor: workers without Redis is a FAIL; an unreachable Redis is a FAIL naming the address', async () => {
    const noRedis = await llmctl(home('  workers: 3\n'), ['doctor', '--json'], { env: EN });
    const checks = JSON.parse(noRedis.stdout).checks as { id: string; status: string; found: string }[];
    expect(checks.find((c) => c.id === 'scale.workers')).toMatchObject({ status: 'FAIL' });
    const down = await llmctl(home('  redis: { host: 127.0.0.1, port: 1 }\n'), ['doctor', '--json'], { env: EN });
    const redis = (JSON.parse(down.stdout).checks as { id: string; status: string; found: string }[]).find(
      (c) => c.id === 'scale.redis',
    );
    expect(redis).toMatchObject({ status: 'FAIL' });
    expect(redis!.found).toContain('127.0.0.1:1 cannot be reached');
  });
});
