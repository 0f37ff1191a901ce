import { setConfigValues, writeConfigLocked } from '../config/write.js';
import type { Paths } from '../platform/paths.js';
import { readTextIfExists } from '../fs/atomic.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * Records a new proxy address in llmctl.yaml, editing the parsed document so the user's comments and
 * order survive; only proxy.host / proxy.port change. Returns whether the file changed.
 */
export function setProxyAddress(text: string, change: { host?: string; port?: number }): string {
  return setConfigValues(text, [
    ...(change.host !== undefined ? [[['proxy', 'host'], change.host] as [string[], unknown]] : []),
    ...(change.port !== undefined ? [[['proxy', 'port'], change.port] as [string[], unknown]] : []),
  ]);
}

export async function recordProxyAddress(
  paths: Paths,
  file: string,
  change: { host?: string; port?: number },
): Promise<boolean> {
  const before = await readTextIfExists(file);
  if (before === null)
    throw new LlmctlError(t('proxy.serve.configMissing', { file }), { hint: t('proxy.serve.configMissingHint') });
  const r = await writeConfigLocked(
    paths,
    file,
    (current) => setProxyAddress(current ?? before, change),
    'serve: proxy address', // i18n-ignore: the backup's reason, kept in its manifest
  );
  return r.written;
}
