import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runProgram, sandbox } from '../helpers/cli.js';

/**
 * The speed work (bin shim, one bundle, vendored CommonJS packages, lazy imports) is only worth it
 * while nothing pulls a package back into start-up: these pin what --version and --help load.
 */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const sb = sandbox();
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'llmctl-probe-')), 'loaded.json');
  const r = await runProgram(
    process.execPath,
    ['--require', path.join(ROOT, 'test', 'helpers', 'load-probe.cjs'), BIN, ...args],
    {
      env: { ...sb.env, LLMCTL_LOAD_PROBE: out },
      cwd: sb.dir,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(readFileSync(out, 'utf8')) as string[]).map((f) =>
    path.relative(ROOT, f).split(path.sep).join('/'),
  );
}

describe('start-up loads only what it needs', () => {
  it('--version answers from the shim: not even the bundle loads', async () => {
    expect(await modulesLoadedBy(['--version'])).toEqual(['bin/llmctl.js']);
  });

  it('--help loads the bundle and the vendored commander, nothing from node_modules', async () => {
    const loaded = await modulesLoadedBy(['--help']);
    expect(loaded).toEqual(expect.arrayContaining(['bin/llmctl.js', 'dist/index.cjs', 'dist/vendor/commander.cjs']));
    expect(loaded.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(loaded.length, loaded.join('\n')).toBeLessThanOrEqual(4);
  });

  it('sync --help does not load the validator, YAML or the UI packages', async () => {
    const loaded = await modulesLoadedBy(['sync', '--help']);
    expect(loaded.filter((f) => /zod|yaml|chalk|execa|ora|inquirer|diff/.test(f))).toEqual([]);
  });
});
