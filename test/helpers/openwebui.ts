import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TEST_CACHE } from './cache-dir.js';
import { BIN } from './cli.js';

/**
 * The real Open WebUI for the end-to-end tests, installed ONCE through the built `llmctl webui install`
 * into the test cache (an llmctl home of its own there) and reused: the tests' sandboxes point
 * LLMCTL_WEBUI_VENV at that venv. A second run is llmctl's no-op path. A failed install throws.
 */
export const WEBUI_HOME = path.join(TEST_CACHE, 'openwebui-home');
export const WEBUI_VENV = path.join(WEBUI_HOME, 'openwebui', 'venv');
/** Debian's chromium (apt, see .ci/run): no browser download is reachable from these machines. */
export const CHROMIUM = '/usr/bin/chromium';

let ensured: Promise<{ venv: string; installed: boolean; seconds: number }> | undefined;

export function ensureOpenWebui(): Promise<{ venv: string; installed: boolean; seconds: number }> {
  ensured ??= (async () => {
    const started = Date.now();
    const r = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'webui', 'install', '--yes'],
        {
          env: { ...process.env, LLMCTL_HOME: WEBUI_HOME, NO_COLOR: '1', LLMCTL_WEBUI_VENV: '' },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 40 * 60_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    const bin = path.join(WEBUI_VENV, 'bin', 'open-webui');
    if (r.code !== 0 || !existsSync(bin)) throw new Error(`llmctl webui install failed (exit ${r.code}):\n${r.out}`);
    const installed = !r.out.includes('is already in');
    const seconds = (Date.now() - started) / 1000;
    if (installed) process.stderr.write(`[openwebui] installed by llmctl webui install in ${seconds.toFixed(0)} s\n`);
    return { venv: WEBUI_VENV, installed, seconds };
  })();
  return ensured;
}

/** The flags the brief gives for a headless chromium in a container with no network beyond 127.0.0.1. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
