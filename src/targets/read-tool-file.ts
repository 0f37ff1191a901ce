import { t } from '../i18n/index.js';
import { LlmctlError } from '../errors.js';

// Strict reading lives with the other file primitives (the sync transaction re-reads with it too).
export { decodeUtf8, firstInvalidUtf8, readToolFile } from '../fs/utf8.js';

/** Deeper than any real settings file; far below what recursive parsers and editors survive. */
export const MAX_NESTING = 1000;

export function tooDeep(file: string, where?: { line: number; col: number }): LlmctlError {
  const message = where ? t('targets.tooDeep', { max: MAX_NESTING }) : t('targets.tooDeepStack');
  return new LlmctlError(`${file}${where ? `:${where.line}:${where.col}` : ''}: ${message}`, {
    problems: [
      {
        file,
        ...(where ?? {}),
        message,
        hint: t('targets.tooDeepHint'),
      },
    ],
    hint: t('fs.nothingWritten'),
  });
}

/** Refuses JSON nested deeper than MAX_NESTING (one pass, strings skipped), with its line:col. */
export function checkJsonDepth(text: string, file: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_NESTING) {
        const before = text.slice(0, i);
        throw tooDeep(file, { line: before.split('\n').length, col: i - before.lastIndexOf('\n') });
      }
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
}

/**
 * Runs a parse/patch of a tool file and turns a stack overflow (a document nested thousands of levels
 * deep: yaml's parser and toJS recurse) into a clear refusal instead of "internal error".
 */
export function withDepthGuard<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isStackOverflow(e)) throw tooDeep(file);
    throw e;
  }
}

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The yaml library reports its own overflow as a parse error; say what it means. */
export function isStackOverflowMessage(message: string): boolean {
  return /maximum call stack/i.test(message);
}
