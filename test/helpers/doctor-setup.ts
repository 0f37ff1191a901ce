import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
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
/** The version the stub `python3` reports. */
export const STUB_PYTHON_VERSION = '3.12.4';

/**
 * doctor only asks `claude --version` and `python3 --version`: the in-process tests answer them with
 * two-line scripts, so they need no download and give the same result on every machine (a pyenv shim
 * alone took 100 ms per doctor run here).
 */
function stubPrograms(dir: string): string {
  const bin = path.join(dir, 'stub-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'claude'), `#!/bin/sh\necho '${STUB_CLAUDE_VERSION} (Claude Code)'\n`, { mode: 0o755 });
  writeFileSync(path.join(bin, 'python3'), `#!/bin/sh\necho 'Python ${STUB_PYTHON_VERSION}'\n`, { mode: 0o755 });
  return bin;
}

export interface Setup {
  sb: Sandbox;
  paths: Paths;
  platform: Platform;
}

interface SetupOptions {
  config?: string;
  /** false: llmctl.yaml and the key only. */
  sync?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Sync on another platform (a fake Windows), named: the name tells the kept copies apart. */
  syncOn?: { name: string; platform: (s: Setup) => Platform };
}

/**
 * A temp home with llmctl.yaml, the zhipu key (0600) and every target synced: a healthy setup.
 *
 * Inside a test, the synced home is a copy: the first sync into a folder is kept next to it, and later
 * tests that ask for the same setup get that copy instead of a sync of their own (a sync was 46 ms, a
 * copy is 2). The folder's path is part of what sync writes, so each folder is reused only by one test
 * at a time, and freed when that test ends; a test that asks for two setups gets two folders.
 */
export async function syncedSetup(options: SetupOptions = {}): Promise<Setup> {
  const slot = options.sync === false ? undefined : takeSlot();
  if (!slot) return newSetup(options);
  const key = JSON.stringify([options.config ?? CONFIG, options.env ?? {}, options.syncOn?.name ?? '']);
  rmSync(slot.dir, { recursive: true, force: true });
  const copy = slot.copies.get(key);
  if (copy) {
    cpSync(copy, slot.dir, { recursive: true });
    return setupAt(options.env, slot.dir);
  }
  const s = await newSetup(options, slot.dir);
  const kept = `${slot.dir}.synced-${slot.copies.size}`;
  rmSync(kept, { recursive: true, force: true });
  cpSync(slot.dir, kept, { recursive: true });
  slot.copies.set(key, kept);
  return s;
}

interface Slot {
  dir: string;
  busy: boolean;
  /** Setup (config and env, as JSON) → a copy of this folder right after that setup's sync. */
  copies: Map<string, string>;
}
const slots: Slot[] = [];

/** A folder for this test's setup, freed when the test ends; none outside a test (a fresh folder then). */
function takeSlot(): Slot | undefined {
  const slot = slots.find((x) => !x.busy) ?? {
    dir: path.join(tmpdir(), `llmctl-doctor-${process.pid}-${slots.length}`),
    busy: false,
    copies: new Map<string, string>(),
  };
  try {
    onTestFinished(() => {
      slot.busy = false;
    });
  } catch {
    return undefined;
  }
  if (!slots.includes(slot)) slots.push(slot);
  slot.busy = true;
  return slot;
}

function setupAt(env: NodeJS.ProcessEnv | undefined, dir?: string): Setup {
  const sb = sandbox({ CLAUDE_CONFIG_DIR: '', ...env }, dir);
  sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
  sb.env.PATH = `${path.join(sb.dir, 'stub-bin')}${path.delimiter}${sb.env.PATH ?? ''}`;
  const platform = currentPlatform(sb.env);
  return { sb, paths: resolvePaths(platform), platform };
}

async function newSetup(options: SetupOptions, dir?: string): Promise<Setup> {
  if (dir) mkdirSync(dir, { recursive: true });
  const s = setupAt(options.env, dir);
  stubPrograms(s.sb.dir);
  writeFileSync(s.paths.config, options.config ?? CONFIG);
  writeFileSync(s.paths.secrets, JSON.stringify({ version: 1, secrets: { zhipu: ZHIPU_KEY } }));
  chmodSync(s.paths.secrets, 0o600);
  if (options.sync !== false) await applySync(await planSync(options.syncOn?.platform(s) ?? s.platform, s.paths));
  return s;
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
