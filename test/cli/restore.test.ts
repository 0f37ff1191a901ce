import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { llmctl } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

const bytes = (f: string) => (existsSync(f) ? readFileSync(f).toString('base64') : null);

describe('restore', () => {
  it('brings back the exact bytes of every file a sync changed, state.json included', async () => {
    const u = richUser();
    const all = Object.values(u.files).filter((f) => !f.endsWith('secrets.json'));
    const before = Object.fromEntries(all.map((f) => [f, bytes(f)]));
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    for (const f of [u.files.continue, u.files.claude, u.files.env, u.files.state]) expect(bytes(f)).not.toBe(before[f]);

    const list = await llmctl(u, ['restore', '--list']);
    expect(list.stdout).toContain(u.files.claude);
    const r = await llmctl(u, ['restore']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of all) expect(bytes(f), f).toBe(before[f]);
  });

  it('after a second sync, restore undoes only that one (a hand edit survives the first sync’s state)', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const afterFirst = { claude: bytes(u.files.claude), state: bytes(u.files.state), continue: bytes(u.files.continue) };
    writeFileSync(`${u.llmctlHome}/llmctl.yaml`, readFileSync(`${u.llmctlHome}/llmctl.yaml`, 'utf8').replace('maxOutputTokens: 16384', 'maxOutputTokens: 8192'));
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(u.files.claude, 'utf8')).toContain('"8192"');
    expect((await llmctl(u, ['restore'])).code).toBe(0);
    expect(bytes(u.files.claude)).toBe(afterFirst.claude);
    expect(bytes(u.files.state)).toBe(afterFirst.state);
    expect(bytes(u.files.continue)).toBe(afterFirst.continue);
  });
});
