import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

/**
 * `llmctl export compose` and `export helm-values` (issue 14, several machines), run as the built
 * binary. The compose file is checked against the Compose Specification's own JSON schema, the Helm
 * values against the chart's documented values.yaml (both fixtures, test/fixtures/export/SOURCES.md).
 */

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'export');
const ZHIPU = 'zk-export-secret-1234567890';
const REDIS_PW = 'redis-export-pw-0987654321';
const WEBUI = 'sk-webui-client-key-abcdef123456';

const WITH_REDIS = `version: 1
proxy:
  port: 4100
  routerSettings:
    redis_host: redis
    redis_port: 6379
    redis_password: secret:redis
  clients:
    openwebui: { key: secret:webui }
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu, rpm: 5 }
`;

const NO_REDIS = `version: 1
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu }
`;

async function setup(yaml: string): Promise<Sandbox> {
  const sb = sandbox();
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), yaml);
  for (const [name, value] of [
    ['zhipu', ZHIPU],
    ['redis', REDIS_PW],
    ['webui', WEBUI],
  ] as const) {
    const r = await llmctl(sb, ['keys', 'set', name, '--stdin'], { input: value });
    expect(r.code, r.stderr).toBe(0);
  }
  return sb;
}

const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8');
const mode = (f: string) => statSync(f).mode & 0o777;
const masterKey = (sb: Sandbox) =>
  (JSON.parse(read(sb.llmctlHome, 'secrets.json')) as { secrets: Record<string, string> }).secrets.proxy!;

function composeValidator() {
  const schema = JSON.parse(read(FIXTURES, 'compose-spec.json')) as Record<string, unknown>;
  // The spec's own formats (duration…) are not JSON Schema's: the structure is what is checked here.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  return ajv.compile(schema);
}

