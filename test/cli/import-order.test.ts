import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEED, llmctl, placeSeedToolConfigs, sandbox, type Sandbox } from '../helpers/cli.js';

/** The seed's three configs, imported as a new user would (issue 10, items 3 and 4). */
const FILES = {
  litellm: path.join(SEED, 'litellm.config.yaml'),
  continue: path.join(SEED, 'continue.config.yaml'),
  claude: path.join(SEED, 'claude.settings.json'),
} as const;
type Tool = keyof typeof FILES;
const ORDERS: Tool[][] = [
  ['litellm', 'continue', 'claude'],
  ['litellm', 'claude', 'continue'],
  ['continue', 'litellm', 'claude'],
  ['continue', 'claude', 'litellm'],
  ['claude', 'litellm', 'continue'],
  ['claude', 'continue', 'litellm'],
];
const configOf = (sb: Sandbox) => path.join(sb.llmctlHome, 'llmctl.yaml');
type Config = {
  providers: Record<string, { preset: string; apiBase?: string }>;
  models: { name: string; provider?: string; params?: Record<string, unknown> }[];
  tools?: { claude?: { model?: string } };
  proxy?: { port?: number };
};

async function importAll(order: Tool[]): Promise<string> {
  const sb = sandbox();
  for (const tool of order) {
    const r = await llmctl(sb, ['import', tool, FILES[tool]]);
    expect(r.code, `${order.join(' → ')}: import ${tool}\n${r.stderr}`).toBe(0);
    expect(r.stderr).not.toContain('bug');
  }
  return readFileSync(configOf(sb), 'utf8');
}

