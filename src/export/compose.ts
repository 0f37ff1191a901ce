import { randomBytes } from 'node:crypto';
import { yaml } from '../deps.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import { AUTH_NAME, CONFIG_NAME, type Gateway } from './gateway.js';
import { formatEnvFile, parseEnvFile } from './env-file.js';
import { LITELLM_IMAGE, NGINX_IMAGE, OPENWEBUI_IMAGE, POSTGRES_IMAGE, REDIS_IMAGE } from './images.js';
import type { ExportFile } from './project.js';
import { REDIS_PORT, REDIS_SERVICE, ownRedisEnv, redisReach, redisUse, type RedisUse } from './redis.js';
import { scaleCheck, secretsHeader, type ScaleOptions } from './scale.js';

/**
 * `llmctl export compose`: a docker compose project for the team gateway. The LiteLLM config and
 * llmctl_auth.py are mounted read-only, byte for byte what `serve` writes; every secret sits in an
 * env file under secrets/ (0600, one per service, so each container gets only its own); the compose
 * file holds no secret and can be committed.
 */
export interface ComposeOptions extends ScaleOptions {
  postgres?: boolean;
  webui?: boolean;
}

/**
 * Inside the LiteLLM container: the config and llmctl_auth.py together (LiteLLM imports it from the config's folder).
 */
export const CONFIG_DIR_IN_CONTAINER = '/app/llmctl';
const LITELLM_PORT = 4000;
const GATEWAY_PORT = 8080;
const PG = { user: 'litellm', db: 'litellm' };

// Python is in the LiteLLM image (curl is not guaranteed): both probes must answer 2xx.
const HEALTH_SCRIPT = `import urllib.request as u; [u.urlopen('http://127.0.0.1:${LITELLM_PORT}' + p, timeout=8) for p in ('/health/liveliness', '/health/readiness')]`; // i18n-ignore: a program run in the container

interface Plan {
  g: Gateway;
  o: ComposeOptions;
  replicas: number;
  workers: number;
  redis?: RedisUse;
  ownRedis: boolean;
  webuiKey?: string;
  /** Generated once and kept: a new password would lock LiteLLM out of the database it already made. */
  pgPassword: string;
  /** Secret env files as they are now (passwords llmctl generated are kept across exports). */
  existing: Record<string, Record<string, string>>;
}

export function composeProject(
  g: Gateway,
  o: ComposeOptions,
  existing: Record<string, string | null>,
): { files: ExportFile[]; notes: string[] } {
  const { replicas, workers, notes } = scaleCheck(g, o);
  const redis = redisUse(g.rendered);
  if (redis && redisReach(redis) === 'loopback') {
    throw new LlmctlError(t('exporting.redisLoopback'), { hint: t('exporting.redisLoopbackHint') });
  }
  const ownRedis = !!redis && redisReach(redis) === 'own';
  const existingEnv = Object.fromEntries(Object.entries(existing).map(([k, v]) => [k, v ? parseEnvFile(v) : {}]));
  const p: Plan = {
    g,
    o,
    replicas,
    workers,
    ...(redis ? { redis } : {}),
    ownRedis,
    existing: existingEnv,
    pgPassword: existingEnv['secrets/postgres.env']?.POSTGRES_PASSWORD ?? randomBytes(24).toString('hex'),
  };
  if (o.webui) p.webuiKey = webuiKey(g);
  if (o.postgres && g.authText !== null) notes.push(t('exporting.postgresWithLlmctlAuth'));
  if (redis && !ownRedis) notes.push(t('exporting.redisExternal'));
  return { files: projectFiles(p), notes };
}

