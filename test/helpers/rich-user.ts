import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sandbox, type Sandbox } from './cli.js';
import { FIXTURES } from './golden.js';

/** Tests of the Continue and Claude Code targets: a user whose tool configs are full of their own things. */

export const UPSTREAM_KEY = 'sf-upstream-key-abcdef123456';

export const CONFIG = `version: 1
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: GLM-4-Flash-250414, provider: sf, maxTokens: 3000 }
  - { name: claude-3-5-haiku-20241022, provider: sf, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
  - { name: qwen-coder, provider: sf, model: Qwen/Qwen2.5-Coder-7B-Instruct, roles: [autocomplete] }
tools:
  claude: { maxOutputTokens: 16384, onboarding: true }
`;

/** A user with a rich Continue config (+ .env) and a settings.json full of their own things. */
export function richUser(): Sandbox & {
  files: {
    continue: string;
    env: string;
    claude: string;
    claudeJson: string;
    litellm: string;
    state: string;
    secrets: string;
  };
} {
  const sb = sandbox({ SF_KEY: UPSTREAM_KEY });
  const files = {
    continue: path.join(sb.home, '.continue', 'config.yaml'),
    env: path.join(sb.home, '.continue', '.env'),
    claude: path.join(sb.home, '.claude', 'settings.json'),
    claudeJson: path.join(sb.home, '.claude.json'),
    litellm: path.join(sb.llmctlHome, 'litellm.config.yaml'),
    state: path.join(sb.llmctlHome, 'state.json'),
    secrets: path.join(sb.llmctlHome, 'secrets.json'),
  };
  mkdirSync(path.dirname(files.continue), { recursive: true });
  mkdirSync(path.dirname(files.claude), { recursive: true });
  copyFileSync(path.join(FIXTURES, 'continue-rich', 'config.yaml'), files.continue);
  copyFileSync(path.join(FIXTURES, 'continue-rich', '.env'), files.env);
  copyFileSync(path.join(FIXTURES, 'claude-rich', 'settings.json'), files.claude);
  chmodSync(files.continue, 0o644);
  chmodSync(files.env, 0o600);
  chmodSync(files.claude, 0o644);
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG);
  return { ...sb, files };
}