describe('importing the seed configs', () => {
  it(
    'gives the same llmctl.yaml, byte for byte, in all 6 orders: ' +
      'one provider per endpoint, gateway models on their real providers',
    async () => {
      const results = await Promise.all(ORDERS.map((o) => importAll(o)));
      for (const [i, text] of results.entries()) expect(text, ORDERS[i]!.join(' → ')).toBe(results[0]);

      const config = parse(results[0]!) as Config;
      const names = Object.keys(config.providers);
      // No zhipu-2 (trailing /), one name for the vLLM server, and the old gateway is not a provider.
      expect(names.sort()).toEqual(['gemini', 'openrouter', 'siliconflow', 'vllm-172-16-1-166', 'volcengine', 'zhipu']);
      const model = (n: string) => config.models.find((m) => m.name === n);
      expect(model('GLM-4-Flash-250414')?.params).toEqual({ temperature: 0.7 });
      expect(model('deepseek-v3-250324')?.provider).toBe('volcengine');
      expect(model('DeepSeek-R1-0528-Qwen3-8B')?.provider).toBe('siliconflow');
      expect(config.tools?.claude?.model).toBe('claude-3-5-haiku-20241022');
      expect(new Set(config.models.map((m) => m.name)).size).toBe(config.models.length);
    },
  );

  it('`keys set` between imports (what each import asks for) does not make the order matter again', async () => {
    const run = async (order: Tool[]) => {
      const sb = sandbox();
      expect((await llmctl(sb, ['import', order[0]!, FILES[order[0]!]])).code).toBe(0);
      const k = await llmctl(sb, ['keys', 'set', 'zhipu', '--from-env', 'K'], {
        env: { K: 'sk-zhipu-key-0123456789' },
      });
      expect(k.code, k.stderr).toBe(0);
      const r = await llmctl(sb, ['import', order[1]!, FILES[order[1]!]]);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(configOf(sb), 'utf8');
    };
    const [a, b] = [await run(['continue', 'litellm']), await run(['litellm', 'continue'])];
    expect(a).toBe(b);
    const config = parse(a) as Config & { providers: Record<string, { apiKey?: string }> };
    expect(config.providers.zhipu?.apiKey).toBe('secret:zhipu');
    expect(config.models.find((m) => m.name === 'GLM-4-Flash-250414')?.params).toEqual({ temperature: 0.7 });
    expect(config.models.find((m) => m.name === 'deepseek-v3-250324')?.provider).toBe('volcengine');
  });

  it('importing a changed file again adds to what the first import brought: nothing is dropped', async () => {
    const sb = sandbox();
    const smaller = path.join(sb.dir, 'litellm.config.yaml');
    writeFileSync(
      smaller,
      'model_list:\n  - model_name: only-one\n    litellm_params: { model: openai/only-one, api_base: https://api.siliconflow.cn/v1, api_key: your_api_key_here }\n',
    );
    expect((await llmctl(sb, ['import', 'litellm', FILES.litellm])).code).toBe(0);
    expect((await llmctl(sb, ['import', 'continue', FILES.continue])).code).toBe(0);
    const r = await llmctl(sb, ['import', 'litellm', smaller]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('added 0 providers and 1 model');
    const names = (parse(readFileSync(configOf(sb), 'utf8')) as Config).models.map((m) => m.name);
    expect(names).toContain('only-one');
    expect(names).toContain('glm-4v-flash');
    expect(names).toContain('a100/gemma-3-4b-it');
  });

  it(
    'import claude on its own: no "bug", ' +
      'the rest is imported and the unknown model is left out with the command that brings it',
    async () => {
      const sb = sandbox();
      const r = await llmctl(sb, ['import', 'claude', FILES.claude]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('bug');
      expect(r.stderr).toContain(
        'Claude Code asks for "claude-3-5-haiku-20241022", which is not a model in llmctl.yaml yet',
      );
      expect(r.stderr).toContain('Next: llmctl import litellm FILE');
      const alone = parse(readFileSync(configOf(sb), 'utf8')) as Config;
      expect(alone.proxy?.port).toBe(4000);
      expect(alone.tools?.claude?.model).toBeUndefined();

      expect((await llmctl(sb, ['import', 'litellm', FILES.litellm])).code).toBe(0);
      expect((parse(readFileSync(configOf(sb), 'utf8')) as Config).tools?.claude?.model).toBe(
        'claude-3-5-haiku-20241022',
      );
    },
  );

  it(
    'import claude on its own, pointed at a remote Anthropic-compatible server: ' +
      'that server and its models come too, and sync takes them',
    async () => {
      const sb = sandbox();
      const settings = path.join(sb.home, '.claude', 'settings.json');
      mkdirSync(path.dirname(settings), { recursive: true });
      writeFileSync(
        settings,
        JSON.stringify(
          {
            env: {
              ANTHROPIC_BASE_URL: 'https://open.bigmodel.cn/api/anthropic',
              ANTHROPIC_AUTH_TOKEN: 'sk-remote-token-0123456789',
            },
            model: 'glm-4.6',
          },
          null,
          2,
        ),
      );
      const r = await llmctl(sb, ['import', 'claude']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('imported as provider "open"');
      const yaml = readFileSync(configOf(sb), 'utf8');
      expect(yaml).not.toContain('sk-remote-token');
      const config = parse(yaml) as Config;
      expect(config.models).toEqual([{ name: 'glm-4.6', provider: 'open' }]);
      expect(config.tools?.claude?.model).toBe('glm-4.6');
      const s = await llmctl(sb, ['sync', '--only', 'litellm']);
      expect(s.code, s.stderr).toBe(0);
      expect(readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8')).toContain(
        'api_base: https://open.bigmodel.cn/api/anthropic',
      );
    },
  );

  it(
    'import continue + sync: Continue lists each model once; ' +
      'the gateway entries llmctl replaced are said and come back with restore',
    async () => {
      const sb = sandbox();
      const { cont } = placeSeedToolConfigs(sb);
      const original = readFileSync(cont, 'utf8');
      const imp = await llmctl(sb, ['import', 'continue']);
      expect(imp.code, imp.stderr).toBe(0);
      expect(imp.stderr).toContain('llmctl’s entry "GLM-4-Flash-250414" replaces this one in Continue’s list');
      const s = await llmctl(sb, ['sync', '--only', 'continue']);
      expect(s.code, s.stderr).toBe(0);
      expect(s.stderr).toContain(
        'your model "a100/GLM-4-Flash-250414" was imported into llmctl.yaml as "GLM-4-Flash-250414"',
      );
      const after = parse(readFileSync(cont, 'utf8')) as {
        models: { name: string; model: string; apiBase?: string }[];
      };
      const names = after.models.map((m) => m.name);
      expect(new Set(names).size).toBe(names.length);
      // Every entry goes through llmctl's proxy, none through the old gateway, and none twice.
      expect(after.models.filter((m) => m.apiBase?.includes('172.16.1.166:4000'))).toEqual([]);
      const upstream = after.models.map((m) => m.model);
      expect(upstream.filter((m) => m === 'GLM-4-Flash-250414')).toHaveLength(1);
      expect((await llmctl(sb, ['restore'])).code).toBe(0);
      expect(readFileSync(cont, 'utf8')).toBe(original);
    },
  );
});
