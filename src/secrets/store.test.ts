import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore } from './store.js';

function secretsFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'llmctl-store-')), 'secrets.json');
}

const onDisk = (file: string) => JSON.parse(readFileSync(file, 'utf8')).secrets as Record<string, string>;

describe('SecretStore', () => {
  it('save() applies only its own changes to the file as it is now: a key stored meanwhile survives', async () => {
    const file = secretsFile();
    await SecretStore.update(file, (s) => s.set('old', 'old-value-1234'));
    const early = await SecretStore.open(file); // e.g. a sync that planned before taking the lock
    await SecretStore.update(file, (s) => s.set('added-meanwhile', 'meanwhile-5678'));
    early.set('master', 'sk-master-9999');
    early.delete('old');
    await early.save();
    expect(onDisk(file)).toEqual({ 'added-meanwhile': 'meanwhile-5678', master: 'sk-master-9999' });
    expect(early.names()).toEqual(['added-meanwhile', 'master']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('parallel updates each see the fresh file: none is lost, and no lock or temp file is left', async () => {
    const file = secretsFile();
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => SecretStore.update(file, (s) => s.set(`k${i}`, `value-${i}-abcdef`))),
    );
    expect(Object.keys(onDisk(file))).toHaveLength(25);
    expect(readdirSync(path.dirname(file))).toEqual(['secrets.json']);
  });

  it('update() writes nothing when fn changes nothing, and nothing when fn throws', async () => {
    const file = secretsFile();
    await SecretStore.update(file, (s) => s.has('x'));
    expect(readdirSync(path.dirname(file))).toEqual([]);
    await expect(
      SecretStore.update(file, (s) => {
        s.set('x', 'value-xyz-123');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });
});
