import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fakePlatform, type FakePlatformSpec } from '../../src/platform/fake.js';
import { currentPlatform, type Platform } from '../../src/platform/index.js';
import { resolvePaths, type Paths } from '../../src/platform/paths.js';
import { applySync, planSync } from '../../src/sync/engine.js';
import { ROOT, sandbox, type Sandbox } from './cli.js';

export const ZHIPU_KEY = 'zk-doctor-test-secret-0123456789';

export const CONFIG = `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
  a100: { preset: vllm, apiBase: http://127.0.0.1:8000/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu }
  - { name: claude-3-5-haiku-20241022, provider: a100, model: Qwen/Qwen2.5-7B-Instruct }
tools:
  claude: { model: GLM-4-Flash-250414, haikuModel: claude-3-5-haiku-20241022, onboarding: false }
`;

/** The version the stub `claude` of the in-process doctor tests reports (the CLI tests run the real one). */
export const STUB_CLAUDE_VERSION = '2.1.197';

/**
 * doctor only asks `claude --version`: the in-process tests answer it with a two-line script, so they
 * need no download and give the same result on every machine.
 */
function stubClaude(dir: string): string {
  const bin = path.join(dir, 'stub-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'claude'), `#!/bin/sh\necho '${STUB_CLAUDE_VERSION} (Claude Code)'\n`, { mode: 0o755 });
  return bin;
}

export interface Setup {
  sb: Sandbox;
  paths: Paths;
  platform: Platform;
}

/** A temp home with llmctl.yaml, the zhipu key (0600) and every target synced: a healthy setup. */
export async function syncedSetup(
  options: { config?: string; sync?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Setup> {
  const sb = sandbox({ CLAUDE_CONFIG_DIR: '', ...options.env });
  sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
  sb.env.PATH = `${stubClaude(sb.dir)}${path.delimiter}${sb.env.PATH ?? ''}`;
  const platform = currentPlatform(sb.env);
  const paths = resolvePaths(platform);
  writeFileSync(paths.config, options.config ?? CONFIG);
  writeFileSync(paths.secrets, JSON.stringify({ version: 1, secrets: { zhipu: ZHIPU_KEY } }));
  chmodSync(paths.secrets, 0o600);
  if (options.sync !== false) await applySync(await planSync(platform, paths));
  return { sb, paths, platform };
}

export const WIN_ENV: NodeJS.ProcessEnv = {
  USERPROFILE: 'C:\\Users\\Jane Doe',
  LOCALAPPDATA: 'C:\\Users\\Jane Doe\\AppData\\Local',
  APPDATA: 'C:\\Users\\Jane Doe\\AppData\\Roaming',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  SystemRoot: 'C:\\Windows',
  Path: 'C:\\Windows\\System32;C:\\Program Files\\Git\\cmd;C:\\Users\\Jane Doe\\AppData\\Roaming\\npm',
  PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC',
};

/** A fake Windows over a real sandbox: llmctl's own files stay real, Windows facts are recorded. */
export function fakeWindows(s: Setup, spec: FakePlatformSpec): Platform {
  return fakePlatform({ realFiles: true, os: 'win32', ...spec, env: { ...s.sb.env, ...WIN_ENV, ...spec.env } });
}

import { readFileSync } from 'node:fs';
import type { FakeRun } from '../../src/platform/fake.js';

export const winFx = (name: string): string =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'windows', name), 'utf8');
export const WHERE_NOT_FOUND: FakeRun = { code: 1, stderr: winFx('where-notfound.stderr.txt') };
export const REG_NOT_FOUND: FakeRun = { code: 1, stderr: winFx('reg-notfound.stderr.txt') };
export const regKey = (hive: 'HKLM' | 'HKCU') => `reg query ${hive}\\SOFTWARE\\GitForWindows /v InstallPath`;

/** Recorded outputs of a Windows where nothing is found, with Claude Code at `claudeVersion`. */
export function winCommands(
  claudeVersion: string | undefined,
  more: Record<string, FakeRun> = {},
): Record<string, FakeRun> {
  return {
    'where.exe git': WHERE_NOT_FOUND,
    'where.exe bash': WHERE_NOT_FOUND,
    [regKey('HKLM')]: REG_NOT_FOUND,
    [regKey('HKCU')]: REG_NOT_FOUND,
    'reg query HKLM\\SOFTWARE\\WOW6432Node\\GitForWindows /v InstallPath': REG_NOT_FOUND,
    'py -3 --version': 'Python 3.12.4\r\n',
    ...(claudeVersion ? { 'claude --version': `${claudeVersion} (Claude Code)\r\n` } : {}),
    ...more,
  };
}
