import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, snapshot } from '../helpers/cli.js';
import { CONFIG, richUser } from '../helpers/rich-user.js';

describe('status', () => {
  it('reports missing / drifted / in sync per target, with exit 3 until everything is in sync', async () => {
    const u = richUser();
    const snap = snapshot(u.dir);
    const first = await llmctl(u, ['status']);
    expect(first.code).toBe(3);
    expect(first.stdout).toMatch(/^litellm\s+missing$/m);
    expect(first.stdout).toMatch(/^continue\s+drifted$/m);
    expect(first.stdout).toMatch(/^claude\s+drifted$/m);
    expect(first.stdout).toMatch(/^proxy\s+(down|up|unhealthy) http:\/\/127\.0\.0\.1:4000/m);
    // status never writes (not even the generated master key).
    expect(snapshot(u.dir)).toEqual(snap);

    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const ok = await llmctl(u, ['status']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^litellm\s+in sync$/m);
    expect(ok.stdout).toMatch(/^continue\s+in sync$/m);
    expect(ok.stdout).toMatch(/^claude\s+in sync$/m);
  });

  it('--json: a hand edit shows as drifted with the edited entry; missing files as missing', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    writeFileSync(
      u.files.claude,
      readFileSync(u.files.claude, 'utf8').replace(
        '"ANTHROPIC_BASE_URL": "http://127.0.0.1:4000"',
        '"ANTHROPIC_BASE_URL": "http://127.0.0.1:9999"',
      ),
    );
    const r = await llmctl(u, ['status', '--json']);
    expect(r.code).toBe(3);
    const data = JSON.parse(r.stdout);
    const claude = data.targets.find((t: { target: string }) => t.target === 'claude');
    expect(claude.state).toBe('drifted');
    expect(claude.conflicts.map((c: { path: string }) => c.path)).toEqual(['env.ANTHROPIC_BASE_URL']);
    expect(data.targets.find((t: { target: string }) => t.target === 'continue').state).toBe('in sync');
    expect(data.proxy).toMatchObject({ port: 4000 });
    expect(data.inSync).toBe(false);
    expect(r.stdout).not.toContain(JSON.parse(readFileSync(u.files.secrets, 'utf8')).secrets.proxy);
  });

  it('a disabled tool is not listed', async () => {
    const u = richUser();
    writeFileSync(
      path.join(u.llmctlHome, 'llmctl.yaml'),
      CONFIG.replace('  claude: {', '  continue: { enabled: false }\n  claude: {'),
    );
    const r = await llmctl(u, ['status', '--json']);
    expect(JSON.parse(r.stdout).targets.map((t: { target: string }) => t.target)).toEqual(['litellm', 'claude']);
  });
});
