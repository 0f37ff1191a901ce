import path from 'node:path';
import { readTextIfExists } from '../fs/atomic.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { composeProject, KEPT_SECRETS, type ComposeOptions } from './compose.js';
import { loadGateway, type Gateway } from './gateway.js';
import { helmProject, type HelmOptions } from './helm.js';
import { writeProject, type WriteResult } from './project.js';
import type { Problem } from '../errors.js';

export interface ExportResult extends WriteResult {
  notes: string[];
  warnings: Problem[];
}

export const DEFAULT_COMPOSE_DIR = 'llmctl-gateway';
export const DEFAULT_HELM_DIR = 'llmctl-helm';

/** `llmctl export compose`: reads llmctl.yaml like `serve`, writes the compose project into `out`. */
export async function exportCompose(
  platform: Platform,
  paths: Paths,
  o: ComposeOptions & { out?: string },
): Promise<ExportResult> {
  const g = await loadGateway(platform, paths);
  const dir = path.resolve(o.out ?? DEFAULT_COMPOSE_DIR);
  const existing: Record<string, string | null> = {};
  for (const rel of KEPT_SECRETS) existing[rel] = await readTextIfExists(path.join(dir, ...rel.split('/')));
  const webui = o.webui ?? g.config.tools.openwebui.enabled;
  const { files, notes } = composeProject(g, { ...o, webui }, existing);
  return finish(g, await writeProject(paths, dir, 'compose', files, Boolean(o.force)), notes);
}

/** `llmctl export helm-values`: values for LiteLLM's chart and the Secret they name. */
export async function exportHelm(
  platform: Platform,
  paths: Paths,
  o: HelmOptions & { out?: string },
): Promise<ExportResult> {
  const g = await loadGateway(platform, paths);
  const { files, notes } = helmProject(g, o);
  const dir = path.resolve(o.out ?? DEFAULT_HELM_DIR);
  return finish(g, await writeProject(paths, dir, 'helm', files, Boolean(o.force)), notes);
}

function finish(g: Gateway, r: WriteResult, notes: string[]): ExportResult {
  return { ...r, notes, warnings: g.warnings };
}
