import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setConfigValues, writeConfigLocked } from './write.js';

function home() {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-write-'));
  const file = path.join(dir, 'llmctl.yaml');
  writeFileSync(file, 'version: 1\n# mine\nproviders: {}\n');
  return { file, paths: { backups: path.join(dir, 'backups'), lock: path.join(dir, 'lock') } };
}

describe('writeConfigLocked', () => {
  it('parallel edits each apply to the file as read under the lock: none is lost', async () => {
    const { file, paths } = home();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writeConfigLocked(
          paths,
          file,
          (current) => setConfigValues(current!, [[['providers', `p${i}`, 'apiKey'], `secret:p${i}`]]),
          'test',
        ),
      ),
    );
    const text = readFileSync(file, 'utf8');
    for (let i = 0; i < 10; i++) expect(text).toContain(`p${i}:`);
    expect(text).toContain('# mine');
  });

  it('with `expect`, a file changed since it was read is refused, not overwritten', async () => {
    const { file, paths } = home();
    const read = readFileSync(file, 'utf8');
    writeFileSync(file, `${read}models: []\n`);
    await expect(writeConfigLocked(paths, file, 'version: 1\n', 'init', { before: read })).rejects.toThrow(
      /changed while this command ran/,
    );
    expect(readFileSync(file, 'utf8')).toContain('models: []');
  });
});
