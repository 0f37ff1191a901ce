import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { color } from '../ui/log.js';
import { runningWebui } from './run.js';

/** Open WebUI in `llmctl status` (and its --json): up with its URL and pid, or down. */
export interface WebuiStatus {
  state: 'up' | 'down';
  url?: string;
  pid?: number;
}

export async function webuiStatus(
  platform: Platform,
  paths: Paths,
  enabled: boolean,
): Promise<WebuiStatus | undefined> {
  const rec = await runningWebui(platform, paths);
  if (rec) return { state: 'up', url: rec.url, pid: rec.pid };
  return enabled ? { state: 'down' } : undefined;
}

export function webuiStatusLine(s: WebuiStatus): string {
  const label = t('webui.status.label').padEnd(9);
  if (s.state === 'up') return `${label} ${color.ok(t('webui.status.running', { url: s.url!, pid: s.pid! }))}`;
  return `${label} ${color.dim(t('webui.status.down'))}`;
}
