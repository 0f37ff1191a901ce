import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

describe('sync --check and hand edits', () => {
  it('exits 3 when a managed entry was edited by hand, even though sync leaves it alone', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
    writeFileSync(
      u.files.claude,
      readFileSync(u.files.claude, 'utf8').replace(
        '"ANTHROPIC_BASE_URL": "http://127.0.0.1:4000"',
        '"ANTHROPIC_BASE_URL": "http://127.0.0.1:9999"',
      ),
    );
    const check = await llmctl(u, ['sync', '--check']);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain('edited by hand');
    expect((await llmctl(u, ['sync', '--force'])).code).toBe(0);
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);
  });
});

describe('import claude', () => {
  it('takes the proxy port Claude Code already uses into llmctl.yaml', async () => {
    const sb = sandbox();
    const settings = path.join(sb.dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:5000' } }, null, 2));
    const r = await llmctl(sb, ['import', 'claude', settings]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8')).toMatch(/port: 5000/);
  });
});
