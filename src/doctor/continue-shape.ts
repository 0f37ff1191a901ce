import { t } from '../i18n/index.js';

/**
 * The structural rules of Continue's config.yaml (schema v1) that llmctl can check without
 * Continue's own validator, which is not a runtime dependency. A test runs the real validator
 * (@continuedev/config-yaml) over the same inputs to keep both in agreement.
 */
export const CONTINUE_LIST_FIELDS = ['models', 'context', 'rules', 'prompts', 'docs', 'mcpServers', 'data'] as const;

/** One broken rule; `describeShapeIssue` says what is wrong, `continueShapeEdit` what to write. */
export type ShapeIssue =
  | { kind: 'not-mapping' | 'no-name' | 'no-version' | 'version-not-string' | 'schema-not-string' }
  | { kind: 'not-list'; field: string }
  | { kind: 'model-not-mapping'; index: number }
  | { kind: 'model-field'; index: number; field: string };

export function continueShapeIssues(doc: unknown): ShapeIssue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [{ kind: 'not-mapping' }];
  const d = doc as Record<string, unknown>;
  const out: ShapeIssue[] = [];
  if (typeof d.name !== 'string' || d.name === '') out.push({ kind: 'no-name' });
  // `version: 1` is a number and Continue rejects it: it must be a string such as "1.0.0".
  if (typeof d.version !== 'string' || d.version === '')
    out.push({ kind: d.version === undefined ? 'no-version' : 'version-not-string' });
  // Continue's validator accepts a missing `schema` (llmctl writes `schema: v1`); a non-string is an error.
  if (d.schema !== undefined && typeof d.schema !== 'string') out.push({ kind: 'schema-not-string' });
  for (const f of CONTINUE_LIST_FIELDS) {
    if (d[f] !== undefined && d[f] !== null && !Array.isArray(d[f])) out.push({ kind: 'not-list', field: f });
  }
  if (Array.isArray(d.models)) {
    d.models.forEach((m, index) => {
      if (m === null || typeof m !== 'object') return out.push({ kind: 'model-not-mapping', index });
      const mm = m as Record<string, unknown>;
      // `uses:` blocks reference a hub block; they carry no name/provider/model of their own.
      if (typeof mm.uses === 'string') return;
      for (const field of ['name', 'provider', 'model'] as const) {
        if (typeof mm[field] !== 'string' || mm[field] === '') out.push({ kind: 'model-field', index, field });
      }
    });
  }
  return out;
}

/** What is wrong, in the user's language. */
export function describeShapeIssue(i: ShapeIssue): string {
  switch (i.kind) {
    case 'not-mapping':
      return t('doctor.shape.notMapping');
    case 'no-name':
      return t('doctor.shape.noName');
    case 'no-version':
      return t('doctor.shape.noVersion');
    case 'version-not-string':
      return t('doctor.shape.versionNotString');
    case 'schema-not-string':
      return t('doctor.shape.schemaNotString');
    case 'not-list':
      return t('doctor.shape.notList', { field: i.field });
    case 'model-not-mapping':
      return t('doctor.shape.modelNotMapping', { at: `models[${i.index}]` });
    case 'model-field':
      return t('doctor.shape.modelField', { at: `models[${i.index}]`, field: i.field });
  }
}

/** The problems of `doc` as sentences (what `continue.valid` reports). */
export function continueShapeProblems(doc: unknown): string[] {
  return continueShapeIssues(doc).map(describeShapeIssue);
}

/** The edit that clears one issue (what to write, not what is wrong). */
export function continueShapeEdit(i: ShapeIssue): string {
  switch (i.kind) {
    case 'no-version':
    case 'version-not-string':
      return t('doctor.shape.setVersion');
    case 'no-name':
      return t('doctor.shape.setName');
    case 'schema-not-string':
      return t('doctor.shape.setSchema');
    case 'not-list':
      return t('doctor.shape.makeList', { field: i.field });
    case 'model-field':
      return t('doctor.shape.addField', { at: `models[${i.index}]`, field: i.field });
    case 'model-not-mapping':
      return t('doctor.shape.fixModel', { at: `models[${i.index}]` });
    case 'not-mapping':
      return t('doctor.shape.makeMapping');
  }
}
