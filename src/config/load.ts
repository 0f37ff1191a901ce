import { promises as fs } from 'node:fs';
import type { Document } from 'yaml';
import { cacheKey, readCache, writeCache } from '../fs/cache.js';
import { llmctlVersion } from '../version.js';
import { LlmctlError, isNodeError, type Problem } from '../errors.js';
import { currentLocale, t } from '../i18n/index.js';
import { formatPath, parseYamlLocated, positionIndex, type LocatedYaml } from './locate.js';
import { loadPresets, presetsFromCache, presetsSource, type Preset } from './presets.js';
import type { RuleProblem } from './rules.js';
import type { LlmctlConfig } from './schema.js';

export interface LoadedConfig {
  file: string;
  text: string;
  config: LlmctlConfig;
  /** The parsed document, for edits that keep the user's comments. */
  doc: Document;
  presets: Map<string, Preset>;
  warnings: Problem[];
  /** file:line:col of a field path, for errors found after loading (missing secrets…). */
  at(path: readonly PropertyKey[]): Pick<Problem, 'file' | 'line' | 'col' | 'path'>;
}

export interface Validation {
  config?: LlmctlConfig;
  doc: Document;
  /** Positions of the fields near the top (see positionIndex), for the cache. */
  positions?: () => Record<string, [number, number]>;
  at(path: readonly PropertyKey[]): Pick<Problem, 'file' | 'line' | 'col' | 'path'>;
  errors: Problem[];
  warnings: Problem[];
}

type PlaceOf = (p: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'col'>;

/** Validates llmctl.yaml text; every problem at once, each with file:line:col and field path. */
export async function validateConfigText(
  text: string,
  file: string,
  presets?: Map<string, Preset>,
): Promise<Validation> {
  // zod and the rules load only when a file is really validated (not on a cache hit).
  const [{ ConfigSchema }, { runRules }] = await Promise.all([import('./schema.js'), import('./rules.js')]);
  const { doc, lineCounter, at: atPath, errors: syntax } = parseYamlLocated(text, file, { uniqueKeys: true });
  const at: PlaceOf = (path) => {
    const { path: _p, ...place } = atPath(path);
    return place;
  };
  const refused = (errors: Problem[]): Validation => ({ doc, at: atPath, warnings: [], errors });

  if (syntax.length) return refused(syntaxProblems(syntax));
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refused([notAMapping(file)]);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success)
    return refused(parsed.error.issues.map((issue) => zodProblem(issue, raw as Record<string, unknown>, at)));

  const problems = ruleProblems(runRules(parsed.data, presets ?? (await loadPresets())), at);
  const strip = ({ severity: _s, ...p }: Problem & { severity: string }): Problem => p;
  return {
    config: parsed.data,
    doc,
    positions: () => positionIndex(doc, lineCounter),
    at: atPath,
    errors: problems.filter((p) => p.severity === 'error').map(strip),
    warnings: problems.filter((p) => p.severity === 'warning').map(strip),
  };
}

function syntaxProblems(syntax: Problem[]): Problem[] {
  return syntax.map((e) => ({
    ...e,
    message: t('config.notYaml', { message: e.message }),
    hint: t('config.notYamlHint'),
  }));
}

function notAMapping(file: string): Problem {
  return {
    file,
    line: 1,
    col: 1,
    message: t('config.notMapping'),
    hint: t('config.notMappingHint'),
  };
}

/** The rules' findings, placed in the file. */
function ruleProblems(found: RuleProblem[], at: PlaceOf): (Problem & { severity: RuleProblem['severity'] })[] {
  return found.map((r) => ({
    ...at(r.pathSegments),
    path: formatPath(r.pathSegments),
    message: r.message,
    ...(r.hint ? { hint: r.hint } : {}),
    severity: r.severity,
  }));
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

function zodProblem(issue: ZodIssueLike, raw: Record<string, unknown>, at: PlaceOf): Problem {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const path = [...issue.path, issue.keys[0]!];
    return {
      ...at(path),
      path: formatPath(path),
      message: t('config.unknownFields', {
        n: issue.keys.length,
        fields: issue.keys.map((k) => `"${k}"`).join(', '),
      }),
      hint: t('config.unknownFieldsHint'),
    };
  }
  const value = getIn(raw, issue.path);
  const missing = value === undefined;
  const path = issue.path;
  let message = zodMessage(issue, value);
  let hint: string | undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    message = t('config.missingField');
    const field = String(path[path.length - 1]);
    hint = t('config.missingFieldHint', {
      field,
      ...(issue.values?.length === 1 ? { value: JSON.stringify(issue.values[0]) } : {}),
    });
  } else if (issue.code === 'invalid_value' && issue.values) {
    hint = t('config.useOneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
  } else if (issue.code === 'invalid_type' && issue.expected) {
    hint = t('config.writeTypeHere', { expected: issue.expected });
  }
  // An empty file has no node to point at: its first line is the place.
  const place = at(path);
  return {
    ...place,
    ...(place.line === undefined ? { line: 1, col: 1 } : {}),
    path: formatPath(path),
    message,
    ...(hint ? { hint } : {}),
  };
}

