import { randomBytes } from 'node:crypto';
import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { t, tEn } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { resolvePaths, type Paths } from '../platform/paths.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { isClientMode } from '../config/master-key.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { patchEnvFile } from './dotenv.js';
import type { PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

/**
 * Open WebUI (PyPI `open-webui`, checked against 0.12.4: open_webui/env.py, config.py, main.py):
 * - It reads its settings from the environment: `OPENAI_API_BASE_URL` / `OPENAI_API_KEY` (one
 *   connection), `ENABLE_OLLAMA_API`. With `ENABLE_PERSISTENT_CONFIG` true (its default) the values
 *   saved in its database (table `config`) win over the environment after the first boot; False
 *   keeps the environment in charge, so a sync that moves the proxy moves Open WebUI too.
 * - `OFFLINE_MODE=True` sets `HF_HUB_OFFLINE=1` and stops model downloads and the update check.
 * - RAG: with `RAG_EMBEDDING_ENGINE=""` (its default) it loads a sentence-transformers model at start
 *   (a download); `openai` loads nothing and asks `RAG_OPENAI_API_BASE_URL` with `RAG_OPENAI_API_KEY`
 *   for embeddings: the proxy, with a model of role `embed` when llmctl.yaml has one. Without one,
 *   `BYPASS_EMBEDDING_AND_RETRIEVAL=True` hands documents to the model whole.
 * - `WEBUI_AUTH` is left to the user (its default True: the first account becomes admin); a user who
 *   wants no login adds `WEBUI_AUTH=False` to the file (only honoured on a fresh data dir). Their own
 *   lines survive every sync.
 * - The file holds no host path (`DATA_DIR` is set by `llmctl serve --webui`), so
 *   `docker run --env-file` can use it as it is.
 * The file holds the client key Open WebUI sends (never the master key): 0600, backed up like the rest.
 */

/** The secrets-store name of Open WebUI's session signing key (WEBUI_SECRET_KEY), generated once. */
export const WEBUI_SECRET_NAME = 'openwebui-session';

export interface OpenWebuiFiles {
  /** The env file llmctl writes (for serve --webui and for `docker run --env-file`). */
  env: string;
  /** Its data (webui.db, uploads, cache) when llmctl runs it. */
  data: string;
  /** The managed venv (`LLMCTL_WEBUI_VENV` moves it, e.g. to a cache shared by test runs). */
  venv: string;
  pidFile: string;
  logFile: string;
}

export function openwebuiFiles(platform: Platform, paths: Paths): OpenWebuiFiles {
  const j = platform.path.join;
  const venv = platform.env.LLMCTL_WEBUI_VENV;
  return {
    env: j(paths.home, 'openwebui.env'),
    data: j(paths.home, 'openwebui', 'data'),
    venv: venv ? platform.path.resolve(venv) : j(paths.home, 'openwebui', 'venv'),
    pidFile: j(paths.home, 'openwebui.pid'),
    logFile: j(paths.logs, 'openwebui.log'),
  };
}

/** Every name llmctl owns in the env file (a name it stops writing is removed on the next sync). */
export const OWNED_NAMES = [
  'OPENAI_API_BASE_URL',
  'OPENAI_API_KEY',
  'ENABLE_OPENAI_API',
  'ENABLE_OLLAMA_API',
  'ENABLE_PERSISTENT_CONFIG',
  'WEBUI_SECRET_KEY',
  'OFFLINE_MODE',
  'HF_HUB_OFFLINE',
  'RAG_EMBEDDING_ENGINE',
  'RAG_OPENAI_API_BASE_URL',
  'RAG_OPENAI_API_KEY',
  'RAG_EMBEDDING_MODEL',
  'BYPASS_EMBEDDING_AND_RETRIEVAL',
] as const;

export interface OpenWebuiInput {
  /** The proxy root (no /v1). */
  root: string;
  clientKey: string;
  sessionKey: string;
  /** A model of role embed, for RAG; none: retrieval is bypassed. */
  embedModel?: string;
}

/** What llmctl wants in the env file: a pure function of its inputs. */
export function renderOpenWebuiEnv(input: OpenWebuiInput): Record<string, string> {
  const v1 = `${input.root}/v1`;
  const rag: Record<string, string> = input.embedModel
    ? { RAG_EMBEDDING_MODEL: input.embedModel }
    : { BYPASS_EMBEDDING_AND_RETRIEVAL: 'True' };
  return {
    OPENAI_API_BASE_URL: v1,
    OPENAI_API_KEY: input.clientKey,
    ENABLE_OPENAI_API: 'True',
    ENABLE_OLLAMA_API: 'False',
    ENABLE_PERSISTENT_CONFIG: 'False',
    WEBUI_SECRET_KEY: input.sessionKey,
    OFFLINE_MODE: 'True',
    HF_HUB_OFFLINE: '1',
    RAG_EMBEDDING_ENGINE: 'openai',
    RAG_OPENAI_API_BASE_URL: v1,
    RAG_OPENAI_API_KEY: input.clientKey,
    ...rag,
  };
}

// i18n-ignore: a command line, in the file's header
const DOCKER_RUN = 'docker run --env-file THIS_FILE --network host ghcr.io/open-webui/open-webui:main';
const HEADER = [
  // i18n-ignore: file content
  '# Open WebUI settings written by llmctl (llmctl sync): it owns the names below; lines of your own stay.',
  `# Used by \`llmctl serve --webui\`, or: ${DOCKER_RUN}`, // i18n-ignore: file content
  '',
].join('\n');

/** The env file's text: llmctl's names set, the user's own lines kept. */
export function patchOpenWebuiEnv(text: string | null, wanted: Record<string, string>): string {
  for (const [name, value] of Object.entries(wanted)) {
    // docker's --env-file takes a value as it stands (no quotes, no escapes): only plain values fit.
    if (!/^[A-Za-z0-9_./:+@%~,-]*$/.test(value))
      throw new LlmctlError(t('webui.env.badValue', { name }), { hint: t('webui.env.badValueHint') });
  }
  const base = text === null || text === '' ? HEADER : text;
  return patchEnvFile(base, wanted, [...OWNED_NAMES]) ?? HEADER;
}

/**
 * The key of the client Open WebUI uses; never the master key. In client mode (a gateway someone else
 * runs) there are no local clients: Open WebUI sends the user's own key for that gateway, as the tools do.
 */
export function openwebuiClientKey(
  ctx: Pick<TargetContext, 'config' | 'secrets' | 'platform' | 'masterKey' | 'toolKey'>,
): string {
  if (isClientMode(ctx.config)) return ctx.toolKey;
  const name = ctx.config.tools.openwebui.client;
  const client = ctx.config.proxy.clients?.[name];
  if (!client) {
    throw new LlmctlError(t('webui.client.missing', { name }), { hint: t('webui.client.missingHint', { name }) });
  }
  const key = resolveKeyRef(client.key, ctx.secrets, ctx.platform.env);
  if (key === undefined) {
    throw new LlmctlError(t('webui.client.noKey', { name, ref: client.key }), {
      hint: t('webui.client.noKeyHint', { name }),
    });
  }
  if (key === ctx.masterKey) {
    throw new LlmctlError(t('webui.client.isMaster', { name }), { hint: t('webui.client.isMasterHint', { name }) });
  }
  return key;
}

export function embedModelOf(config: LlmctlConfig): string | undefined {
  return config.models.find((m) => m.roles?.includes('embed'))?.name;
}

export const openwebuiTarget: Target = {
  name: 'openwebui',
  label: tEn('webui.env.label'),
  enabled: (config) => config.tools.openwebui.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const file = openwebuiFiles(ctx.platform, ctx.paths).env;
    const before = await readSettled(file);
    const clientKey = openwebuiClientKey(ctx);
    const make = () => randomBytes(32).toString('base64url');
    const sessionKey = ctx.generatedSecret
      ? ctx.generatedSecret(WEBUI_SECRET_NAME, make)
      : ctx.secrets.get(WEBUI_SECRET_NAME);
    if (sessionKey === undefined)
      throw new LlmctlError(t('webui.env.noSession'), { hint: t('webui.env.noSessionHint') });
    const embedModel = embedModelOf(ctx.config);
    const wanted = renderOpenWebuiEnv({
      root: proxyRoot(ctx.config),
      clientKey,
      sessionKey,
      ...(embedModel ? { embedModel } : {}),
    });
    const after = patchOpenWebuiEnv(before, wanted);
    const files: PlannedFile[] = [
      { path: file, label: tEn('webui.env.label'), before, after, mode: 0o600, secret: true },
    ];
    return { target: 'openwebui', files, warnings: [], conflicts: [] };
  },
  files: (platform) => [openwebuiFiles(platform, resolvePaths(platform)).env],
};
