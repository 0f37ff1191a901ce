import { parseConfigYaml } from '@continuedev/config-yaml';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl } from '../helpers/cli.js';
import { CONFIG, richUser } from '../helpers/rich-user.js';

/** Parallel syncs, with llmctl.yaml changed while they run, leave one consistent state. */

describe('parallel syncs', () => {
  it(
    'N syncs at once with a config change in between: state.json matches the files, every file parses',
    { timeout: 180_000 },
    async () => {
      const u = richUser();
      const yaml = path.join(u.llmctlHome, 'llmctl.yaml');
      const first = Array.from({ length: 4 }, () => llmctl(u, ['sync']));
      await new Promise((r) => setTimeout(r, 150));
      writeFileSync(
        yaml,
        `${CONFIG.replace('maxOutputTokens: 16384', 'maxOutputTokens: 8000')}  continue: ` +
          `{ models: [GLM-4-Flash-250414] }\n`,
      );
      const second = Array.from({ length: 4 }, () => llmctl(u, ['sync']));
      const results = await Promise.all([...first, ...second]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);

      // The files are what the last llmctl.yaml says…
      const settings = JSON.parse(readFileSync(u.files.claude, 'utf8'));
      expect(settings.env.CLAUDE_CODE_MAX_OUTPUT_TOKENS).toBe('8000');
      const cont = parseConfigYaml(readFileSync(u.files.continue, 'utf8')) as { models: { name: string }[] };
      expect(cont.models.map((m) => m.name)).toEqual(['My Ollama Llama', 'Team Embeddings', 'GLM-4-Flash-250414']);
      const keys = JSON.parse(readFileSync(u.files.secrets, 'utf8')).secrets;
      expect(settings.env.ANTHROPIC_AUTH_TOKEN).toBe(keys.proxy);
      expect(readFileSync(u.files.env, 'utf8')).toContain(`LLMCTL_PROXY_KEY=${keys.proxy}\n`);
      // …and state.json agrees with them: nothing to do, no entry taken for a hand edit.
      JSON.parse(readFileSync(u.files.state, 'utf8'));
      const check = await llmctl(u, ['sync', '--check']);
      expect(check.code, check.stderr + check.stdout).toBe(0);
      expect(check.stderr).not.toContain('edited by hand');
      expect(
        readdirSync(u.dir, { recursive: true })
          .map(String)
          .filter((n) => n.endsWith('.tmp') || path.basename(n) === 'lock'),
      ).toEqual([]);
    },
  );
});
