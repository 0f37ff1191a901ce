import type { Problem } from '../errors.js';
import type { LlmctlConfig } from './schema.js';
import type { Preset } from './presets.js';

/**
 * What a rule returns: checks zod cannot express (references between sections, presets, names), each
 * small and named; `doctor` runs the same list.
 */
export interface RuleProblem extends Omit<Problem, 'file' | 'line' | 'col'> {
  pathSegments: PropertyKey[];
  severity: 'error' | 'warning';
}

export type Rule = (config: LlmctlConfig, presets: Map<string, Preset>) => RuleProblem[];

export const err = (pathSegments: PropertyKey[], message: string, hint?: string): RuleProblem => ({
  pathSegments,
  message,
  severity: 'error',
  ...(hint ? { hint } : {}),
});
export const warn = (pathSegments: PropertyKey[], message: string, hint?: string): RuleProblem => ({
  ...err(pathSegments, message, hint),
  severity: 'warning',
});
