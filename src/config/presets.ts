import { readFileSync } from 'node:fs';
import { yaml } from '../deps.js';
import { packageFile } from '../version.js';

export interface Preset {
  id: string;
  name: string;
  nameZh?: string;
  prefix: string;
  apiBase?: string;
  /** Write api_base into the LiteLLM config even when the user did not set one. */
  emitApiBase: boolean;
  apiBaseHint?: string;
  needsKey: boolean;
  keyEnv: string;
  continueProvider: string;
  /** Path under apiBase that lists models (default /models). */
  modelsPath: string;
  /** A model server people run themselves (vLLM, TGI, Ollama, custom): several instances, checked by doctor. */
  server: boolean;
  /** Its base URL ends in /v1 (an OpenAI-compatible server). */
  v1: boolean;
  docs: string;
  notes?: string;
  uncertain?: string;
}

export const PRESETS_FILE = packageFile('templates', 'presets.yaml');

let cache: Map<string, Preset> | undefined;
let presetsText: string | undefined;

/** The presets file's text (part of every cache key that depends on presets). */
export function presetsSource(): string {
  presetsText ??= readFileSync(PRESETS_FILE, 'utf8');
  return presetsText;
}

/** Presets are parsed on first use only (commands that never need them never pay for them). */
export async function loadPresets(): Promise<Map<string, Preset>> {
  return presetsNow();
}

/** The same, synchronously: for `init --help`, which commander renders without awaiting. */
export function presetsNow(): Map<string, Preset> {
  if (cache) return cache;
  const { parse } = yaml();
  const raw = parse(presetsSource()) as Record<string, Record<string, unknown>>;
  cache = new Map(Object.entries(raw).map(([id, p]) => [id, toPreset(id, p)]));
  return cache;
}

/** Presets from a cache entry (already in Preset shape). */
export function presetsFromCache(list: Preset[]): Map<string, Preset> {
  cache ??= new Map(list.map((p) => [p.id, p]));
  return cache;
}

function toPreset(id: string, p: Record<string, unknown>): Preset {
  return {
    id,
    name: String(p.name),
    ...(p.nameZh ? { nameZh: String(p.nameZh) } : {}),
    prefix: String(p.prefix),
    ...(p.apiBase ? { apiBase: String(p.apiBase) } : {}),
    emitApiBase: p.emitApiBase === true,
    ...(p.apiBaseHint ? { apiBaseHint: String(p.apiBaseHint) } : {}),
    needsKey: p.needsKey !== false,
    keyEnv: String(p.keyEnv),
    continueProvider: String(p.continueProvider ?? 'openai'),
    modelsPath: String(p.modelsPath ?? '/models'),
    server: p.server === true,
    v1: p.v1 === true,
    docs: String(p.docs),
    ...(p.notes ? { notes: String(p.notes) } : {}),
    ...(p.uncertain ? { uncertain: String(p.uncertain) } : {}),
  };
}

export function presetLabel(p: Preset): string {
  return p.nameZh ? `${p.name} (${p.nameZh})` : p.name;
}
