import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, llmctl, sandbox, snapshot } from '../helpers/cli.js';

/**
 * Bad input of every kind: each case must exit non-zero, say where the problem is (file:line:col and
 * the field path where there is one) and what to do, and leave every file exactly as it was.
 */

const OK_SECRETS = JSON.stringify({ version: 1, secrets: { zhipu: 'zk-stored-secret-value-0001' } });

interface Case {
  name: string;
  /** llmctl.yaml text (in the llmctl home); omitted = none. */
  config?: string;
  /** Other files: path relative to the sandbox dir → text, or [text, mode]. `@home/` = llmctl home. */
  files?: Record<string, string | Buffer | [string | Buffer, number]>;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** POSIX file modes only: Windows has no group/other bits to check. */
  posixOnly?: boolean;
  /** Exit code; 1 unless given. */
  code?: number;
  /** Each must appear in stderr ({home} = the llmctl home, {dir} = the sandbox dir). */
  want: string[];
}

const cfg = (models: string, providers = '  zhipu: { preset: zhipu, apiKey: env:ZHIPU_KEY }\n', extra = '') =>
  `version: 1\n${extra}providers:\n${providers}models:\n${models}`;
const GLM = '  - { name: glm, provider: zhipu }\n';

const CASES: Case[] = [
  // Malformed YAML
  {
    name: 'unclosed flow map',
    config: 'version: 1\nproviders:\n  a: { preset: zhipu\nmodels: []\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:4:1', 'not valid YAML', 'fix the YAML syntax'],
  },
  {
    name: 'tab indentation',
    config: 'version: 1\nproviders:\n\ta: 1\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:1', 'Tabs', 'fix the YAML syntax'],
  },
  {
    name: 'duplicate key',
    config: 'version: 1\nversion: 1\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:1', 'Map keys must be unique', 'fix the YAML syntax'],
  },
  {
    name: 'unclosed quote',
    config: 'version: 1\nproxy: { host: "127.0.0.1 }\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:1', 'Missing closing "quote', 'fix the YAML syntax'],
  },
  {
    name: 'a list, not a mapping',
    config: '- a\n- b\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:1:1', 'must be a mapping', 'llmctl init'],
  },
  // Schema breaks
  {
    name: 'empty file',
    config: '',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:1:1 version', 'required field is missing', 'add version: 1'],
  },
  {
    name: 'wrong version',
    config: 'version: 2\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:1:10 version', 'use one of: 1'],
  },
  {
    name: 'unknown top-level field',
    config: 'version: 1\nmodles: []\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:1 modles', 'unknown field "modles"', 'check the spelling'],
  },
  {
    name: 'unknown provider field',
    config: cfg(GLM, '  zhipu: { preset: zhipu, apikey: env:ZHIPU_KEY }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:35 providers.zhipu.apikey', 'unknown field "apikey"'],
  },
  {
    name: 'providers is a list',
    config: 'version: 1\nproviders: [zhipu]\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:1 providers', 'expected record, received array', 'write a record here'],
  },
  {
    name: 'models is a mapping',
    config: 'version: 1\nmodels: { glm: 1 }\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:1 models', 'expected array, received object'],
  },
  {
    name: 'model without a name',
    config: cfg('  - { provider: zhipu }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:5 models[0].name', 'required field is missing', 'add name:'],
  },
  {
    name: 'params is a string',
    config: cfg('  - { name: glm, provider: zhipu, params: hot }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:43 models[0].params', 'expected record'],
  },
  {
    name: 'apiBase is not a URL',
    config: cfg(GLM, '  zhipu: { preset: zhipu, apiBase: bigmodel.cn }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:36 providers.zhipu.apiBase', 'must be an http(s) URL'],
  },
  {
    name: 'port is a string',
    config: cfg(GLM, undefined, 'proxy: { port: "abc" }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:16 proxy.port', 'expected number', 'write a number here'],
  },
  {
    name: 'port out of range',
    config: cfg(GLM, undefined, 'proxy: { port: 70000 }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:16 proxy.port', '65535'],
  },
  {
    name: 'unknown role',
    config: cfg('  - { name: glm, provider: zhipu, roles: [chat, fim] }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:49 models[0].roles[1]', 'use one of: "chat"'],
  },
  {
    name: 'negative rpm',
    config: cfg('  - { name: glm, provider: zhipu, rpm: -5 }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:40 models[0].rpm', 'expected number to be >0'],
  },
  {
    name: 'bad continue.via',
    config: 'version: 1\ntools: { continue: { via: gateway } }\n',
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:27 tools.continue.via', 'use one of: "proxy", "direct"'],
  },
  // Keys in the wrong shape
  {
    name: 'bad key reference',
    config: cfg(GLM, '  zhipu: { preset: zhipu, apiKey: zhipu }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:35 providers.zhipu.apiKey', 'must be a key reference', 'never the key itself'],
  },
  {
    name: 'literal key in llmctl.yaml',
    config: cfg(GLM, '  zhipu: { preset: zhipu, apiKey: sk-abcdef1234567890abcdef }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:35 providers.zhipu.apiKey', 'must be a key reference'],
  },
  {
    name: 'literal master key',
    config: cfg(GLM, undefined, 'proxy: { masterKey: sk-master-literal-000000 }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:21 proxy.masterKey', 'must be a key reference'],
  },
  // Semantic rules
  {
    name: 'settings.json nested 100k levels deep',
    config: cfg(GLM),
    files: { 'home/.claude/settings.json': `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    args: ['sync'],
    want: [
      '{dir}/home/.claude/settings.json:1:1006',
      'nested more than 1000 levels deep',
      'remove the deeply nested value',
    ],
  },
  {
    name: 'Continue config nested 20k levels deep (flow)',
    config: cfg(GLM),
    files: { 'home/.continue/config.yaml': `name: a\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\nmodels: []\n` },
    args: ['sync'],
    want: ['{dir}/home/.continue/config.yaml', 'nested too deeply', 'remove the deeply nested value'],
  },
  {
    name: 'Continue config nested 20k levels deep (block)',
    config: cfg(GLM),
    files: { 'home/.continue/config.yaml': `name: a\nx:\n  ${'- '.repeat(20_000)}a\nmodels: []\n` },
    args: ['sync', '--check'],
    want: ['{dir}/home/.continue/config.yaml', 'nested too deeply', 'remove the deeply nested value'],
  },
  {
    name: 'a model name Continue would expand as a template',
    config: cfg('  - { name: "${{ secrets.OPENAI_API_KEY }}", provider: zhipu }\n'),
    args: ['sync'],
    env: { OPENAI_API_KEY: 'sk-abcdef1234567890abcdef' },
    want: ['{home}/llmctl.yaml:5', 'models[0].name', 'Continue expands as a template', 'nothing was written'],
  },
  {
    name: 'unknown preset',
    config: cfg(GLM, '  zhipu: { preset: zhipuai, apiKey: env:ZHIPU_KEY }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:20 providers.zhipu.preset', 'unknown preset "zhipuai"', 'use one of: zhipu,'],
  },
  {
    name: 'duplicate model name',
    config: cfg(GLM + GLM),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:6:13 models[1].name', 'duplicate model name "glm"', 'deployments'],
  },
  {
    name: 'missing provider',
    config: cfg('  - { name: glm, provider: zhipu2 }\n'),
    args: ['sync'],
    want: [
      '{home}/llmctl.yaml:5:28 models[0].provider',
      'provider "zhipu2", which is not defined',
      'use one of: zhipu',
    ],
  },
  {
    name: 'model without provider',
    config: cfg('  - { name: glm }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:5 models[0]', 'has no provider', 'add provider:'],
  },
  {
    name: 'provider and deployments',
    config: cfg('  - { name: glm, provider: zhipu, deployments: [{ provider: zhipu }] }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:5 models[0]', 'both provider and deployments', 'keep one'],
  },
  {
    name: 'deployment with missing provider',
    config: cfg('  - { name: glm, deployments: [{ provider: zhipu }, { provider: a101 }] }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:5:65 models[0].deployments[1].provider', '"a101", which is not defined'],
  },
  {
    name: 'custom provider without apiBase',
    config: cfg('  - { name: glm, provider: box }\n', '  box: { preset: custom }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:3:3 providers.box', 'needs an apiBase', 'add apiBase:'],
  },
  {
    name: 'Claude model not in models',
    config: cfg(GLM, undefined, '').replace('version: 1\n', 'version: 1\ntools: { claude: { model: opus } }\n'),
    args: ['sync'],
    want: ['{home}/llmctl.yaml:2:27 tools.claude.model', '"opus" is not a model', 'use the name of one of models:'],
  },
  {
    name: 'missing secret',
    config: cfg(GLM, '  zhipu: { preset: zhipu, apiKey: secret:zhipu }\n'),
    args: ['sync'],
    want: [
      '{home}/llmctl.yaml:3:35 providers.zhipu.apiKey',
      'secret "zhipu" is not in the secrets store',
      'llmctl keys set zhipu',
    ],
  },
  { name: 'no llmctl.yaml at all', args: ['sync'], want: ['no llmctl config at {home}/llmctl.yaml', 'llmctl init'] },
  {
    name: '--config pointing nowhere',
    args: ['--config', 'nope.yaml', 'sync'],
    want: ['no llmctl config at {dir}/nope.yaml'],
  },
  // The secrets file
  {
    name: 'secrets file readable by others',
    posixOnly: true,
    config: cfg(GLM),
    files: { '@home/secrets.json': [OK_SECRETS, 0o644] },
    args: ['sync'],
    want: ['{home}/secrets.json is readable by others (mode 0644)', 'chmod 600 {home}/secrets.json'],
  },
  {
    name: 'secrets file, loose perms, keys list',
    posixOnly: true,
    files: { '@home/secrets.json': [OK_SECRETS, 0o640] },
    args: ['keys', 'list'],
    want: ['{home}/secrets.json is readable by others', 'chmod 600'],
  },
  {
    name: 'secrets file not JSON',
    config: cfg(GLM),
    files: { '@home/secrets.json': ['{"version":1,', 0o600] },
    args: ['sync'],
    want: ['{home}/secrets.json is not valid JSON', 'restore it from a backup'],
  },
  {
    name: 'secrets file in another format',
    config: cfg(GLM),
    files: { '@home/secrets.json': ['{"zhipu":"x"}', 0o600] },
    args: ['sync'],
    want: ["{home}/secrets.json is not in llmctl's format", '{"version":1'],
  },
  // Import
  {
    name: 'import: file missing',
    args: ['import', 'litellm', 'missing.yaml'],
    want: ['cannot read {dir}/missing.yaml: no such file', 'pass the path'],
  },
  {
    name: 'import: a folder',
    files: { 'cfgdir/x': 'x' },
    args: ['import', 'litellm', 'cfgdir'],
    want: ['cannot read {dir}/cfgdir: it is a folder'],
  },
  {
    name: 'import: unparseable YAML',
    files: { 'config.yaml': 'model_list:\n  - model_name: a\n    litellm_params: { model: openai/x\n' },
    args: ['import', 'litellm', 'config.yaml'],
    want: ['{dir}/config.yaml is not valid YAML', '{dir}/config.yaml:4:1', 'Flow map', 'nothing was imported'],
  },
  {
    name: 'import: a Latin-1 byte (not UTF-8)',
    files: { 'config.yaml': Buffer.from('model_list:\n  - model_name: caf\xe9\n', 'latin1') },
    args: ['import', 'litellm', 'config.yaml'],
    want: ['{dir}/config.yaml:2:20: not valid UTF-8: byte 0xe9 at offset 31', 're-save it as UTF-8'],
  },
  {
    name: 'init --from a file with a Latin-1 byte',
    files: {
      'config.yaml': Buffer.from(
        'model_list:\n  - model_name: caf\xe9\n    litellm_params: { model: openai/x }\n',
        'latin1',
      ),
    },
    args: ['init', '--yes', '--from', 'config.yaml', '--tools', 'none'],
    want: ['{dir}/config.yaml:2:20: not valid UTF-8: byte 0xe9 at offset 31'],
  },
  {
    name: 'import: no model_list',
    files: { 'config.yaml': 'general_settings: {}\n' },
    args: ['import', 'litellm', 'config.yaml'],
    want: ['{dir}/config.yaml is not a LiteLLM proxy config', '{dir}/config.yaml:1:1', 'litellm --config'],
  },
  {
    name: 'import: no file in cwd',
    args: ['import', 'litellm'],
    code: 2,
    want: ['no LiteLLM config found in this folder', 'llmctl import litellm PATH'],
  },
  {
    name: 'import: unknown tool',
    args: ['import', 'ollama', 'x.yaml'],
    code: 2,
    want: ['cannot import from "ollama"', 'use one of: litellm, continue, claude'],
  },
  {
    name: 'import into a broken llmctl.yaml',
    config: cfg('  - { name: glm, provider: nope }\n'),
    files: { 'seed.yaml': '@seed' },
    args: ['import', 'litellm', 'seed.yaml'],
    want: ['{home}/llmctl.yaml:5:28 models[0].provider', 'nothing was imported', 'fix llmctl.yaml first'],
  },
  {
    name: 'import with a loose secrets file',
    posixOnly: true,
    files: { 'seed.yaml': '@seed', '@home/secrets.json': [OK_SECRETS, 0o644] },
    args: ['import', 'litellm', 'seed.yaml'],
    want: ['{home}/secrets.json is readable by others', 'chmod 600'],
  },
  // Command-line usage
  {
    name: 'bad --only',
    config: cfg(GLM),
    args: ['sync', '--only', 'litellm,vscode'],
    code: 2,
    want: ['unknown target "vscode" in --only', 'use one or more of: litellm'],
  },
  {
    name: 'bad --port',
    args: ['serve', '--port', 'abc'],
    code: 2,
    want: ['port must be a number from 1 to 65535, not "abc"'],
  },
  {
    name: 'port 0',
    args: ['init', '--yes', '--port', '0'],
    code: 2,
    want: ['port must be a number from 1 to 65535, not "0"'],
  },
  { name: 'unknown command', args: ['synk'], code: 2, want: ["unknown command 'synk'"] },
  {
    name: 'key given as an argument',
    args: ['keys', 'set', 'zhipu', 'sk-on-the-command-line-0001'],
    code: 2,
    want: ['too many arguments'],
  },
  {
    name: 'bad key name',
    args: ['keys', 'set', 'bad name!', '--stdin'],
    code: 2,
    want: ['"bad name!" is not a usable key name', 'use letters, digits'],
  },
  {
    name: 'keys set --from-env unset var',
    args: ['keys', 'set', 'zhipu', '--from-env', 'NOT_SET_ANYWHERE'],
    want: ['environment variable NOT_SET_ANYWHERE is not set', 'export NOT_SET_ANYWHERE'],
  },
];

describe('bad input is refused cleanly', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    if (c.posixOnly && process.platform === 'win32') return;
    const sb = sandbox();
    const file = (rel: string) =>
      rel.startsWith('@home/') ? path.join(sb.llmctlHome, rel.slice(6)) : path.join(sb.dir, rel);
    if (c.config !== undefined) writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), c.config);
    for (const [rel, spec] of Object.entries(c.files ?? {})) {
      const [text, mode] = Array.isArray(spec) ? spec : [spec, 0o644];
      mkdirSync(path.dirname(file(rel)), { recursive: true });
      writeFileSync(file(rel), text === '@seed' ? readFileSync(path.join(SEED, 'litellm.config.yaml'), 'utf8') : text);
      chmodSync(file(rel), mode);
    }
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, c.args, { env: c.env ?? {} });
    const after = snapshot(sb.dir);
    expect(after).toEqual(before);
    expect(r.code).toBe(c.code ?? 1);
    const stderr = r.stderr;
    for (const w of c.want)
      expect(stderr, stderr).toContain(w.replaceAll('{home}', sb.llmctlHome).replaceAll('{dir}', sb.dir));
    expect(stderr).not.toContain('internal error');
    // Nothing secret is ever echoed back, not even a key that was put where it does not belong.
    for (const s of [
      'zk-stored-secret-value-0001',
      'sk-abcdef1234567890abcdef',
      'sk-master-literal-000000',
      'sk-on-the-command-line-0001',
    ]) {
      expect(r.stdout + stderr).not.toContain(s);
    }
  });
});
