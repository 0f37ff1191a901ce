import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, snapshot } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

/** The cache in <home>/cache only speeds things up: every answer must be what a cold run gives. */
describe('cache of validated llmctl.yaml and rendered targets', () => {
  it('is written only by a real sync, never by --dry-run, --check or status', async () => {
    const u = richUser();
    const cache = path.join(u.llmctlHome, 'cache');
    expect((await llmctl(u, ['sync', '--dry-run'])).code).toBe(0);
    expect((await llmctl(u, ['status'])).code).toBe(3);
    expect(existsSync(cache)).toBe(false);
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(['config.json', 'continue.json', 'litellm.json']);
    for (const f of readdirSync(cache))
      expect(readFileSync(path.join(cache, f), 'utf8')).not.toContain(
        JSON.parse(readFileSync(u.files.secrets, 'utf8')).secrets.proxy,
      );
    const snap = snapshot(u.dir);
    expect((await llmctl(u, ['sync'])).stderr).toContain('already in sync');
    expect(snapshot(u.dir)).toEqual(snap);

    // A comment edit changes no output, but the validated file is new: the no-op sync keeps it, so
    // later runs start warm (the entry's key follows the new text), and writes nothing else.
    const cfg = path.join(u.llmctlHome, 'llmctl.yaml');
    const entry = () => (JSON.parse(readFileSync(path.join(cache, 'config.json'), 'utf8')) as { key: string }).key;
    const oldKey = entry();
    writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}# a note to self\n`);
    const before = snapshot(u.dir);
    expect((await llmctl(u, ['sync', '--dry-run'])).code).toBe(0);
    expect(entry()).toBe(oldKey);
    expect((await llmctl(u, ['sync'])).stderr).toContain('already in sync');
    expect(entry()).not.toBe(oldKey);
    const after = snapshot(u.dir);
    const differing = Object.keys(after).filter((f) => JSON.stringify(after[f]) !== JSON.stringify(before[f]));
    expect(
      differing.every((f) => f.includes(`${path.sep}cache${path.sep}`)),
      differing.join(', '),
    ).toBe(true);
  });

  it('an edit of llmctl.yaml or a hand edit of a tool file is seen at once, exactly as without the cache', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect((await llmctl(u, ['sync', '--check'])).code).toBe(0);

    // A hand edit of a managed Continue entry: drift, with or without the cache.
    const original = readFileSync(u.files.continue, 'utf8');
    writeFileSync(u.files.continue, original.replace('maxTokens: 3000', 'maxTokens: 1234'));
    const warm = await llmctl(u, ['status', '--json']);
    const cold = await llmctl(u, ['status', '--json'], { env: { LLMCTL_NO_CACHE: '1' } });
    expect(warm.code).toBe(3);
    expect(JSON.parse(warm.stdout).targets).toEqual(JSON.parse(cold.stdout).targets);
    writeFileSync(u.files.continue, original);

    // An edit of llmctl.yaml: the rendered LiteLLM config follows.
    const cfg = path.join(u.llmctlHome, 'llmctl.yaml');
    writeFileSync(
      cfg,
      readFileSync(cfg, 'utf8')
        .replace('maxTokens: 3000', 'maxTokens: 2000')
        .replace('name: qwen-coder', 'name: qwen-coder-2'),
    );
    const dry = await llmctl(u, ['sync', '--dry-run']);
    const dryCold = await llmctl(u, ['sync', '--dry-run'], { env: { LLMCTL_NO_CACHE: '1' } });
    expect(dry.stdout).toBe(dryCold.stdout);
    expect(dry.stdout).toContain('+  - model_name: qwen-coder-2');
    expect(dry.stdout).toContain('maxTokens: 2000');
    // A broken llmctl.yaml is refused even though an older version of it is cached.
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('provider: sf,', 'provider: nope,'));
    const bad = await llmctl(u, ['sync', '--dry-run']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/llmctl\.yaml:\d+:\d+ models\[0\]\.provider/);
  });
});
