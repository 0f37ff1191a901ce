/**
 * The structural rules of Continue's config.yaml (schema v1) that llmctl can check without
 * Continue's own validator, which is not a runtime dependency. A test runs the real validator
 * (@continuedev/config-yaml) over the same inputs to keep both in agreement.
 */
export const CONTINUE_LIST_FIELDS = ['models', 'context', 'rules', 'prompts', 'docs', 'mcpServers', 'data'] as const;

export function continueShapeProblems(doc: unknown): string[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return ['the file is not a YAML mapping'];
  const d = doc as Record<string, unknown>;
  const out: string[] = [];
  if (typeof d.name !== 'string' || d.name === '') out.push('`name` is missing (a string is required)');
  // `version: 1` is a number and Continue rejects it: it must be a string such as "1.0.0".
  if (typeof d.version !== 'string' || d.version === '')
    out.push(d.version === undefined ? '`version` is missing' : '`version` must be a string, e.g. version: "1.0.0"');
  // Continue's validator accepts a missing `schema` (llmctl writes `schema: v1`); a non-string is an error.
  if (d.schema !== undefined && typeof d.schema !== 'string') out.push('`schema` must be a string such as v1');
  for (const f of CONTINUE_LIST_FIELDS) {
    if (d[f] !== undefined && d[f] !== null && !Array.isArray(d[f])) out.push(`\`${f}\` must be a list`);
  }
  if (Array.isArray(d.models)) {
    d.models.forEach((m, i) => {
      if (m === null || typeof m !== 'object') return out.push(`models[${i}] is not a mapping`);
      const mm = m as Record<string, unknown>;
      // `uses:` blocks reference a hub block; they carry no name/provider/model of their own.
      if (typeof mm.uses === 'string') return;
      for (const k of ['name', 'provider', 'model'] as const) {
        if (typeof mm[k] !== 'string' || mm[k] === '') out.push(`models[${i}].${k} is missing`);
      }
    });
  }
  return out;
}

/** The edit that clears one problem of continueShapeProblems (what to write, not what is wrong). */
export function continueShapeEdit(problem: string): string {
  if (problem.startsWith('`version`')) return 'set version: "1.0.0"';
  if (problem.startsWith('`name`')) return 'set name: to any text (e.g. name: My config)';
  if (problem.startsWith('`schema`')) return 'set schema: v1';
  const list = /^`(\w+)` must be a list$/.exec(problem);
  if (list) return `make ${list[1]} a list (each item on a "- " line) or remove it`;
  const field = /^(models\[\d+\])\.(\w+) is missing$/.exec(problem);
  if (field) return `add ${field[2]}: to ${field[1]}, or remove that entry`;
  if (/^models\[\d+\] is not a mapping$/.test(problem))
    return `${problem.split(' ')[0]}: remove it or write it as a mapping`;
  return 'make it a YAML mapping (name:, version:, models: …)';
}
