import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

describe('one vocabulary for drift', () => {
  it('a hand-edited Continue entry: status, sync, --dry-run and --check say the same thing', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const synced = readFileSync(u.files.continue, 'utf8');
    const edited = synced.replace('      maxTokens: 3000', '      maxTokens: 999');
    expect(edited).not.toBe(synced);
    writeFileSync(u.files.continue, edited);

    const kept = 'managed entry differs from llmctl.yaml: edited by hand, so llmctl keeps that edit';
    const which = `kept: ${u.files.continue} models[`;
    const resolve = 'To take llmctl’s value back: `llmctl sync --force`';
    const runs = {
      status: { args: ['status'], code: 3 },
      sync: { args: ['sync'], code: 0 },
      dryRun: { args: ['sync', '--dry-run'], code: 0 },
      check: { args: ['sync', '--check'], code: 3 },
    };
    for (const [name, { args, code }] of Object.entries(runs)) {
      const r = await llmctl(u, args);
      const out = r.stdout + r.stderr;
      expect(r.code, `${name}: ${out}`).toBe(code);
      expect(out, name).toContain(kept);
      expect(out, name).toContain(which);
      expect(out, name).toContain(resolve);
      // Nothing claims "in sync" while an entry differs, and nothing sends the user to a plain sync
      // that would not change a thing.
      expect(out, name).not.toMatch(/everything is (already )?in sync/i);
      expect(out, name).not.toContain('Run `llmctl sync` to bring');
      expect(readFileSync(u.files.continue, 'utf8'), name).toBe(edited);
    }

    expect((await llmctl(u, ['sync', '--force'])).code).toBe(0);
    expect(readFileSync(u.files.continue, 'utf8')).toBe(synced);
    const clean = await llmctl(u, ['sync', '--check']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toContain('Everything is in sync.');
    expect(clean.stderr).not.toContain('edited by hand');
  });

  it('a hand edit llmctl.yaml can express names the setting that keeps it; with it, nothing differs', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const edited = readFileSync(u.files.claude, 'utf8').replace(
      '"model": "GLM-4-Flash-250414"',
      '"model": "claude-3-5-haiku-20241022"',
    );
    writeFileSync(u.files.claude, edited);
    const adopt = 'to keep it for good, put `tools.claude.model: claude-3-5-haiku-20241022` in llmctl.yaml';
    for (const args of [['status'], ['sync'], ['sync', '--dry-run'], ['sync', '--check']]) {
      const r = await llmctl(u, args);
      expect(r.stderr, args.join(' ')).toContain(`kept: ${u.files.claude} model: edited by hand`);
      expect(r.stderr, args.join(' ')).toContain(adopt);
    }
    const yamlFile = path.join(u.llmctlHome, 'llmctl.yaml');
    const yaml = readFileSync(yamlFile, 'utf8');
    writeFileSync(
      yamlFile,
      yaml.replace('claude: { maxOutputTokens', 'claude: { model: claude-3-5-haiku-20241022, maxOutputTokens'),
    );
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(JSON.parse(readFileSync(u.files.claude, 'utf8')).model).toBe('claude-3-5-haiku-20241022');
    const status = await llmctl(u, ['status']);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stderr).not.toContain('edited by hand');
  });
});
