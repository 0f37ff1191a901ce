import { clientSecretName } from '../config/clients.js';
import { generateMasterKey } from '../secrets/store.js';
import type { Draft } from './draft.js';

/**
 * The chat UI in `init` (`--webui`, or Open WebUI ticked in the wizard's tool list): tools.openwebui on,
 * and its client (`proxy.clients.openwebui`) with a key of its own, generated like `keys client add`
 * does (stored as client-NAME) — never the master key. An existing client keeps its key.
 */
export function enableWebui(draft: Draft): void {
  const tools = (draft.config.tools ??= {});
  const name = tools.openwebui?.client ?? 'openwebui';
  const proxy = (draft.config.proxy ??= {});
  const clients = (proxy.clients ??= {});
  if (!clients[name]) {
    clients[name] = { key: `secret:${clientSecretName(name)}` };
    draft.secrets[clientSecretName(name)] = generateMasterKey();
  }
  tools.openwebui = { ...(tools.openwebui ?? {}), enabled: true };
}

/** Unticked in the wizard: off again (its client and key stay; `keys client rm` removes them). */
export function disableWebui(draft: Draft): void {
  const tools = draft.config.tools;
  if (tools?.openwebui?.enabled) tools.openwebui = { ...tools.openwebui, enabled: false };
}
