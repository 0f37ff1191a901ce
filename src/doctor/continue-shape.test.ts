import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfigYaml } from '@continuedev/config-yaml';
import { continueShapeProblems } from './continue-shape.js';

const SEED = readFileSync(new URL('../../test/fixtures/seed/continue.config.yaml', import.meta.url), 'utf8');
const HEAD = 'name: Local\nversion: 1.0.0\nschema: v1\n';

/** llmctl's runtime check and Continue's real validator (a devDependency) must agree. */
const cases: [string, string][] = [
  ['the seed', SEED],
  ['minimal', HEAD],
  ['version as a number', 'name: Local\nversion: 1\nschema: v1\n'],
  ['no name', 'version: 1.0.0\nschema: v1\n'],
  ['no version', 'name: Local\nschema: v1\n'],
  ['models as a mapping', `${HEAD}models: {}\n`],
  ['context as a string', `${HEAD}context: code\n`],
  ['model without model id', `${HEAD}models:\n  - name: x\n    provider: openai\n`],
  ['model without provider', `${HEAD}models:\n  - name: x\n    model: m\n`],
  [
    'complete model',
    `${HEAD}models:\n  - name: x\n    provider: openai\n    model: m\n    apiBase: http://127.0.0.1:4000/v1\n    roles: [chat, edit]\n`,
  ],
  ['rules and prompts lists', `${HEAD}rules: []\nprompts: []\ndocs: []\nmcpServers: []\ndata: []\n`],
  ['a list at the top', '- a\n- b\n'],
];

describe("Continue config shape agrees with Continue's validator", () => {
  it.each(cases)('%s', (_name, text) => {
    let accepted = true;
    try {
      parseConfigYaml(text);
    } catch {
      accepted = false;
    }
    const problems = continueShapeProblems(parse(text));
    expect(problems.length === 0).toBe(accepted);
  });

  it('names the field and how to fix it', () => {
    expect(continueShapeProblems(parse('name: Local\nversion: 1\nschema: v1\n'))).toEqual([
      '`version` must be a string, e.g. version: "1.0.0"',
    ]);
  });
});
