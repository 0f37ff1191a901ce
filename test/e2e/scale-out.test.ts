import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processTree, processesMentioning, waitFor } from '../helpers/litellm.js';

/**
 * LiteLLM's own scale-out, driven from one llmctl.yaml, with real processes on 127.0.0.1: a real
 * redis-server, LiteLLM instances started by `llmctl serve` (two instances on two ports, or one with
 * two workers), fake upstreams that record what reaches them.
 *
 * How LiteLLM 1.108.7 counts (read in its source, and what these tests hold it to):
 * - a model's rpm: the Router, with `usage-based-routing-v2` (llmctl sets it when a model has a
 *   limit), counts per minute of the clock ("%H-%M") in memory and pushes/pulls the counts to Redis
 *   every second. So requests are counted per clock minute here, and sent one after the other: a
 *   burst inside one second across instances can pass the limit by what the other instance took in
 *   that second — the "+1" the assertions allow;
 * - a client key's rpm: the proxy's limiter (parallel_request_limiter v3) counts in Redis with an
 *   atomic script, over a window that starts at the key's first request;
 * - a cooldown: the Router writes it to Redis, the other instance reads it within a second.
 * Without Redis each instance counts on its own: two instances let twice the limit through.
 */

const RPM = 5;
const CLIENT_RPM = 3;
const MASTER = 'sk-scale-master-key-0123456789';
const CLIENT_KEY = 'sk-scale-client-ci-0123456789';

let litellm: string;
let redisBin: string;
let up: FakeUpstream;
let broken: FakeUpstream;
let healthy: FakeUpstream;

function haveRedis(): string {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = r.stdout.trim();
  // CI installs it (.ci/run); a missing redis-server is a failure, never a skip.
  if (!bin) throw new Error('redis-server is not installed (Debian package redis-server)');
  return bin;
}

/** A real redis-server on a free port with a password, data in a temp dir; stopped after the file. */
async function startRedis(password: string, dir: string): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(redisBin, ['-'], { stdio: ['pipe', 'ignore', 'inherit'], detached: false });
  child.stdin!.end(`bind 127.0.0.1\nport ${port}\nrequirepass "${password}"\nsave ""\ndir "${dir}"\n`);
  const { redisPing } = await import('../../src/proxy/redis-ping.js');
  expect(await waitFor(async () => (await redisPing({ host: '127.0.0.1', port, password })).ok, 15_000)).toBe(true);
  return { port, child };
}

function writeConfig(sb: Sandbox, o: { port: number; redisPort?: number }): void {
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy:
  host: 127.0.0.1
  port: ${o.port}
  masterKey: secret:proxy
${o.redisPort ? `  redis: { host: 127.0.0.1, port: ${o.redisPort}, password: secret:redis }\n` : ''}  clients:
    ci: { key: secret:client-ci, rpm: ${CLIENT_RPM}, models: [free] }
  routerSettings: { allowed_fails: 1, cooldown_time: 300 }
providers:
  up: { preset: custom, apiBase: ${up.url}/v1 }
  broken: { preset: custom, apiBase: ${broken.url}/v1 }
  healthy: { preset: custom, apiBase: ${healthy.url}/v1 }
models:
  - { name: limited, provider: up, rpm: ${RPM} }
  - { name: free, provider: up }
  - name: pair
    deployments:
      - { provider: broken, model: pair-a }
      - { provider: healthy, model: pair-b }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
  );
}

async function setKeys(sb: Sandbox, redisPassword?: string): Promise<void> {
  const keys: [string, string][] = [
    ['proxy', MASTER],
    ['client-ci', CLIENT_KEY],
    ...(redisPassword ? ([['redis', redisPassword]] as [string, string][]) : []),
  ];
  for (const [name, value] of keys) {
    const r = await llmctl(sb, ['keys', 'set', name, '--stdin'], { input: value });
    expect(r.code, r.stderr).toBe(0);
  }
}

async function chat(port: number, model: string, key = MASTER): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
    signal: AbortSignal.timeout(120_000),
  });
  await r.text();
  return r.status;
}

const upstreamCount = (f: FakeUpstream, model: string) => f.chats().filter((r) => r.body?.model === model).length;

/**
 * `n` requests one after the other, alternating over `ports`; for each, the clock minute it was sent
 * in (the Router's rpm window), its status and whether it reached the upstream.
 */
async function spread(ports: number[], n: number, model: string, key = MASTER) {
  const out: { minute: string; status: number; reached: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const minute = new Date().toISOString().slice(0, 16);
    const before = upstreamCount(up, model);
    const status = await chat(ports[i % ports.length]!, model, key);
    out.push({ minute, status, reached: upstreamCount(up, model) > before });
  }
  return out;
}

