#!/usr/bin/env node
// npm run bench:scale — the team gateway's scale-out on this machine, with real processes:
//  1. requests per second through one LiteLLM instance vs two instances sharing Redis (both started
//     by `llmctl serve` from one llmctl.yaml), against a local fake upstream that answers at once;
//  2. the latency llmctl's proxy key check (llmctl_auth.py, a client key) adds per request compared
//     with LiteLLM's own master-key check (the same generated config without custom_auth, started
//     directly). Target (issue 14): within 5%.
// Needs redis-server on PATH and LiteLLM (LLMCTL_LITELLM, or the test cache's). Slow: three LiteLLM starts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-lib.mjs';

const BIN = fileURLToPath(new URL('../bin/llmctl.js', import.meta.url));
const LITELLM =
  process.env.LLMCTL_LITELLM ?? path.join(homedir(), '.cache', 'llmctl-test', 'litellm-home', 'venv', 'bin', 'litellm');
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 150);
const MASTER = 'sk-bench-master-0123456789';
const CLIENT = 'sk-bench-client-0123456789';
const REDIS_PW = 'bench-redis-pw-0123456789';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const ANSWER = JSON.stringify({
  id: 'x',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

async function upstream() {
  const port = await freePort();
  const srv = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(ANSWER);
    });
  });
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  return { port, close: () => srv.close() };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function chat(port, key) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/chat/completions',
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitReady(port, ms = 300_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((r) =>
      http
        .get({ host: '127.0.0.1', port, path: '/health/readiness' }, (res) => (res.resume(), r(res.statusCode === 200)))
        .on('error', () => r(false)),
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`nothing ready on ${port}`);
}

/** TOTAL requests, CONCURRENCY at a time, spread round-robin over ports: requests per second. */
async function rps(ports, key) {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      await chat(ports[i % ports.length], key);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return TOTAL / ((performance.now() - started) / 1000);
}

/** Median latency (ms) of one request at a time. */
async function latency(port, key) {
  const samples = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const t0 = performance.now();
    await chat(port, key);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-bench-scale-'));
const home = path.join(dir, 'home');
const llmctlHome = path.join(home, '.config', 'llmctl');
mkdirSync(llmctlHome, { recursive: true });
const env = { PATH: process.env.PATH, HOME: home, LLMCTL_HOME: llmctlHome, LLMCTL_LITELLM: LITELLM, NO_COLOR: '1' };
const llmctl = (args, input) =>
  execFileSync(process.execPath, [BIN, ...args], { env, input, stdio: ['pipe', 'pipe', 'inherit'], encoding: 'utf8' });

const up = await upstream();
const redisPort = await freePort();
const redis = spawn('redis-server', ['-'], { stdio: ['pipe', 'ignore', 'inherit'] });
redis.stdin.end(`bind 127.0.0.1\nport ${redisPort}\nrequirepass "${REDIS_PW}"\nsave ""\ndir "${dir}"\n`);
const [pa, pb, pc] = [await freePort(), await freePort(), await freePort()];
writeFileSync(
  path.join(llmctlHome, 'llmctl.yaml'),
  `version: 1
proxy:
  host: 127.0.0.1
  port: ${pa}
  masterKey: secret:proxy
  redis: { host: 127.0.0.1, port: ${redisPort}, password: secret:redis }
  clients:
    bench: { key: secret:client-bench }
providers:
  up: { preset: custom, apiBase: http://127.0.0.1:${up.port}/v1 }
models:
  - { name: m, provider: up }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
);
llmctl(['keys', 'set', 'proxy', '--stdin'], MASTER);
llmctl(['keys', 'set', 'client-bench', '--stdin'], CLIENT);
llmctl(['keys', 'set', 'redis', '--stdin'], REDIS_PW);

// LiteLLM's own master-key check: the same generated config, without llmctl's custom_auth.
let litellmDirect;
try {
  process.stderr.write('starting two instances with llmctl and one LiteLLM without llmctl_auth.py…\n');
  const started = Promise.all([
    Promise.resolve().then(() => llmctl(['serve', '--detach'])),
    Promise.resolve().then(() => llmctl(['serve', '--detach', '--instance', 'b', '--port', String(pb)])),
  ]);
  await started;
  const plain = readFileSync(path.join(llmctlHome, 'litellm.config.yaml'), 'utf8')
    .split('\n')
    .filter((l) => !/custom_auth/.test(l))
    .join('\n');
  const plainFile = path.join(dir, 'plain.config.yaml');
  writeFileSync(plainFile, plain);
  litellmDirect = spawn(LITELLM, ['--config', plainFile, '--port', String(pc), '--host', '127.0.0.1'], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      LITELLM_MASTER_KEY: MASTER,
      LLMCTL_KEY_REDIS: REDIS_PW,
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    },
    stdio: 'ignore',
    detached: true,
  });
  await waitReady(pc);
  for (const p of [pa, pb, pc]) for (let i = 0; i < 20; i++) await chat(p, p === pc ? MASTER : CLIENT); // warm up

  const one = await rps([pa], CLIENT);
  const two = await rps([pa, pb], CLIENT);
  const llmctlCheck = await latency(pa, CLIENT);
  const litellmCheck = await latency(pc, MASTER);
  const rows = [
    ['one instance (llmctl key check, Redis)', `${one.toFixed(1)} req/s`],
    ['two instances sharing Redis', `${two.toFixed(1)} req/s (${(two / one).toFixed(2)}×)`],
    ['latency, llmctl key check (client key)', `${llmctlCheck.toFixed(1)} ms`],
    ['latency, LiteLLM master-key check', `${litellmCheck.toFixed(1)} ms`],
    ['llmctl key check adds', `${(((llmctlCheck - litellmCheck) / litellmCheck) * 100).toFixed(1)} % (target ≤ 5 %)`],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(
    `\n${TOTAL} requests, ${CONCURRENCY} at a time; latency: median of ${LATENCY_RUNS} one at a time\n` +
      rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`).join('\n') +
      '\n',
  );
} finally {
  try {
    llmctl(['stop']);
  } catch {
    // already stopped
  }
  if (litellmDirect?.pid) process.kill(-litellmDirect.pid, 'SIGTERM');
  redis.kill('SIGTERM');
  up.close();
  agent.destroy();
}
