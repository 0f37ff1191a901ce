import { promises as fs, readFileSync } from 'node:fs';
import { LlmctlError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * Reading a tool's file (settings.json, Continue's config.yaml and .env): the text exactly as the
 * user wrote it, or a refusal. `fs.readFile(f, 'utf8')` silently turns bytes that are not UTF-8 into
 * U+FFFD, and llmctl would then write those replacement characters back over the user's bytes.
 */

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
    const message = t('fs.notUtf8', { byte, offset });
    throw new LlmctlError(`${file}:${line}:${col}: ${message}`, {
      problems: [
        {
          file,
          line,
          col,
          message,
          hint: t('fs.notUtf8Hint'),
        },
      ],
      hint: t('fs.nothingWritten'),
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

/** The same, synchronously (the sync transaction's last look before a rename). */
export function readToolFileSync(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return null;
    throw e;
  }
  return decodeUtf8(bytes, file);
}
