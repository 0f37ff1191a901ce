import { promises as fs } from 'node:fs';
import type { Document } from 'yaml';
import { cacheKey, readCache, writeCache } from '../fs/cache.js';
import { llmctlVersion } from '../version.js';
import { LlmctlError, isNodeError, type Problem } from '../errors.js';
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
    message: `not valid YAML: ${e.message}`,
    hint: 'fix the YAML syntax (indentation, quotes, colons) at that place',
  }));
}

function notAMapping(file: string): Problem {
  return {
    file,
    line: 1,
    col: 1,
    message: 'llmctl.yaml must be a mapping (key: value)',
    hint: 'start from `llmctl init` or the README example',
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
}

function zodProblem(issue: ZodIssueLike, raw: Record<string, unknown>, at: PlaceOf): Problem {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const path = [...issue.path, issue.keys[0]!];
    return {
      ...at(path),
      path: formatPath(path),
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      hint: 'check the spelling; the editor completes fields when the $schema line is at the top of the file',
    };
  }
  const missing = getIn(raw, issue.path) === undefined;
  const path = issue.path;
  let message = issue.message;
  let hint: string | undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    message = `required field is missing`;
    hint = `add ${String(path[path.length - 1])}:${issue.values?.length === 1 ? ` ${JSON.stringify(issue.values[0])}` : ''}`;
  } else if (issue.code === 'invalid_value' && issue.values) {
    hint = `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'invalid_type' && issue.expected) {
    hint = `write a ${issue.expected} here`;
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
  /** Where the fields near the top are: a warning after a cache hit (a key's env var unset…) is placed without parsing. */
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
      throw new LlmctlError(`no llmctl config at ${file}`, {
        hint: 'run `llmctl init` (or `llmctl import litellm FILE`) to create one, or pass --config FILE',
      });
    }
    throw new LlmctlError(`cannot read ${file}: ${isNodeError(e) ? e.code : String(e)}`, {
      hint: 'check the file permissions',
    });
  }
  const key = cacheKey('config', llmctlVersion(), file, text, presetsSource());
  const hit = readCache<CachedValidation>(options.cacheDir, 'config', key);
  if (hit) return lazyLoaded(file, text, hit, presetsFromCache(hit.presets));

  const presets = await loadPresets();
  const v = await validateConfigText(text, file, presets);
  if (v.errors.length || !v.config) {
    throw new LlmctlError(`${file} has ${v.errors.length} problem${v.errors.length === 1 ? '' : 's'}`, {
      problems: v.errors,
      hint: 'fix them and run the command again; nothing was changed',
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
