import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { TEST_CACHE } from './cache-dir.js';

/**
 * The real clients the end-to-end tests drive, installed once into the test cache (cache-dir.ts) (not dependencies
 * of llmctl): Claude Code (`claude`) and the Continue CLI (`cn`). A failed install fails the test.
 */
export const TOOLS_DIR = path.join(TEST_CACHE, 'tools');
const PACKAGES = ['@anthropic-ai/claude-code@2', '@continuedev/cli@1'];

export function ensureClients(): { claude: string; cn: string } {
  const bin = path.join(TOOLS_DIR, 'node_modules', '.bin');
  const claude = path.join(bin, 'claude');
  const cn = path.join(bin, 'cn');
  if (!existsSync(claude) || !existsSync(cn)) {
    mkdirSync(TOOLS_DIR, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', ...PACKAGES],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: 15 * 60_000,
      },
    );
  }
  return { claude, cn };
}

/** Environment for running a real client in a sandbox: no retries, no traffic except to our fakes. */
export function clientEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    USERPROFILE: home,
    CLAUDE_CODE_MAX_RETRIES: '0',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    CONTINUE_GLOBAL_DIR: path.join(home, '.continue'),
    NO_PROXY: '127.0.0.1,localhost',
    NO_COLOR: '1',
  };
}

/**
 * Issue 15's clients, each in its own folder of the test cache (an `npm install --no-save` into the
 * shared folder would prune the packages installed there before). Pinned: the versions the targets
 * were checked against.
 */
export const TOOL_PACKAGES = {
  codex: { pkg: '@openai/codex@0.171.0', bin: 'codex' },
  opencode: { pkg: 'opencode-ai@1.18.33', bin: 'opencode' },
  qwen: { pkg: '@qwen-code/qwen-code@0.24.4', bin: 'qwen' },
  gemini: { pkg: '@google/gemini-cli@0.61.0', bin: 'gemini' },
} as const;

export function ensureTool(name: keyof typeof TOOL_PACKAGES): string {
  const { pkg, bin } = TOOL_PACKAGES[name];
  const dir = path.join(TEST_CACHE, `tools-${name}`);
  const exe = path.join(dir, 'node_modules', '.bin', bin);
  if (!existsSync(exe)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', pkg], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 15 * 60_000,
    });
  }
  return exe;
}