/**
 * zod's issue in the user's language. English keeps zod's own message (see src/i18n/en/config.ts);
 * the formats llmctl defines carry llmctl's own message (src/config/schema.ts).
 */
function zodMessage(issue: ZodIssueLike, value: unknown): string {
  const zod = issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return t('config.zod.invalidType', { zod, expected: issue.expected ?? '', received: kindOf(value) });
    case 'invalid_value':
      return t('config.zod.invalidValue', {
        zod,
        values: (issue.values ?? []).map((v) => JSON.stringify(v)).join(', '),
      });
    case 'too_small':
      return t('config.zod.tooSmall', {
        zod,
        origin: issue.origin ?? '',
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive !== false,
      });
    case 'too_big':
      return t('config.zod.tooBig', {
        zod,
        origin: issue.origin ?? '',
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive !== false,
      });
    case 'invalid_format':
      // Every format in schema.ts (a key reference, a URL) has llmctl's own message, in the user's language.
      return zod;
    default:
      return t('config.zod.other', { zod });
  }
}

/** The type names zod uses for what it received. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function getIn(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

interface CachedValidation {
  config: LlmctlConfig;
  warnings: Problem[];
  presets: Preset[];
  /**
   * Where the fields near the top are: a warning after a cache hit (a key's env var unset…) is placed without parsing.
   */
  positions: Record<string, [number, number]>;
}

/**
 * Reads and validates llmctl.yaml; throws one LlmctlError listing every problem.
 * With a cache folder, a file that validated before (same bytes, same presets, same llmctl) is not
 * parsed again: its YAML document is only built if something asks for a position (`at`, `doc`).
 */
export async function loadConfig(file: string, options: { cacheDir?: string } = {}): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') {
      throw new LlmctlError(t('config.notFound', { file }), { hint: t('config.notFoundHint') });
    }
    throw new LlmctlError(t('config.cannotRead', { file, code: isNodeError(e) ? String(e.code) : String(e) }), {
      hint: t('config.cannotReadHint'),
    });
  }
  // The cached warnings are text in the user's language: a run in another language must not reuse them.
  const key = cacheKey('config', llmctlVersion(), file, text, presetsSource(), currentLocale());
  const hit = readCache<CachedValidation>(options.cacheDir, 'config', key);
  if (hit) return lazyLoaded(file, text, hit, presetsFromCache(hit.presets));

  const presets = await loadPresets();
  const v = await validateConfigText(text, file, presets);
  if (v.errors.length || !v.config) {
    throw new LlmctlError(t('config.hasProblems', { file, n: v.errors.length }), {
      problems: v.errors,
      hint: t('config.hasProblemsHint'),
    });
  }
  // Built only if a real sync saves the cache (the position index is ~1000 entries for 200 models).
  const entry = (): CachedValidation => ({
    config: v.config!,
    warnings: v.warnings,
    presets: [...presets.values()],
    positions: v.positions?.() ?? {},
  });
  writeCache(options.cacheDir, 'config', key, entry);
  return { file, text, config: v.config, doc: v.doc, presets, warnings: v.warnings, at: v.at };
}

function lazyLoaded(file: string, text: string, hit: CachedValidation, presets: Map<string, Preset>): LoadedConfig {
  // Positions come from the cached index; anything else (a missing key's closest parent, a deep
  // field, the document for an edit) parses the file then, synchronously.
  let parsed: LocatedYaml | undefined;
  const get = () => (parsed ??= parseYamlLocated(text, file));
  return {
    file,
    text,
    config: hit.config,
    presets,
    warnings: [...hit.warnings],
    get doc() {
      return get().doc;
    },
    at: (path) => {
      const p = formatPath(path);
      const known = hit.positions?.[p];
      return known ? { file, line: known[0], col: known[1], path: p } : get().at(path);
    },
  };
}
