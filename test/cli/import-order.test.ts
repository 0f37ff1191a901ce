import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEED, llmctl, sandbox, type Sandbox } from '../helpers/cli.js';

/** The seed's three configs, imported as a new user would (issue 10, items 3 and 4). */
const FILES = { litellm: path.join(SEED, 'litellm.config.yaml'), continue: path.join(SEED, 'continue.config.yaml'), claude: path.join(SEED, 'claude.settings.json') } as const;
const configOf = (sb: Sandbox) => path.join(sb.llmctlHome, 'llmctl.yaml');
type Config = { tools?: { claude?: { model?: string } }; proxy?: { port?: number } };

describe('importing the seed configs', () => {
  it('import claude on its own: no "bug", the rest is imported and the unknown model is left out with the command that brings it', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['import', 'claude', FILES.claude]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('bug');
    expect(r.stderr).toContain('Claude Code asks for "claude-3-5-haiku-20241022", which is not a model in llmctl.yaml yet');
    expect(r.stderr).toContain('llmctl import litellm');
    const alone = parse(readFileSync(configOf(sb), 'utf8')) as Config;
    expect(alone.proxy?.port).toBe(4000);
    expect(alone.tools?.claude?.model).toBeUndefined();
  });
});