/** Every value file the chart documents, commented-out keys (`# numWorkers: 2`) included, with its type. */
function chartKeys(): Map<string, string> {
  const text = read(FIXTURES, 'litellm-helm-values.yaml');
  const out = new Map<string, string>();
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const walk = (v: unknown, at: string) => {
    out.set(at, typeOf(v));
    if (v && typeof v === 'object' && !Array.isArray(v))
      for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(parse(text), '');
  // A commented key documents a value the templates read (`# numWorkers: 2`, proxyConfigMap's `# name: ""`).
  const stack: { indent: number; key: string }[] = [];
  for (const line of text.split('\n')) {
    const live = /^(\s*)([A-Za-z_][\w-]*):/.exec(line);
    const commented = /^(\s*)# ([A-Za-z_][\w-]*): (\S.*)$/.exec(line);
    const m = live ?? commented;
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const at = [...stack.map((s) => s.key), m[2]].join('.');
    if (live) stack.push({ indent, key: m[2]! });
    else if (!out.has(at)) out.set(at, typeOf(parse(m[3]!)));
  }
  return out;
}

/**
 * Keys of `values` the chart does not document, or documents with
 * another type. Free-form maps and lists ({} or []) end the walk.
 */
function undocumented(values: Record<string, unknown>, chart: Map<string, string>): string[] {
  const bad: string[] = [];
  const walk = (v: Record<string, unknown>, at: string) => {
    for (const [k, x] of Object.entries(v)) {
      const p = at ? `${at}.${k}` : k;
      const want = chart.get(p);
      const got = Array.isArray(x) ? 'array' : typeof x;
      if (want === undefined || want !== got) {
        bad.push(`${p}: ${got} (chart: ${want ?? 'absent'})`);
        continue;
      }
      const childKeys = [...chart.keys()].some((c) => c.startsWith(`${p}.`));
      if (got === 'object' && childKeys) walk(x as Record<string, unknown>, p);
    }
  };
  walk(values, '');
  return bad;
}

/** A compose implementation that validates a file without an engine: the v2 plugin, else docker-compose 1.x. */
const composeCli: string[] | undefined = [['docker', 'compose'], ['docker-compose']].find(([cmd, ...sub]) => {
  try {
    execFileSync(cmd!, [...sub, 'version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
});

describe('llmctl export compose', () => {
  it(
    'writes a project the compose schema accepts, ' + 'the config serve runs, and the keys only in 0600 env files',
    async () => {
      const sb = await setup(WITH_REDIS);
      const r = await llmctl(sb, ['export', 'compose', '--replicas', '2', '--workers', '2', '--postgres', '--webui']);
      expect(r.code, r.stderr).toBe(0);
      const dir = path.join(sb.dir, 'llmctl-gateway');
      const compose = parse(read(dir, 'compose.yaml')) as Record<string, any>;

      const validate = composeValidator();
      expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
      expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'litellm', 'openwebui', 'postgres', 'redis']);
      const litellm = compose.services.litellm;
      expect(litellm.image).toBe('ghcr.io/berriai/litellm:v1.108.7');
      expect(litellm.deploy.replicas).toBe(2);
      expect(litellm.command).toEqual(expect.arrayContaining(['--num_workers', '2']));
      expect(litellm.volumes[0]).toMatchObject({ source: './litellm', read_only: true });
      expect(litellm.healthcheck.test.join(' ')).toMatch(/health\/liveliness.*health\/readiness/);
      expect(compose.services.gateway.ports).toEqual(['4100:8080']);

      // The same bytes `serve` runs: sync writes the LiteLLM config through the same plan.
      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
      expect(read(dir, 'litellm', 'litellm.config.yaml')).toBe(read(sb.llmctlHome, 'litellm.config.yaml'));
      expect(read(dir, 'litellm', 'llmctl_auth.py')).toBe(read(sb.llmctlHome, 'llmctl_auth.py'));

      const secrets = [ZHIPU, REDIS_PW, WEBUI, masterKey(sb)];
      for (const f of ['compose.yaml', 'litellm/litellm.config.yaml', 'litellm/llmctl_auth.py', 'nginx/nginx.conf'])
        for (const s of secrets) expect(read(dir, f), `${s} in ${f}`).not.toContain(s);
      const env = read(dir, 'secrets', 'litellm.env');
      // The client keys too: llmctl_auth.py reads each from LiteLLM's environment.
      for (const s of [ZHIPU, REDIS_PW, masterKey(sb), WEBUI]) expect(env).toContain(`='${s}'`);
      expect(env).toMatch(/^DATABASE_URL='postgresql:\/\/litellm:[0-9a-f]{48}@postgres:5432\/litellm'$/m);
      const pg = /POSTGRES_PASSWORD='([0-9a-f]+)'/.exec(read(dir, 'secrets', 'postgres.env'))?.[1];
      expect(env).toContain(`postgresql://litellm:${pg}@postgres`);
      expect(read(dir, 'secrets', 'redis.env')).toContain(`REDIS_PASSWORD='${REDIS_PW}'`);
      expect(read(dir, 'secrets', 'openwebui.env')).toContain(`OPENAI_API_KEY='${WEBUI}'`);
      expect(read(dir, 'secrets', 'openwebui.env')).not.toContain(masterKey(sb));
      if (process.platform !== 'win32') {
        for (const f of readdirSync(path.join(dir, 'secrets')))
          expect(mode(path.join(dir, 'secrets', f)), f).toBe(0o600);
        expect(mode(path.join(dir, 'secrets'))).toBe(0o700);
      }
    },
  );

  it(
    'keeps the generated Postgres password across exports ' + '(a new one would lock LiteLLM out of its data)',
    async () => {
      const sb = await setup(WITH_REDIS);
      expect((await llmctl(sb, ['export', 'compose', '--postgres'])).code).toBe(0);
      const first = read(sb.dir, 'llmctl-gateway', 'secrets', 'postgres.env');
      const r = await llmctl(sb, ['export', 'compose', '--postgres']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('up to date');
      expect(read(sb.dir, 'llmctl-gateway', 'secrets', 'postgres.env')).toBe(first);
    },
  );

  it('the schema check can fail: an unknown service field is refused', () => {
    const validate = composeValidator();
    expect(validate({ services: { litellm: { image: 'x', replicas_typo: 2 } } })).toBe(false);
    expect(validate({ services: { litellm: { image: 'x' } } })).toBe(true);
  });

  it('writes into --out, relative to the current folder', async () => {
    const sb = await setup(NO_REDIS);
    const r = await llmctl(sb, ['export', 'compose', '--out', 'deploy/gw']);
    expect(r.code, r.stderr).toBe(0);
    const compose = parse(read(sb.dir, 'deploy', 'gw', 'compose.yaml')) as Record<string, any>;
    expect(Object.keys(compose.services)).toEqual(['litellm']);
    expect(compose.services.litellm.ports).toEqual(['4000:4000']);
    expect(existsSync(path.join(sb.dir, 'llmctl-gateway'))).toBe(false);
  });

  it.each([
    ['en', [], 'without Redis'],
    ['zh-CN', ['--lang', 'zh-CN'], '没有 Redis'],
  ])('refuses several processes without Redis (%s), and writes them with --force', async (_l, lang, said) => {
    const sb = await setup(NO_REDIS);
    const r = await llmctl(sb, [...lang, 'export', 'compose', '--replicas', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(said);
    expect(existsSync(path.join(sb.dir, 'llmctl-gateway'))).toBe(false);
    const forced = await llmctl(sb, [...lang, 'export', 'compose', '--replicas', '3', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const compose = parse(read(sb.dir, 'llmctl-gateway', 'compose.yaml')) as Record<string, any>;
    expect(compose.services.redis).toBeUndefined();
  });

  it.each([
    ['en', [], 'edited by hand'],
    ['zh-CN', ['--lang', 'zh-CN'], '手动编辑'],
  ])('refuses to overwrite a file edited by hand (%s); --force backs it up first', async (_l, lang, said) => {
    const sb = await setup(WITH_REDIS);
    expect((await llmctl(sb, ['export', 'compose'])).code).toBe(0);
    const dir = path.join(sb.dir, 'llmctl-gateway');
    const edited = `${read(dir, 'compose.yaml')}# my own change\n`;
    writeFileSync(path.join(dir, 'compose.yaml'), edited);
    // A change in llmctl.yaml, so the export has something to write.
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), WITH_REDIS.replace('port: 4100', 'port: 4200'));
    const before = snapshot(dir);
    const r = await llmctl(sb, [...lang, 'export', 'compose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(said);
    expect(r.stderr).toContain('compose.yaml');
    expect(snapshot(dir)).toEqual(before);

    const forced = await llmctl(sb, [...lang, 'export', 'compose', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(read(dir, 'compose.yaml')).toContain('4200:4000');
    const backups = path.join(sb.llmctlHome, 'backups');
    const copies = readdirSync(backups).flatMap((id) =>
      readdirSync(path.join(backups, id)).map((f) => readFileSync(path.join(backups, id, f), 'utf8')),
    );
    expect(copies).toContain(edited);
  });

  it('removes the files an export no longer writes, but keeps one edited by hand', async () => {
    const sb = await setup(WITH_REDIS);
    const dir = path.join(sb.dir, 'llmctl-gateway');
    expect((await llmctl(sb, ['export', 'compose', '--replicas', '2', '--postgres'])).code).toBe(0);
    expect(existsSync(path.join(dir, 'nginx', 'nginx.conf'))).toBe(true);
    const pg = path.join(dir, 'secrets', 'postgres.env');
    writeFileSync(pg, `${read(pg)}# mine\n`);
    const r = await llmctl(sb, ['export', 'compose']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'nginx', 'nginx.conf'))).toBe(false);
    expect(r.stderr).toContain('Removed nginx/nginx.conf');
    expect(read(pg)).toContain('# mine');
    expect(r.stderr).toContain('Kept secrets/postgres.env');
  });

  it('refuses a Redis on loopback, which no container reaches', async () => {
    const sb = await setup(WITH_REDIS.replace('redis_host: redis', 'redis_host: 127.0.0.1'));
    const r = await llmctl(sb, ['export', 'compose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('loopback');
  });

  it.skipIf(!composeCli)('`docker compose config` (client only, no engine) accepts the project', async () => {
    const sb = await setup(WITH_REDIS);
    expect((await llmctl(sb, ['export', 'compose', '--replicas', '2', '--postgres', '--webui'])).code).toBe(0);
    const [cmd, ...sub] = composeCli!;
    const out = execFileSync(cmd!, [...sub, 'config'], { cwd: path.join(sb.dir, 'llmctl-gateway'), encoding: 'utf8' });
    // It read the env files as the containers will get them: the keys come back exactly.
    expect(out).toContain(ZHIPU);
    expect(out).toContain(REDIS_PW);
  });
});

describe('llmctl export helm-values', () => {
  it(
    'writes only keys the chart documents, ' + 'the config serve runs in a ConfigMap, and the keys in a Secret',
    async () => {
      const sb = await setup(WITH_REDIS);
      const r = await llmctl(sb, ['export', 'helm-values', '--replicas', '3', '--workers', '2']);
      expect(r.code, r.stderr).toBe(0);
      const dir = path.join(sb.dir, 'llmctl-helm');
      const values = parse(read(dir, 'values.yaml')) as Record<string, any>;
      expect(undocumented(values, chartKeys())).toEqual([]);
      expect(values).toMatchObject({
        replicaCount: 3,
        numWorkers: 2,
        image: { repository: 'ghcr.io/berriai/litellm', tag: 'v1.108.7' },
        masterkeySecretName: 'llmctl-gateway-keys',
        environmentSecrets: ['llmctl-gateway-keys'],
        proxyConfigMap: { create: false, name: 'llmctl-gateway-config' },
      });

      expect((await llmctl(sb, ['sync', '--only', 'litellm'])).code).toBe(0);
      const cm = values.extraResources[0];
      expect(cm.kind).toBe('ConfigMap');
      expect(cm.data[values.proxyConfigMap.key]).toBe(read(sb.llmctlHome, 'litellm.config.yaml'));
      expect(cm.data['llmctl_auth.py']).toBe(read(sb.llmctlHome, 'llmctl_auth.py'));
      expect(values.volumeMounts[0]).toMatchObject({
        mountPath: '/etc/litellm/llmctl_auth.py',
        subPath: 'llmctl_auth.py',
      });

      const secret = parse(read(dir, 'secret.yaml')) as Record<string, any>;
      expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'llmctl-gateway-keys' } });
      expect(secret.stringData).toMatchObject({
        LITELLM_MASTER_KEY: masterKey(sb),
        LLMCTL_KEY_ZHIPU: ZHIPU,
        LLMCTL_KEY_REDIS: REDIS_PW,
      });
      for (const k of Object.keys(secret.stringData)) expect(k).toMatch(/^[-._a-zA-Z0-9]+$/);
      expect(secret.stringData[values.masterkeySecretKey]).toBe(masterKey(sb));
      for (const s of [ZHIPU, REDIS_PW, WEBUI, masterKey(sb)]) expect(read(dir, 'values.yaml')).not.toContain(s);
      if (process.platform !== 'win32') expect(mode(path.join(dir, 'secret.yaml'))).toBe(0o600);
    },
  );

  it('the chart check can fail: an undocumented key or a wrong type is reported', () => {
    const chart = chartKeys();
    expect(chart.get('numWorkers')).toBe('number');
    expect(undocumented({ replicas: 2, replicaCount: '2' }, chart)).toEqual([
      'replicas: number (chart: absent)',
      'replicaCount: string (chart: number)',
    ]);
  });
});
