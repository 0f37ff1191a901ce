/**
 * `llmctl doctor --json` prints one DoctorReport. The shape is a contract for scripts: fields are only
 * ever added, never renamed or removed; `version` changes if that promise is ever broken.
 *
 * {
 *   "version": 1,
 *   "platform": "linux" | "darwin" | "win32" | …,      // the platform that was diagnosed
 *   "ok": true,                                        // no check is FAIL (exit code 0)
 *   "summary": { "PASS": 12, "WARN": 1, "FAIL": 0, "SKIP": 6 },
 *   "checks": [
 *     {
 *       "id": "claude.models",                         // stable, dotted: area.what
 *       "title": "Claude Code models exist on the proxy",
 *       "status": "PASS" | "WARN" | "FAIL" | "SKIP",
 *       "found": "model, haiku, sonnet, opus all on the proxy",   // what was seen (never a key)
 *       "fix": "llmctl sync --only claude"             // only when status is not PASS and there is a fix
 *     }
 *   ],
 *   "fixes": [                                         // only with --fix: what was done, in order
 *     { "id": "secrets.permissions", "action": "chmod 600 …/secrets.json", "ok": true, "backup": "20261126-…" }
 *   ]
 * }
 *
 * With --fix, `checks` is the result of the re-check after the fixes were applied.
 */

export const STATUSES = ['PASS', 'WARN', 'FAIL', 'SKIP'] as const;
export type CheckStatus = (typeof STATUSES)[number];

export interface Check {
  id: string;
  title: string;
  status: CheckStatus;
  found: string;
  /** The exact command or edit that fixes it (not PASS only). */
  fix?: string;
}

export interface FixResult {
  id: string;
  /** What was done, as the user would describe it. */
  action: string;
  ok: boolean;
  /** Backup id (`llmctl restore ID` undoes it). */
  backup?: string;
  /** Why it did not work. */
  error?: string;
}

/** A fix as applied: `shown` is its action in the user's language, for the screen only (not in `--json`). */
export interface AppliedFix extends FixResult {
  shown: string;
}

export interface DoctorReport {
  version: 1;
  platform: string;
  ok: boolean;
  summary: Record<CheckStatus, number>;
  checks: Check[];
  fixes?: FixResult[];
}

export const pass = (id: string, title: string, found: string): Check => ({ id, title, status: 'PASS', found });
export const skip = (id: string, title: string, found: string): Check => ({ id, title, status: 'SKIP', found });
export const warn = (id: string, title: string, found: string, fix?: string): Check => ({
  id,
  title,
  status: 'WARN',
  found,
  ...(fix ? { fix } : {}),
});
export const fail = (id: string, title: string, found: string, fix?: string): Check => ({
  id,
  title,
  status: 'FAIL',
  found,
  ...(fix ? { fix } : {}),
});

export function summarize(checks: Check[]): Record<CheckStatus, number> {
  const s: Record<CheckStatus, number> = { PASS: 0, WARN: 0, FAIL: 0, SKIP: 0 };
  for (const c of checks) s[c.status]++;
  return s;
}
