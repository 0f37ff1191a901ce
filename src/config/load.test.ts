import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { yaml } from '../deps.js';
import { flushCache } from '../fs/cache.js';
import { loadConfig } from './load.js';

const TEXT = `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: env:ZHIPU_KEY }
  a100:
    preset: vllm
    apiBase: http://10.0.0.1:8000/v1
models:
  - { name: glm, provider: zhipu, model: glm-4-flash }
  - name: gemma
    deployments: [ { provider: a100 } ]
tools:
  claude: { model: glm }
`;

let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('loadConfig with the cache', () => {
  it('places a warning after a cache hit exactly as a fresh parse does, without parsing the file again', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'llmctl-load-'));
    const file = path.join(dir, 'llmctl.yaml');
    const cache = path.join(dir, 'cache');
    writeFileSync(file, TEXT);
    const paths = [
      ['providers', 'zhipu', 'apiKey'],
      ['providers', 'a100'],
      ['models', 1, 'deployments'],
      ['tools', 'claude', 'model'],
      ['models', 0],
    ] as const;

    const cold = await loadConfig(file, { cacheDir: cache });
    await flushCache();
    const expected = paths.map((p) => cold.at(p));
    expect(expected[0]).toEqual({ file, line: 3, col: 35, path: 'providers.zhipu.apiKey' });

    const parse = vi.spyOn(yaml(), 'parseDocument');
    const warm = await loadConfig(file, { cacheDir: cache });
    expect(paths.map((p) => warm.at(p))).toEqual(expected);
    expect(parse).not.toHaveBeenCalled();
    // A place the index does not hold (a missing field: its closest parent) still parses, and agrees.
    expect(warm.at(['tools', 'continue', 'models'])).toEqual(cold.at(['tools', 'continue', 'models']));
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
