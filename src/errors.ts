/** Exit codes llmctl uses. Documented in README.md. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** `sync --check` / `status`: a target differs from what llmctl would write. */
  drift: 3,
  /** The user pressed Ctrl-C in a prompt. */
  interrupted: 130,
} as const;

export interface Problem {
  /** File the problem is in, when there is one. */
  file?: string;
  line?: number;
  col?: number;
  /** Field path such as `models[3].provider`. */
  path?: string;
  message: string;
  /** What the user should do about it. */
  hint?: string;
  /**
   * Problems of one kind with one fix (providers without a key) are said in one line naming each
   * `name` once (src/ui/summary.ts); the problems themselves are the details shown with -v.
   */
  group?: { kind: ProblemKind; name: string };
}

export type ProblemKind = 'no-key';

/** An error meant for the user: printed without a stack, with its hint and problems. */
export class LlmctlError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly problems: Problem[];

  constructor(
    message: string,
    options: { hint?: string; exitCode?: number; problems?: Problem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmctlError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.problems = options.problems ?? [];
  }
}

export class UsageError extends LlmctlError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });
    this.name = 'UsageError';
  }
}

/** `file:line:col` (or as much of it as is known). */
export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'col'>): string {
  if (!p.file) return '';
  if (p.line === undefined) return p.file;
  return `${p.file}:${p.line}${p.col === undefined ? '' : `:${p.col}`}`;
}

export function formatProblem(p: Problem): string {
  const where = formatLocation(p);
  const head = [where, p.path].filter(Boolean).join(' ');
  return `${head ? `${head}: ` : ''}${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

export function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}
