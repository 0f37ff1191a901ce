import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Paths } from '../platform/paths.js';
import type { LlmctlConfig } from '../config/schema.js';
import type { Say } from '../proxy/fingerprint.js';
import { readPidFile, type PidRecord } from '../proxy/pidfile.js';
import { proxyStatus, type ProxyStatus } from '../proxy/status.js';
import type { SecretStore } from '../secrets/store.js';

/**
 * Several LiteLLM instances from one llmctl.yaml on one machine: `serve --instance NAME --port P`.
 * The main proxy keeps `proxy.pid` and the address in llmctl.yaml (the tools point at it); each named
 * instance has its own pid file (instances/NAME.pid) and log (logs/proxy-NAME.log), the same LiteLLM
 * config and keys, and never moves the tools. Named rather than keyed by port: the main proxy's port
 * can change (`serve --port`), a name stays what the user called it.
 */
export const INSTANCE_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function instancesDir(paths: Paths): string {
  return path.join(paths.home, 'instances');
}

export function checkInstanceName(name: string): void {
  if (!INSTANCE_NAME.test(name))
    throw new LlmctlError(t('scale.instance.badName', { name }), { hint: t('scale.instance.badNameHint') });
}

/** The paths of instance NAME: only the pid file differs from the main proxy's. */
export function instancePaths(paths: Paths, name: string): Paths {
  checkInstanceName(name);
  return { ...paths, pidFile: path.join(instancesDir(paths), `${name}.pid`) };
}

export function instanceLogFile(paths: Paths, name: string): string {
  return path.join(paths.logs, `proxy-${name}.log`);
}

export interface InstanceEntry {
  name: string;
  pidFile: string;
  rec?: PidRecord;
}

/** Every named instance with a pid file, by name. */
export async function listInstances(paths: Paths): Promise<InstanceEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(instancesDir(paths));
  } catch {
    return [];
  }
  const out: InstanceEntry[] = [];
  for (const f of names.filter((n) => n.endsWith('.pid')).sort()) {
    const name = f.slice(0, -'.pid'.length);
    if (!INSTANCE_NAME.test(name)) continue;
    const pidFile = path.join(instancesDir(paths), f);
    const rec = await readPidFile(pidFile);
    out.push({ name, pidFile, ...(rec ? { rec } : {}) });
  }
  return out;
}

/**
 * `status` of each named instance that has a pid file: its own address is what it should listen on
 * (not llmctl.yaml's), everything else (config, keys) is compared as for the main proxy.
 */
export async function instanceStatuses(
  paths: Paths,
  config: LlmctlConfig,
  secrets: SecretStore | undefined,
  say: Say,
): Promise<(ProxyStatus & { name: string })[]> {
  const out: (ProxyStatus & { name: string })[] = [];
  for (const i of await listInstances(paths)) {
    if (!i.rec) continue;
    const own = { ...config, proxy: { ...config.proxy, host: i.rec.host, port: i.rec.port } };
    out.push({ name: i.name, ...(await proxyStatus(instancePaths(paths, i.name), own, secrets, say)) });
  }
  return out;
}