function projectFiles(p: Plan): ExportFile[] {
  const files: ExportFile[] = [
    { rel: 'compose.yaml', text: composeText(p) },
    { rel: `litellm/${CONFIG_NAME}`, text: p.g.configText },
    ...(p.g.authText !== null ? [{ rel: `litellm/${AUTH_NAME}`, text: p.g.authText }] : []),
    { rel: 'secrets/litellm.env', text: envText(p, litellmEnv(p)), secret: true },
    // i18n-ignore: written into the file (git reads it)
    { rel: '.gitignore', text: '# Keys: never commit these.\nsecrets/\n' },
  ];
  if (p.replicas > 1) files.push({ rel: 'nginx/nginx.conf', text: nginxConf() });
  if (p.ownRedis && p.redis?.passwordVar) {
    const pw = p.g.env[p.redis.passwordVar];
    if (pw) files.push({ rel: 'secrets/redis.env', text: envText(p, { REDIS_PASSWORD: pw }), secret: true });
  }
  if (p.o.postgres)
    files.push({ rel: 'secrets/postgres.env', text: envText(p, { POSTGRES_PASSWORD: p.pgPassword }), secret: true });
  if (p.webuiKey !== undefined) {
    const webuiSecret = p.existing['secrets/openwebui.env']?.WEBUI_SECRET_KEY ?? randomBytes(32).toString('hex');
    files.push({
      rel: 'secrets/openwebui.env',
      text: envText(p, { OPENAI_API_KEY: p.webuiKey, WEBUI_SECRET_KEY: webuiSecret }),
      secret: true,
    });
  }
  return files;
}

/** The files whose current text composeProject needs (to keep the passwords it generated). */
export const KEPT_SECRETS = ['secrets/postgres.env', 'secrets/openwebui.env'];

function envText(p: Plan, vars: Record<string, string>): string {
  return formatEnvFile(secretsHeader(p.g.sourceFile), vars);
}

function litellmEnv(p: Plan): Record<string, string> {
  const env = { ...p.g.env };
  // Addresses the compose file sets (the project's own Redis) are not secrets: they live there.
  if (p.ownRedis && p.redis) for (const name of Object.keys(ownRedisEnv(p.redis))) delete env[name];
  if (p.o.postgres) env.DATABASE_URL = `postgresql://${PG.user}:${p.pgPassword}@postgres:5432/${PG.db}`;
  return env;
}

/** Open WebUI signs in with its own client key (tools.openwebui.client), never the master key. */
function webuiKey(g: Gateway): string {
  const name = g.config.tools.openwebui.client;
  const client = g.config.proxy.clients?.[name];
  const key = client ? g.resolve(client.key) : undefined;
  if (key === undefined) {
    throw new LlmctlError(t('exporting.webuiNoClient', { name }), { hint: t('exporting.webuiNoClientHint', { name }) });
  }
  return key;
}

function composeText(p: Plan): string {
  const services: Record<string, unknown> = { litellm: litellmService(p) };
  if (p.replicas > 1) services.gateway = gatewayService(p);
  if (p.ownRedis) services[REDIS_SERVICE] = redisService(p);
  if (p.o.postgres) services.postgres = postgresService();
  if (p.webuiKey !== undefined) services.openwebui = webuiService(p);
  const volumes: Record<string, object> = {};
  if (p.o.postgres) volumes['postgres-data'] = {};
  if (p.webuiKey !== undefined) volumes['openwebui-data'] = {};
  // No top-level `name`: docker-compose 1.x (Debian 12's package) refuses it; the folder names the project.
  const doc = { services, ...(Object.keys(volumes).length ? { volumes } : {}) };
  const header = [
    `# Generated by llmctl from ${p.g.sourceFile} (llmctl export compose).`, // i18n-ignore: written into the file
    // i18n-ignore: written into the file
    '# Start: docker compose up -d. Keys are not here: they are in secrets/*.env (0600, never commit them).',
    // i18n-ignore: written into the file
    '# Run the export again after changing llmctl.yaml; files you edit here are not overwritten without --force.',
  ];
  return `${header.join('\n')}\n${yaml().stringify(doc, { lineWidth: 0 })}`;
}

function litellmService(p: Plan): Record<string, unknown> {
  const depends: Record<string, { condition: string }> = {};
  if (p.ownRedis) depends[REDIS_SERVICE] = { condition: 'service_healthy' };
  if (p.o.postgres) depends.postgres = { condition: 'service_healthy' };
  return {
    image: LITELLM_IMAGE,
    command: [
      '--config',
      `${CONFIG_DIR_IN_CONTAINER}/${CONFIG_NAME}`,
      '--host',
      '0.0.0.0',
      '--port',
      String(LITELLM_PORT),
      '--num_workers',
      String(p.workers),
    ],
    restart: 'unless-stopped',
    env_file: ['secrets/litellm.env'],
    environment: {
      // Without it LiteLLM downloads a price map at start, and hangs behind a firewall.
      LITELLM_LOCAL_MODEL_COST_MAP: 'True',
      PYTHONUNBUFFERED: '1',
      ...(p.ownRedis && p.redis ? ownRedisEnv(p.redis) : {}),
    },
    volumes: [{ type: 'bind', source: './litellm', target: CONFIG_DIR_IN_CONTAINER, read_only: true }],
    ...(p.replicas === 1 ? { ports: [`${p.g.config.proxy.port}:${LITELLM_PORT}`] } : {}),
    ...(Object.keys(depends).length ? { depends_on: depends } : {}),
    healthcheck: {
      test: ['CMD', 'python3', '-c', HEALTH_SCRIPT],
      interval: '15s',
      timeout: '20s',
      retries: 5,
      start_period: '90s',
    },
    ...(p.replicas > 1 ? { deploy: { replicas: p.replicas } } : {}),
  };
}

