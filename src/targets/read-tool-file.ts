import { promises as fs } from 'node:fs';
import { LlmctlError, isNodeError } from '../errors.js';

/**
 * Reading a tool's file (settings.json, Continue's config.yaml and .env): the text exactly as the
 * user wrote it, or a refusal. `fs.readFile(f, 'utf8')` silently turns bytes that are not UTF-8 into
 * U+FFFD, and llmctl would then write those replacement characters back over the user's bytes.
 */

const NOTHING_WRITTEN = 'fix the file and run the command again; nothing was written (to no file at all)';

/** The file's text (a UTF-8 BOM kept as U+FEFF), null if it does not exist; refuses invalid UTF-8. */
export async function readToolFile(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return null;
    throw e;
  }
  return decodeUtf8(bytes, file);
}

/** Strict UTF-8 decoding; `ignoreBOM` keeps a BOM in the text so the writer can keep it too. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        start = i + 1;
      }
    }
    const col = offset - start + 1;
    const byte = `0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}`;
    const message = `not valid UTF-8: byte ${byte} at offset ${offset}`;
    throw new LlmctlError(`${file}:${line}:${col}: ${message}`, {
      problems: [{ file, line, col, message, hint: 'the file was saved in another encoding (Latin-1, GBK…) or has a stray byte; re-save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) or remove that byte' }],
      hint: NOTHING_WRITTEN,
    });
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (n === 0) {
      i++;
      continue;
    }
    let cp = c & (0xff >> (n + 2));
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return b.length;
}

/** Deeper than any real settings file; far below what recursive parsers and editors survive. */
export const MAX_NESTING = 1000;

export function tooDeep(file: string, where?: { line: number; col: number }): LlmctlError {
  const message = where ? `nested more than ${MAX_NESTING} levels deep; llmctl will not edit it` : 'nested too deeply to be read (the parser ran out of stack); llmctl will not edit it';
  return new LlmctlError(`${file}${where ? `:${where.line}:${where.col}` : ''}: ${message}`, {
    problems: [{ file, ...(where ?? {}), message, hint: 'no real settings need that depth: remove the deeply nested value (or move the file away)' }],
    hint: NOTHING_WRITTEN,
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