/** The most requests that reached the upstream within one clock minute. */
function perMinuteMax(rs: { minute: string; reached: boolean }[]): number {
  const byMinute = new Map<string, number>();
  for (const r of rs) byMinute.set(r.minute, (byMinute.get(r.minute) ?? 0) + (r.reached ? 1 : 0));
  return Math.max(...byMinute.values());
}

/** Waits until the next clock minute has just begun, so a run of requests stays inside one window. */
async function startOfMinute(): Promise<void> {
  const s = new Date().getUTCSeconds();
  if (s > 15) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}

async function serve(sb: Sandbox, args: string[]): Promise<void> {
  const r = await llmctl(sb, ['serve', '--detach', ...args]);
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
}

beforeAll(async () => {
  litellm = await ensureLitellm();
  redisBin = haveRedis();
  up = await startFakeUpstream({ name: 'up' });
  broken = await startFakeUpstream({ name: 'broken', failWith: 500 });
  healthy = await startFakeUpstream({ name: 'healthy' });
  return async () => {
    await Promise.all([up.close(), broken.close(), healthy.close()]);
  };
}, 900_000);

describe('two instances from one llmctl.yaml, sharing Redis', () => {
  let sb: Sandbox;
  let redis: { port: number; child: ChildProcess };
  const ports: number[] = [];

  beforeAll(async () => {
    sb = sandbox({ LLMCTL_LITELLM: litellm });
    redis = await startRedis('redis-pw-e2e-0123456789', sb.dir);
    ports.push(await freePort(), await freePort());
    writeConfig(sb, { port: ports[0]!, redisPort: redis.port });
    await setKeys(sb, 'redis-pw-e2e-0123456789');
    // The main proxy (llmctl.yaml's port) and instance "b" on a second port, started at the same time.
    await Promise.all([serve(sb, []), serve(sb, ['--instance', 'b', '--port', String(ports[1])])]);
  }, 600_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
    redis?.child.kill('SIGTERM');
  }, 120_000);

  it('status lists both instances; the redis password is nowhere on a command line or in the config', async () => {
    const r = await llmctl(sb, ['status', '--json']);
    const s = JSON.parse(r.stdout);
    expect(s.proxy.state).toBe('up');
    expect(s.instances.map((i: { name: string; state: string; port: number }) => [i.name, i.state, i.port])).toEqual([
      ['b', 'up', ports[1]],
    ]);
    const config = readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8');
    expect(config).toContain('coordination_redis');
    expect(config).not.toContain('redis-pw-e2e');
    const argv = processesMentioning(sb.llmctlHome).flatMap((p) => p.argv);
    expect(argv.join(' ')).not.toContain('redis-pw-e2e');
  });

  it(
    `a model with rpm: ${RPM}: 20 requests over both instances, ` +
      `at most ${RPM} (+1) reach the upstream per minute, the rest get 429`,
    async () => {
      const rs = await spread(ports, 20, 'limited');
      const reached = perMinuteMax(rs);
      // LiteLLM's Router lets rpm - 1 or rpm through (its filter skips a deployment at count + 1 >= rpm).
      expect(reached).toBeGreaterThanOrEqual(RPM - 1);
      expect(reached).toBeLessThanOrEqual(RPM + 1);
      for (const r of rs) expect(r.reached ? 200 : 429).toBe(r.status);
      // Both instances answered 200s and 429s: the count was one.
      for (const p of [0, 1]) expect(new Set(rs.filter((_, i) => i % 2 === p).map((r) => r.status))).toContain(429);
    },
    300_000,
  );

  it(`a client key with rpm: ${CLIENT_RPM} is limited across both instances the same way`, async () => {
    const rs = await spread(ports, 10, 'free', CLIENT_KEY);
    const ok = rs.filter((r) => r.status === 200).length;
    expect(ok).toBeGreaterThanOrEqual(CLIENT_RPM);
    expect(ok).toBeLessThanOrEqual(CLIENT_RPM + 1);
    expect(rs.filter((r) => r.status === 429).length).toBe(10 - ok);
    // Its models are still its own.
    expect(await chat(ports[1]!, 'limited', CLIENT_KEY)).toBe(403);
  }, 300_000);

  it('a deployment put into cooldown on one instance (its upstream answers 500) is skipped by the other', async () => {
    // Instance A meets the broken deployment until the Router cools it down (allowed_fails: 1).
    for (let i = 0; i < 12 && broken.chats().length < 2; i++) await chat(ports[0]!, 'pair');
    expect(broken.chats().length).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 3_000)); // the other instance reads cooldowns from Redis every second
    const before = broken.chats().length;
    const statuses: number[] = [];
    const reachedBroken: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(await chat(ports[1]!, 'pair'));
      reachedBroken.push(broken.chats().length - before);
    }
    // Every request is answered (a failed attempt is retried on the healthy deployment), and the other
    // instance skips the broken one: at most one of its six requests still meets it (LiteLLM 1.108.7
    // reads cooldowns from Redis, re-reading a missing key every second, and counts allowed_fails
    // fleet-wide, so one more failure there is past the limit at once).
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(reachedBroken.at(-1)).toBeLessThanOrEqual(1);
  }, 300_000);

  it('stop stops the proxy and the instance', async () => {
    const r = await llmctl(sb, ['stop']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('instance b');
    expect(await waitFor(() => processesMentioning(sb.llmctlHome).length === 0, 30_000)).toBe(true);
  }, 120_000);
});

