import { createHash, randomBytes } from 'node:crypto';
import type { LlmctlConfig } from '../config/schema.js';
import { readTextIfExists } from '../fs/atomic.js';
import { t, type tEn } from '../i18n/index.js';
import { MASTER_KEY_ENV, envNameFor, parseKeyRef, resolveKeyRef } from '../secrets/refs.js';
import type { SecretStore } from '../secrets/store.js';
import { AUTH_MODULE } from './endpoint.js';

/**
 * What a proxy started from, kept in proxy.pid so `sync`, `status` and `doctor` can tell whether the
 * running LiteLLM still matches the files on disk (LiteLLM reads its config only at start). Keys are
 * never stored: each one is a salted SHA-256 (16 hex digits) under its variable name, enough to tell
 * that a key changed and useless to recover a high-entropy API key from a world-readable pid file.
 */
export interface ProxyFingerprint {
  /** SHA-256 of the LiteLLM config file. */
  config: string;
  /** SHA-256 of llmctl_auth.py beside it; null when there is none. */
  auth: string | null;
  /** Salted hash per key variable llmctl put in the proxy's environment. */
  keys: Record<string, string>;
  salt: string;
}

/** The command that loads the current config into a running proxy (status, doctor and sync name it). */
export const RESTART_COMMAND = 'llmctl serve --restart'; // i18n-ignore: a command line

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const keyHash = (salt: string, name: string, value: string) => sha256(`${salt}\0${name}\0${value}`).slice(0, 16);

/** llmctl_auth.py beside the config (where LiteLLM imports it from), with the config path's separators. */
export function authFileFor(configFile: string): string {
  const base = configFile.split(/[\\/]/).pop() ?? configFile;
  return `${configFile.slice(0, configFile.length - base.length)}${AUTH_MODULE}.py`;
}

/** The key variables a proxy for this config gets: provider keys and the master key, by variable name. */
export function keyVariables(
  config: LlmctlConfig,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
  masterKey: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of Object.values(config.providers)) {
    if (!p.apiKey) continue;
    const v = resolveKeyRef(p.apiKey, secrets, env);
    if (v !== undefined) out[envNameFor(p.apiKey)] = v;
  }
  if (masterKey) out[MASTER_KEY_ENV] = masterKey;
  return out;
}

export async function fingerprint(
  configFile: string,
  keys: Record<string, string>,
  salt = randomBytes(8).toString('hex'),
): Promise<ProxyFingerprint> {
  const config = sha256((await readTextIfExists(configFile)) ?? '');
  const authText = await readTextIfExists(authFileFor(configFile));
  return {
    config,
    auth: authText === null ? null : sha256(authText),
    keys: Object.fromEntries(
      Object.entries(keys)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, keyHash(salt, k, v)]),
    ),
    salt,
  };
}

export interface RunningFrom {
  host: string;
  port: number;
  configFile: string;
  fingerprint?: ProxyFingerprint;
}

export interface Wanted {
  host: string;
  port: number;
  configFile: string;
  config: LlmctlConfig;
  keys: Record<string, string>;
  /** Where `env:` keys come from; a variable unset here is not compared (another shell may set it). */
  env: NodeJS.ProcessEnv;
}

/**
 * How a message is put in words: `t` (the user's language) for what a human reads, `tEn` for data
 * (`--json` stays English).
 */
export type Say = typeof tEn;

/**
 * Why the running proxy is not what the files on disk (and the keys) would start now; empty when it is.
 * Each reason is a short phrase a user can act on.
 */
export async function staleReasons(running: RunningFrom, wanted: Wanted, say: Say = t): Promise<string[]> {
  const reasons: string[] = [];
  if (running.host !== wanted.host || running.port !== wanted.port)
    reasons.push(
      say('proxy.stale.address', {
        running: `${running.host}:${running.port}`,
        wanted: `${wanted.host}:${wanted.port}`,
      }),
    );
  if (running.configFile !== wanted.configFile)
    reasons.push(say('proxy.stale.configFile', { running: running.configFile, wanted: wanted.configFile }));
  const was = running.fingerprint;
  if (!was) return [...reasons, say('proxy.stale.unrecorded')];
  const now = await fingerprint(wanted.configFile, wanted.keys, was.salt);
  if (running.configFile === wanted.configFile && now.config !== was.config)
    reasons.push(say('proxy.stale.configChanged'));
  if (now.auth !== was.auth) reasons.push(say('proxy.stale.changed', { what: `${AUTH_MODULE}.py` }));
  const changed = changedKeys(was.keys, now.keys, wanted, say);
  if (changed.length) reasons.push(say('proxy.stale.changed', { what: changed.join(say('proxy.join.list')) }));
  return reasons;
}

/** Names the keys whose hash differs, as the user knows them (provider name, "the master key"). */
function changedKeys(was: Record<string, string>, now: Record<string, string>, wanted: Wanted, say: Say): string[] {
  const envVars = new Set(
    Object.values(wanted.config.providers)
      .filter((p) => p.apiKey && parseKeyRef(p.apiKey).kind === 'env')
      .map((p) => envNameFor(p.apiKey!)),
  );
  const label = (v: string) => {
    if (v === MASTER_KEY_ENV) return say('proxy.key.master');
    const provider = Object.entries(wanted.config.providers).find(
      ([, p]) => p.apiKey && envNameFor(p.apiKey) === v,
    )?.[0];
    return provider ? say('proxy.key.ofProvider', { provider }) : say('proxy.key.variable', { name: v });
  };
  const out: string[] = [];
  for (const v of new Set([...Object.keys(was), ...Object.keys(now)])) {
    // An env: key unset in this shell may well be set in the one that started the proxy.
    if ((envVars.has(v) || v === MASTER_KEY_ENV) && now[v] === undefined && !wanted.env[v]) continue;
    if (was[v] !== now[v]) out.push(label(v));
  }
  return out;
}

/** env: keys the running proxy has but this shell does not set: a restart from here would lose them. */
export function keysMissingHere(running: RunningFrom, wanted: Wanted): string[] {
  const have = running.fingerprint?.keys ?? {};
  return Object.values(wanted.config.providers)
    .filter((p) => p.apiKey && parseKeyRef(p.apiKey).kind === 'env')
    .map((p) => envNameFor(p.apiKey!))
    .filter((v) => have[v] !== undefined && !wanted.env[v]);
}
