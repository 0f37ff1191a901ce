import { readTextIfExists } from '../fs/atomic.js';
import { t } from '../i18n/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { listenError } from '../proxy/runner.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { openwebuiFiles } from '../targets/openwebui.js';
import { installedWebuiVersion } from '../webui/install.js';
import { parseEnvFile, runningWebui, type WebuiRecord } from '../webui/run.js';
import { noConfig } from './checks.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip, warn } from './types.js';

/**
 * Open WebUI (tools.openwebui), each SKIP unless llmctl.yaml enables it: installed (and its version),
 * its env file pointing at the proxy with a client key that exists (never the master key), its port
 * free or held by the Open WebUI llmctl started, and the persistent-config trap: with
 * ENABLE_PERSISTENT_CONFIG true, the settings saved in webui.db win over the env file after the first
 * boot, so a moved proxy or a new key would silently not reach it.
 */
export interface WebuiFacts {
  version?: string;
  envText: string | null;
  running?: WebuiRecord;
  portFree: boolean;
  dbExists: boolean;
}

const SYNC = 'llmctl sync --only openwebui'; // i18n-ignore: a command

export async function webuiChecks(f: Facts): Promise<Check[]> {
  if (!f.config?.tools.openwebui.enabled) {
    const why = f.config ? t('webui.doctor.notEnabled') : noConfig(f);
    const titles = [
      ['installed', t('webui.doctor.installedTitle')],
      ['env', t('webui.doctor.envTitle')],
      ['port', t('webui.doctor.portTitle')],
      ['persistent', t('webui.doctor.persistentTitle')],
    ] as const;
    return titles.map(([w, title]) => skip(`webui.${w}`, title, why));
  }
  const files = openwebuiFiles(f.platform, f.paths);
  const running = await runningWebui(f.platform, f.paths);
  const port = f.config.tools.openwebui.port;
  const wf: WebuiFacts = {
    envText: await readTextIfExists(files.env),
    portFree: running?.port === port || !(await listenError(f.config.proxy.host, port)),
    dbExists: f.platform.exists(f.platform.path.join(files.data, 'webui.db')),
    ...(running ? { running } : {}),
  };
  const version = installedWebuiVersion(f.platform, f.paths);
  if (version) wf.version = version;
  return webuiChecksOf(f, wf);
}

/** The checks over gathered facts: pure, for tests. */
export function webuiChecksOf(f: Facts, wf: WebuiFacts): Check[] {
  return [installedCheck(f, wf), envCheck(f, wf), portCheck(f, wf), persistentCheck(f, wf)];
}

function installedCheck(f: Facts, wf: WebuiFacts): Check {
  const id = 'webui.installed';
  const title = t('webui.doctor.installedTitle');
  const venv = openwebuiFiles(f.platform, f.paths).venv;
  // i18n-ignore: a command
  if (!wf.version) return warn(id, title, t('webui.doctor.notInstalled', { venv }), 'llmctl webui install');
  return pass(id, title, t('webui.doctor.installed', { version: wf.version, venv }));
}

function envCheck(f: Facts, wf: WebuiFacts): Check {
  const id = 'webui.env';
  const title = t('webui.doctor.envTitle');
  const file = openwebuiFiles(f.platform, f.paths).env;
  const config = f.config!;
  const name = config.tools.openwebui.client;
  const client = config.proxy.clients?.[name];
  // i18n-ignore: a command
  if (!client) return fail(id, title, t('webui.client.missing', { name }), `llmctl keys client add ${name}`);
  if (wf.envText === null) return fail(id, title, t('webui.doctor.noEnv', { file }), SYNC);
  const env = parseEnvFile(wf.envText);
  const want = `${proxyRoot(config)}/v1`;
  if (env.OPENAI_API_BASE_URL !== want)
    return fail(id, title, t('webui.doctor.wrongBase', { file, got: env.OPENAI_API_BASE_URL ?? '-', want }), SYNC);
  const key = f.secrets ? resolveKeyRef(client.key, f.secrets, f.platform.env) : undefined;
  if (env.OPENAI_API_KEY && env.OPENAI_API_KEY === f.masterKey)
    return fail(id, title, t('webui.doctor.masterKey', { file }), SYNC);
  if (!key || env.OPENAI_API_KEY !== key) return fail(id, title, t('webui.doctor.wrongKey', { file, name }), SYNC);
  return pass(id, title, t('webui.doctor.envOk', { file, url: want, name }));
}

function portCheck(f: Facts, wf: WebuiFacts): Check {
  const id = 'webui.port';
  const title = t('webui.doctor.portTitle');
  const port = f.config!.tools.openwebui.port;
  if (wf.running && wf.running.port === port)
    return pass(id, title, t('webui.doctor.portOurs', { port, pid: wf.running.pid }));
  if (wf.portFree) return pass(id, title, t('webui.doctor.portFree', { port }));
  return fail(id, title, t('webui.doctor.portTaken', { port }), t('webui.doctor.portFix'));
}

function persistentCheck(f: Facts, wf: WebuiFacts): Check {
  const id = 'webui.persistent';
  const title = t('webui.doctor.persistentTitle');
  if (wf.envText === null) return skip(id, title, t('webui.doctor.noEnvYet'));
  const value = parseEnvFile(wf.envText).ENABLE_PERSISTENT_CONFIG;
  if (value?.toLowerCase() !== 'false') {
    const found = t(wf.dbExists ? 'webui.doctor.persistentOnDb' : 'webui.doctor.persistentOn', {
      value: value ?? '-',
    });
    return (wf.dbExists ? fail : warn)(id, title, found, SYNC);
  }
  return pass(id, title, t('webui.doctor.persistentOff'));
}