describe('the same two instances without Redis: the limit multiplies', () => {
  let sb: Sandbox;
  const ports: number[] = [];

  beforeAll(async () => {
    sb = sandbox({ LLMCTL_LITELLM: litellm });
    ports.push(await freePort(), await freePort());
    writeConfig(sb, { port: ports[0]! });
    await setKeys(sb);
    await Promise.all([serve(sb, []), serve(sb, ['--instance', 'b', '--port', String(ports[1])])]);
  }, 600_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
  }, 120_000);

  it(
    `rpm: ${RPM} on each instance of its own: ` + `twice as many requests reach the upstream (why Redis is needed)`,
    async () => {
      await startOfMinute();
      const rs = await spread(ports, 20, 'limited');
      // Each instance lets its own share through within the minute (LiteLLM's router filters a
      // deployment at rpm - 1 of its own count): 8 to 10 in all, where one gateway should allow 5.
      expect(perMinuteMax(rs)).toBeGreaterThanOrEqual(2 * (RPM - 1));
      expect(perMinuteMax(rs)).toBeLessThanOrEqual(2 * RPM + 1);
    },
    300_000,
  );
});

describe('serve --workers 2 --redis-local', () => {
  let sb: Sandbox;
  let port: number;

  beforeAll(async () => {
    sb = sandbox({ LLMCTL_LITELLM: litellm });
    port = await freePort();
    writeConfig(sb, { port });
    await setKeys(sb);
    await serve(sb, ['--workers', '2', '--redis-local']);
  }, 600_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
  }, 120_000);

  it(
    'records the local Redis in llmctl.yaml; ' + 'its password is a generated secret, never in a file but secrets.json',
    () => {
      const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
      expect(yaml).toMatch(/redis:[\s\S]*password: secret:redis-local/);
      const pw = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets['redis-local'];
      expect(pw).toMatch(/^[\w-]{24,}$/);
      const redis = processesMentioning('redis-server').filter((p) => p.argv[0]?.includes('redis-server'));
      expect(redis.map((p) => p.argv.join(' ')).join('\n')).not.toContain(pw);
      expect(readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8')).not.toContain(pw);
    },
  );

  it('both workers serve: distinct worker processes own the connections whose requests were answered', async () => {
    const pid = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8')).pid as number;
    // Separate keep-alive connections, 8 busy at a time with chat requests: while one worker is busy
    // handling a request, the other accepts the next connection from the shared socket.
    const agents = Array.from({ length: 48 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const statuses: number[] = [];
    for (let i = 0; i < agents.length; i += 8)
      statuses.push(...(await Promise.all(agents.slice(i, i + 8).map((agent) => chatOver(port, agent)))));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const owners = connectionOwners(port);
    const tree = new Set(processTree(pid).map((p) => p.pid));
    const workers = [...owners].filter((p) => tree.has(p));
    for (const a of agents) a.destroy();
    expect(workers.length, `connection owners ${[...owners]} in tree ${[...tree]}`).toBe(2);
  }, 120_000);

  it(`one limit: rpm: ${RPM} over both workers`, async () => {
    const rs = await spread([port], 12, 'limited');
    const reached = perMinuteMax(rs);
    // Each worker counts in memory and syncs with Redis every second: together they never pass the
    // limit, and may stop a little short of it (3 of 5 seen on this machine).
    expect(reached).toBeGreaterThanOrEqual(2);
    expect(reached).toBeLessThanOrEqual(RPM + 1);
    expect(rs.filter((r) => r.status === 429).length).toBe(12 - rs.filter((r) => r.status === 200).length);
  }, 300_000);

  it('stop stops LiteLLM, its workers and the local redis-server', async () => {
    const r = await llmctl(sb, ['stop']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('redis-server');
    expect(await waitFor(() => processesMentioning(sb.llmctlHome).length === 0, 30_000)).toBe(true);
  }, 120_000);
});

/** The pids owning the established connections to `port` on 127.0.0.1 (Linux `ss`). */
function connectionOwners(port: number): Set<number> {
  const r = spawnSync('ss', ['-tnpH', 'state', 'established', `( sport = :${port} )`], { encoding: 'utf8' });
  return new Set([...r.stdout.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])));
}

/** A chat request (model `free`) over the given agent's kept-alive connection: its status. */
function chatOver(port: number, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/chat/completions',
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${MASTER}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ model: 'free', messages: [{ role: 'user', content: 'hi' }] }));
  });
}