/** Several replicas share one published port through nginx, which spreads requests over them. */
function gatewayService(p: Plan): Record<string, unknown> {
  return {
    image: NGINX_IMAGE,
    restart: 'unless-stopped',
    ports: [`${p.g.config.proxy.port}:${GATEWAY_PORT}`],
    volumes: [{ type: 'bind', source: './nginx/nginx.conf', target: '/etc/nginx/nginx.conf', read_only: true }],
    depends_on: { litellm: { condition: 'service_healthy' } },
    healthcheck: {
      test: ['CMD', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${GATEWAY_PORT}/health/liveliness`],
      interval: '15s',
      timeout: '10s',
      retries: 5,
    },
  };
}

function redisService(p: Plan): Record<string, unknown> {
  const auth = !!p.redis?.passwordVar && !!p.g.env[p.redis.passwordVar];
  return {
    image: REDIS_IMAGE,
    restart: 'unless-stopped',
    // The password reaches redis-server on its standard input, never on its command line.
    ...(auth
      ? {
          env_file: ['secrets/redis.env'],
          // i18n-ignore: a shell program run in the container
          command: ['sh', '-c', 'exec docker-entrypoint.sh redis-server - <<EOF\nrequirepass $$REDIS_PASSWORD\nEOF\n'],
        }
      : {}),
    healthcheck: {
      test: [
        'CMD-SHELL',
        `${auth ? 'REDISCLI_AUTH="$$REDIS_PASSWORD" ' : ''}redis-cli -p ${REDIS_PORT} ping | grep -q PONG`,
      ],
      interval: '10s',
      timeout: '5s',
      retries: 5,
    },
  };
}

function postgresService(): Record<string, unknown> {
  return {
    image: POSTGRES_IMAGE,
    restart: 'unless-stopped',
    env_file: ['secrets/postgres.env'],
    environment: { POSTGRES_USER: PG.user, POSTGRES_DB: PG.db },
    volumes: ['postgres-data:/var/lib/postgresql/data'],
    healthcheck: {
      test: ['CMD-SHELL', `pg_isready -U ${PG.user} -d ${PG.db}`],
      interval: '10s',
      timeout: '5s',
      retries: 10,
    },
  };
}

function webuiService(p: Plan): Record<string, unknown> {
  const proxy = p.replicas > 1 ? `http://gateway:${GATEWAY_PORT}` : `http://litellm:${LITELLM_PORT}`;
  return {
    image: OPENWEBUI_IMAGE,
    restart: 'unless-stopped',
    env_file: ['secrets/openwebui.env'],
    environment: {
      OPENAI_API_BASE_URL: `${proxy}/v1`,
      ENABLE_OLLAMA_API: 'False',
      // Else its database overrides these variables after the first start.
      ENABLE_PERSISTENT_CONFIG: 'False',
    },
    volumes: ['openwebui-data:/app/backend/data'],
    ports: [`${p.g.config.tools.openwebui.port}:8080`],
    depends_on: { litellm: { condition: 'service_healthy' } },
  };
}

/** nginx in front of the replicas: Docker's DNS names every replica; resolved again every 10 s. */
function nginxConf(): string {
  // i18n-ignore: written into the file
  return `# Generated by llmctl (llmctl export compose): spreads requests over the LiteLLM replicas.
worker_processes auto;
events { worker_connections 1024; }
http {
  resolver 127.0.0.11 valid=10s ipv6=off;
  access_log /dev/stdout;
  server {
    listen ${GATEWAY_PORT};
    client_max_body_size 64m;
    location / {
      set $litellm http://litellm:${LITELLM_PORT};
      proxy_pass $litellm;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # Streaming answers (server-sent events) pass through as they come.
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 600s;
      proxy_send_timeout 600s;
    }
  }
}
`;
}
