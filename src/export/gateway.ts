import { loadConfig } from '../config/load.js';
import { masterKeyRef } from '../config/master-key.js';
import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { AUTH_MODULE, litellmConfigPath } from '../proxy/endpoint.js';
import { proxyCommand } from '../proxy/runner.js';
import {
  MASTER_KEY_ENV,
  envNameFor,
  keyRefsInConfig,
  osEnvironNamesInConfig,
  resolveKeyRef,
  secretNameOf,
} from '../secrets/refs.js';
import { SecretStore } from '../secrets/store.js';
import { planSync, type SyncSession } from '../sync/engine.js';
import { renderLiteLLMObject } from '../targets/litellm.js';
import type { Problem } from '../errors.js';

/**
 * The team gateway as `llmctl serve` would run it from this llmctl.yaml: the LiteLLM config and the
 * proxy key check exactly as the litellm target plans them (the same bytes), and the variables the
 * proxy's environment gets. An export only repackages these for containers.
 */
export interface Gateway {
  config: LlmctlConfig;
  /** llmctl.yaml, for the headers of the files an export writes. */
  sourceFile: string;
  /** The LiteLLM config text, byte for byte what `serve` writes. */
  configText: string;
  /** llmctl_auth.py, or null when the config does not use it (a database or the user's own auth). */
  authText: string | null;
  /** The config as data (to read its Redis settings). */
  rendered: Record<string, unknown>;
  /** Every secret variable the proxy's environment gets from llmctl, by name (same as `serve`). */
  env: Record<string, string>;
  /** Key references with no value (their models would fail upstream), and env: keys unset here. */
  warnings: Problem[];
  /** The value of a key reference (a client's key), as `serve` would resolve it. */
  resolve: (ref: string) => string | undefined;
}

export const CONFIG_NAME = 'litellm.config.yaml';
export const AUTH_NAME = `${AUTH_MODULE}.py`;

export async function loadGateway(platform: Platform, paths: Paths): Promise<Gateway> {
  const loaded = await loadConfig(paths.config);
  const { config } = loaded;
  if (config.proxy.url) {
    throw new LlmctlError(t('exporting.clientMode', { url: config.proxy.url, file: loaded.file }), {
      hint: t('exporting.clientModeHint'),
    });
  }
  const session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
  const masterKey = session.generatedMasterKey ? await keepMasterKey(session) : session.ctx.masterKey;
  const configFile = litellmConfigPath(session.ctx);
  const files = session.plans.flatMap((p) => p.files);
  const configText = files.find((f) => f.path === configFile)?.after;
  // i18n-ignore: an internal invariant
  if (typeof configText !== 'string') throw new Error(`no LiteLLM config planned for ${configFile}`);
  const auth = files.find((f) => f.path !== configFile && platform.path.basename(f.path) === AUTH_NAME);
  return {
    config,
    sourceFile: loaded.file,
    configText,
    authText: auth?.after ?? null,
    rendered: renderLiteLLMObject(config, loaded.presets),
    env: secretEnv(session, masterKey),
    warnings: session.keyWarnings,
    resolve: (ref) => resolveKeyRef(ref, session.ctx.secrets, platform.env),
  };
}

/**
 * The master key is generated on first need; an export saves it like a sync does, so the laptop's
 * proxy and the exported gateway accept the same key. One stored meanwhile by another llmctl wins.
 */
async function keepMasterKey(session: SyncSession): Promise<string> {
  const name = secretNameOf(masterKeyRef(session.ctx.config))!;
  const key = session.ctx.masterKey;
  return SecretStore.update(session.ctx.paths.secrets, (store) => {
    const stored = store.get(name);
    if (stored !== undefined) return stored;
    store.set(name, key);
    return key;
  });
}

/**
 * The key variables of `serve`'s LiteLLM command (src/proxy/runner.ts builds it), and nothing of the
 * machine it runs on: a container has its own PATH, HOME and proxy settings.
 */
function secretEnv(session: SyncSession, masterKey: string): Record<string, string> {
  const { config, secrets, platform } = session.ctx;
  const cmd = proxyCommand('litellm', {
    configFile: CONFIG_NAME,
    host: '0.0.0.0',
    port: config.proxy.port,
    config,
    secrets,
    baseEnv: platform.env,
    masterKey,
  });
  const names = new Set([
    MASTER_KEY_ENV,
    ...keyRefsInConfig(config).map((u) => envNameFor(u.ref)),
    ...osEnvironNamesInConfig(config),
  ]);
  const out: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const v = cmd.env[name];
    if (v !== undefined && v !== '') out[name] = v;
  }
  return out;
}
