import { yaml } from '../deps.js';
import { writeConfigLocked } from '../config/write.js';
import type { Paths } from '../platform/paths.js';
import { readTextIfExists } from '../fs/atomic.js';
import { LlmctlError } from '../errors.js';

/**
 * Records a new proxy address in llmctl.yaml, editing the parsed document so the user's comments and
 * order survive; only proxy.host / proxy.port change. Returns whether the file changed.
 */
export function setProxyAddress(text: string, change: { host?: string; port?: number }): string {
  const doc = yaml().parseDocument(text);
  if (change.host !== undefined) doc.setIn(['proxy', 'host'], change.host);
  if (change.port !== undefined) doc.setIn(['proxy', 'port'], change.port);
  return doc.toString({ lineWidth: 0 });
}

export async function recordProxyAddress(paths: Paths, file: string, change: { host?: string; port?: number }): Promise<boolean> {
  const before = await readTextIfExists(file);
  if (before === null) throw new LlmctlError(`${file} does not exist`, { hint: 'run `llmctl init` (or `llmctl import litellm FILE`) first' });
  const r = await writeConfigLocked(paths, file, setProxyAddress(before, change), 'serve: proxy address');
  return r.written;
}
