import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmctlError } from '../errors.js';
import { checkJsonDepth, firstInvalidUtf8, readToolFile, withDepthGuard } from './read-tool-file.js';

const tmp = (bytes: Uint8Array) => {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'llmctl-read-')), 'settings.json');
  writeFileSync(f, bytes);
  return f;
};

describe('readToolFile', () => {
  it('refuses bytes that are not UTF-8 with line:col and the byte offset, never U+FFFD', async () => {
    const f = tmp(Buffer.concat([Buffer.from('{\n  "a": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
    const err = await readToolFile(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmctlError);
    expect((err as Error).message).toBe(`${f}:2:12: not valid UTF-8: byte 0xe9 at offset 13`);
    expect((err as LlmctlError).problems[0]!.hint).toContain('UTF-8');
  });

  it('keeps a BOM and every multi-byte character; a missing file is null', async () => {
    const text = '\uFEFF{"名前": "😀"}\n';
    expect(await readToolFile(tmp(Buffer.from(text)))).toBe(text);
    expect(await readToolFile('/nonexistent/x.json')).toBeNull();
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['a truncated sequence', [0x41, 0xe2, 0x82], 1],
    ['an overlong form', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['valid text', [0x41, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80], 7],
  ])('firstInvalidUtf8: %s', (_what, bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});

describe('nesting', () => {
  it('JSON deeper than 1000 levels is refused at its line:col; brackets in strings do not count', () => {
    expect(() => checkJsonDepth(`{"a": "${'['.repeat(5000)}"}`, 'f.json')).not.toThrow();
    expect(() => checkJsonDepth(`${'['.repeat(1000)}${']'.repeat(1000)}`, 'f.json')).not.toThrow();
    expect(() => checkJsonDepth(`{\n "a": ${'['.repeat(100_000)}`, 'f.json')).toThrow(
      'f.json:2:1006: nested more than 1000 levels deep',
    );
  });

  it('a stack overflow while parsing becomes a clear refusal; other errors pass through', () => {
    const recurse = (n: number): number => (n === 0 ? 0 : 1 + recurse(n - 1));
    expect(() => withDepthGuard('config.yaml', () => recurse(1e7))).toThrow(/config\.yaml: nested too deeply/);
    expect(() =>
      withDepthGuard('config.yaml', () => {
        throw new Error('other');
      }),
    ).toThrow('other');
  });
});
