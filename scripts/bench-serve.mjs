#!/usr/bin/env node
// Serve to healthy: `llmctl serve --detach` (sync + checks + start + liveliness/readiness) against
// `litellm --config` on the same generated file started directly, polled at the same interval.
// Target (issue 4): llmctl's median at most 1.1× the direct start. Imported by scripts/bench.mjs.
// Then restart downtime (issue 10): `llmctl serve --restart` on a running proxy, measured from a client
// polling /health/readiness every 20 ms (first failed probe to first ready one), against LiteLLM's own
// cold start (the direct start above). Target: at most 1.1× the cold start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measure, median, printTable } from './bench-lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'llmctl.js');
// The same cache as the tests (test/helpers/cache-dir.ts).
const TEST_CACHE =
  process.env.LLMCTL_TEST_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'llmctl-test');
const LITELLM_HOME = path.join(TEST_CACHE, 'litellm-home');
const LITELLM = path.join(LITELLM_HOME, 'venv', process.platform === 'win32' ? 'Scripts\\litellm.exe' : 'bin/litellm');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function ready(url) {
  try {
    return (await fetch(`${url}/health/readiness`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export async function benchServe({ runs = Number(process.env.BENCH_SERVE_RUNS ?? 5) } = {}) {
  if (!existsSync(LITELLM)) {
    const r = spawnSync(process.execPath, [BIN, 'proxy', 'install'], {
      env: { ...process.env, LLMCTL_HOME: LITELLM_HOME },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error('llmctl proxy install failed');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-bench-serve-'));
  try {
    const home = path.join(dir, 'home');
    const llmctlHome = path.join(home, '.config', 'llmctl');
    mkdirSync(llmctlHome, { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      path.join(llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  zhipu: { preset: zhipu, apiKey: env:BENCH_ZHIPU, apiBase: http://127.0.0.1:9/v1 }
  a100: { preset: vllm, apiBase: http://127.0.0.1:9/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu }
  - { name: claude-3-5-haiku-20241022, provider: zhipu, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
  - { name: gemma-3-4b-it, provider: a100, model: google/gemma-3-4b-it }
tools: { continue: { enabled: false }, claude: { enabled: false } }
`,
    );
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LLMCTL_HOME: llmctlHome,
      NO_COLOR: '1',
      LLMCTL_LITELLM: LITELLM,
      BENCH_ZHIPU: 'sk-bench-zhipu',
    };
    // A first serve creates the generated config and the master key the direct start reuses.
    const first = spawnSync(process.execPath, [BIN, 'serve', '--detach'], { env, encoding: 'utf8' });
    if (first.status !== 0) throw new Error(`llmctl serve --detach failed: ${first.stderr}`);
    spawnSync(process.execPath, [BIN, 'stop'], { env });
    const masterKey = JSON.parse(readFileSync(path.join(llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
    const configFile = path.join(llmctlHome, 'litellm.config.yaml');
    const waitPortFree = async () => {
      for (let i = 0; i < 100 && !(await portFree(port)); i++) await sleep(100);
    };

    const viaLlmctl = async () => {
      await waitPortFree();
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'serve', '--detach'], { env, encoding: 'utf8' });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`llmctl serve --detach failed: ${r.stderr}`);
      spawnSync(process.execPath, [BIN, 'stop'], { env });
      return ms;
    };
    const direct = async () => {
      await waitPortFree();
      const t0 = performance.now();
      const child = spawn(LITELLM, ['--config', configFile, '--port', String(port), '--host', '127.0.0.1'], {
        env: {
          ...env,
          LITELLM_MASTER_KEY: masterKey,
          LITELLM_LOCAL_MODEL_COST_MAP: 'True',
          NO_PROXY: '127.0.0.1,localhost',
        },
        stdio: 'ignore',
        detached: true,
      });
      let exited = false;
      child.once('exit', () => (exited = true));
      while (!(await ready(url))) {
        if (exited) throw new Error('litellm exited during start');
        await sleep(100);
      }
      const ms = performance.now() - t0;
      process.kill(-child.pid, 'SIGTERM');
      while (!exited) await sleep(50);
      return ms;
    };
    const results = await measure(
      [
        { label: 'litellm --config (direct) to ready', run: direct },
        { label: 'llmctl serve --detach to ready', run: viaLlmctl },
      ],
      { runs, warmup: 1 },
    );
    const base = results[0].median;
    console.log(`\nServe to healthy, median of ${runs} interleaved runs each (LiteLLM at ${LITELLM})\n`);
    printTable(
      results.map((r, i) => ({
        label: r.label,
        median: r.median,
        ratio: r.median / base,
        ...(i === 1 ? { target: 1.1 } : {}),
      })),
      'direct',
    );
    const restart = await benchRestart(env, url, Number(process.env.BENCH_RESTART_RUNS ?? 3));
    console.log(
      `\nRestart downtime (\`llmctl serve --restart\`), median of ${restart.samples.length} runs, ` +
        `seen by a client probing every 20 ms\n`,
    );
    printTable(
      [
        { label: 'litellm --config (direct) cold start', median: base, ratio: 1 },
        {
          label: 'llmctl serve --restart: proxy unavailable',
          median: restart.median,
          ratio: restart.median / base,
          target: 1.1,
        },
        { label: 'llmctl serve --restart: whole command', median: restart.command, ratio: restart.command / base },
      ],
      'cold start',
    );
    return [...results, { label: 'restart downtime', median: restart.median, samples: restart.samples }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Downtime of restarts of a detached proxy, as a client sees it (first failed probe to first ready one). */
async function benchRestart(env, url, runs) {
  const first = spawnSync(process.execPath, [BIN, 'serve', '--detach'], { env, encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`llmctl serve --detach failed: ${first.stderr}`);
  const samples = [];
  const commands = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const child = spawn(process.execPath, [BIN, 'serve', '--restart'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b) => (err += b));
      let done = false;
      const exited = new Promise((resolve) => child.once('exit', (code) => ((done = true), resolve(code))));
      let downSince;
      let downtime = 0;
      while (!done || downSince !== undefined) {
        const ok = await ready(url);
        const now = performance.now();
        if (!ok && downSince === undefined) downSince = now;
        if (ok && downSince !== undefined) {
          downtime += now - downSince;
          downSince = undefined;
        }
        if (done && downSince !== undefined && now - downSince > 60_000) break;
        await sleep(20);
      }
      if ((await exited) !== 0) throw new Error(`llmctl serve --restart failed: ${err}`);
      commands.push(performance.now() - t0);
      samples.push(downtime);
      process.stderr.write(
        `restart ${i + 1}: ${err.trim().split('\n').at(-1)}; client saw ${(downtime / 1000).toFixed(2)} s\n`,
      );
    }
  } finally {
    spawnSync(process.execPath, [BIN, 'stop'], { env });
  }
  return { median: median(samples), command: median(commands), samples };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchServe();
}
