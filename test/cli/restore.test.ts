import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, snapshot } from '../helpers/cli.js';
import { richUser } from '../helpers/rich-user.js';

const bytes = (f: string) => (existsSync(f) ? readFileSync(f).toString('base64') : null);

describe('restore', () => {
  it('brings back the exact bytes of every file a sync changed, state.json included', async () => {
    const u = richUser();
    const all = Object.values(u.files).filter((f) => !f.endsWith('secrets.json'));
    const before = Object.fromEntries(all.map((f) => [f, bytes(f)]));
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    for (const f of [u.files.continue, u.files.claude, u.files.env, u.files.state])
      expect(bytes(f)).not.toBe(before[f]);

    const list = await llmctl(u, ['restore', '--list']);
    expect(list.stdout).toContain(u.files.claude);
    const r = await llmctl(u, ['restore']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of all) expect(bytes(f), f).toBe(before[f]);
  });

  it('after a second sync, restore undoes only that one (a hand edit survives the first sync’s state)', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const afterFirst = {
      claude: bytes(u.files.claude),
      state: bytes(u.files.state),
      continue: bytes(u.files.continue),
    };
    writeFileSync(
      `${u.llmctlHome}/llmctl.yaml`,
      readFileSync(`${u.llmctlHome}/llmctl.yaml`, 'utf8').replace('maxOutputTokens: 16384', 'maxOutputTokens: 8192'),
    );
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    expect(readFileSync(u.files.claude, 'utf8')).toContain('"8192"');
    expect((await llmctl(u, ['restore'])).code).toBe(0);
    expect(bytes(u.files.claude)).toBe(afterFirst.claude);
    expect(bytes(u.files.state)).toBe(afterFirst.state);
    expect(bytes(u.files.continue)).toBe(afterFirst.continue);
  });

  it(
    'an id that is not a backup (a path outside the folder, ' + 'or "") is refused with exit 2 and nothing changes',
    async () => {
      const u = richUser();
      expect((await llmctl(u, ['sync'])).code).toBe(0);
      // A manifest outside the backups folder that would delete a file and overwrite another.
      const victim = path.join(u.dir, 'victim.txt');
      writeFileSync(victim, 'keep me\n');
      const evil = path.join(u.dir, 'evil');
      mkdirSync(evil);
      writeFileSync(path.join(evil, '0-x'), 'overwritten\n');
      writeFileSync(
        path.join(evil, 'manifest.json'),
        JSON.stringify({
          id: '../../../../evil',
          createdAt: new Date().toISOString(),
          reason: 'sync',
          files: [
            { path: victim, existed: false },
            { path: u.files.claude, existed: true, copy: '0-x' },
          ],
        }),
      );
      const before = snapshot(u.dir);
      const traversal = path.relative(path.join(u.llmctlHome, 'backups'), evil);
      expect(traversal.startsWith('..')).toBe(true);
      for (const id of [traversal, '', evil, '.', '..']) {
        const r = await llmctl(u, ['restore', id]);
        expect(r.code, `${JSON.stringify(id)}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/is not a backup id/);
        expect(r.stderr).not.toMatch(/bug in llmctl/);
      }
      expect(snapshot(u.dir)).toEqual(before);
    },
  );

  it('a manifest naming a file llmctl does not manage is refused before anything is written', async () => {
    const u = richUser();
    expect((await llmctl(u, ['sync'])).code).toBe(0);
    const list = JSON.parse((await llmctl(u, ['restore', '--list', '--json'])).stdout) as { id: string }[];
    const id = list.at(-1)!.id;
    const manifestFile = path.join(u.llmctlHome, 'backups', id, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const victim = path.join(u.home, '.bashrc');
    writeFileSync(victim, 'export KEEP=1\n');
    manifest.files.push({ path: victim, existed: false });
    manifest.files.find((f: { existed: boolean }) => f.existed).copy = '../../secrets.json';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const before = snapshot(u.dir);
    const r = await llmctl(u, ['restore', id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`backup ${id} cannot be restored`);
    expect(r.stderr).toContain(`${victim} is not a file llmctl manages`);
    expect(r.stderr).toContain('is not a file in the backup');
    expect(snapshot(u.dir)).toEqual(before);
  });

  it(
    'restores a symlinked settings.json, config.yaml, ' +
      '.env and llmctl.yaml through their links (relative, and a 2-link chain)',
    async () => {
      const u = richUser();
      const dotfiles = path.join(u.dir, 'dotfiles');
      mkdirSync(path.join(dotfiles, 'nested'), { recursive: true });
      const yamlFile = path.join(u.llmctlHome, 'llmctl.yaml');
      const linked = [u.files.claude, u.files.continue, u.files.env, yamlFile];
      for (const [i, f] of linked.entries()) {
        const real = path.join(dotfiles, `${i}-${path.basename(f)}`);
        renameSync(f, real);
        if (i === 1) {
          // A chain: config.yaml → dotfiles/nested/link (absolute) → ../1-config.yaml (relative).
          const middle = path.join(dotfiles, 'nested', 'link');
          symlinkSync(path.relative(path.dirname(middle), real), middle);
          symlinkSync(middle, f);
        } else symlinkSync(path.relative(path.dirname(f), real), f);
      }
      const real = (f: string) => path.join(dotfiles, `${linked.indexOf(f)}-${path.basename(f)}`);
      const original = Object.fromEntries(linked.map((f) => [f, bytes(real(f))]));
      writeFileSync(
        yamlFile,
        readFileSync(yamlFile, 'utf8').replace('maxOutputTokens: 16384', 'maxOutputTokens: 8192'),
      );
      const edited = bytes(real(yamlFile));
      const s = await llmctl(u, ['sync']);
      expect(s.code, s.stderr).toBe(0);
      for (const f of [u.files.claude, u.files.continue, u.files.env]) {
        expect(lstatSync(f).isSymbolicLink(), f).toBe(true);
        expect(bytes(real(f)), f).not.toBe(original[f]);
      }
      expect(readFileSync(real(u.files.claude), 'utf8')).toContain('"8192"');
      const r = await llmctl(u, ['restore']);
      expect(r.code, r.stderr).toBe(0);
      for (const f of linked) expect(lstatSync(f).isSymbolicLink(), f).toBe(true);
      expect(readlinkSync(u.files.continue)).toBe(path.join(dotfiles, 'nested', 'link'));
      for (const f of [u.files.claude, u.files.continue, u.files.env]) expect(bytes(real(f)), f).toBe(original[f]);
      expect(bytes(real(yamlFile))).toBe(edited);
      // Nothing but the real files sits in the dotfiles folder: no temp file, no copy.
      expect(existsSync(path.join(path.dirname(u.files.claude), `0-${path.basename(u.files.claude)}`))).toBe(false);
    },
  );
});
