import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { SecretStore, maskSecret } from '../secrets/store.js';
import { log, color } from '../ui/log.js';
import { readTextIfExists } from '../fs/atomic.js';

interface Options {
  json?: boolean;
}

export async function run(ctx: Context, opts: Options): Promise<number> {
  const store = await SecretStore.open(ctx.paths.secrets);
  const usedBy = await usage(ctx);
  const rows = store
    .names()
    .map((name) => ({ name, masked: maskSecret(store.get(name)!), usedBy: usedBy.get(name) ?? [] }));
  if (opts.json || ctx.globals.json) {
    log.json({ file: ctx.paths.secrets, keys: rows });
    return 0;
  }
  if (!rows.length) {
    log.info(t('commands.keysList.none'));
    return 0;
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const usedBy = r.usedBy.length ? r.usedBy.join(', ') : color.dim(t('commands.keysList.notUsed'));
    log.out(`${r.name.padEnd(w)}  ${r.masked.padEnd(10)}  ${usedBy}`);
  }
  return 0;
}

/** secret name → the places in llmctl.yaml that reference it (best effort: a broken config lists none). */
export async function usage(ctx: Context): Promise<Map<string, string[]>> {
  // Usage is a convenience for the list: an llmctl.yaml that does not parse shows none.
  return (await knownUsage(ctx)) ?? new Map();
}

/** Which settings use each stored key; null when llmctl.yaml exists but does not parse (unknown). */
export async function knownUsage(ctx: Context): Promise<Map<string, string[]> | null> {
  const m = new Map<string, string[]>();
  const text = await readTextIfExists(ctx.paths.config);
  if (text === null) return m;
  try {
    const { validateConfigText } = await import('../config/load.js');
    const { keyRefsInConfig, secretNameOf } = await import('../secrets/refs.js');
    const { masterKeyRef } = await import('../config/master-key.js');
    const v = await validateConfigText(text, ctx.paths.config);
    if (!v.config) return null;
    const refs = keyRefsInConfig(v.config);
    if (!v.config.proxy.masterKey)
      refs.push({ ref: masterKeyRef(v.config), usedBy: 'proxy.masterKey', path: ['proxy', 'masterKey'] });
    // Open WebUI's session key is no reference: the openwebui target generates and reads it.
    if (v.config.tools.openwebui.enabled) {
      const { WEBUI_SECRET_NAME } = await import('../targets/openwebui.js');
      refs.push({ ref: `secret:${WEBUI_SECRET_NAME}`, usedBy: 'tools.openwebui', path: ['tools', 'openwebui'] });
    }
    for (const { ref, usedBy } of refs) {
      const name = secretNameOf(ref);
      if (!name) continue;
      m.set(name, [...(m.get(name) ?? []), usedBy]);
    }
  } catch {
    return null;
  }
  return m;
}
