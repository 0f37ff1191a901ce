// The LiteLLM config is written by llmctl's own YAML writer; LiteLLM reads it with PyYAML (YAML 1.1),
// which turns yes/no/on/off, dates and 1:20 into other types. Read the writer's output with the very
// PyYAML of the LiteLLM the tests install, and compare.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitYaml, type Plain } from '../../src/targets/yaml-emit.js';
import { ensureLitellm } from '../helpers/litellm.js';
import { TRICKY } from '../helpers/yaml-strings.js';

describe('the YAML llmctl writes for LiteLLM', () => {
  it('reads back identically in PyYAML (yaml.safe_load, as LiteLLM loads its config)', async () => {
    const python = path.join(path.dirname(await ensureLitellm()), 'python');
    const data: { [key: string]: Plain } = {
      model_list: TRICKY.map((t, i) => ({
        model_name: t,
        litellm_params: {
          model: `openai/${t}`,
          api_base: t,
          n: i,
          f: i / 8,
          ok: i % 2 === 0,
          none: null,
          list: [t, [t], {}],
          map: { [t || 'empty']: t },
        },
      })),
      general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY' },
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-pyyaml-'));
    try {
      const file = path.join(dir, 'config.yaml');
      writeFileSync(file, emitYaml(data));
      const out = execFileSync(
        python,
        ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))', file],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(out)).toEqual(data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
