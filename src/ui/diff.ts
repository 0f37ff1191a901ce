import { color } from './log.js';
import { wholeFilePatch } from './whole-file-patch.js';

/** Colours a unified diff by line kind (no-op without colour). */
export function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('===')) return color.bold(line);
      if (line.startsWith('@@')) return color.hunk(line);
      if (line.startsWith('+')) return color.added(line);
      if (line.startsWith('-')) return color.removed(line);
      return line;
    })
    .join('\n');
}

/**
 * The one way llmctl shows a file change: a unified diff in which every credential is masked — the
 * keys llmctl knows (`known`) and anything that looks like one (see secrets/mask.ts), on added,
 * removed and unchanged lines alike. `before`/`after` null: the file is created/deleted.
 */
export async function fileDiff(
  file: string,
  before: string | null,
  after: string | null,
  known: Iterable<string>,
  afterLabel = 'llmctl',
): Promise<string> {
  const { maskDiff } = await import('../secrets/mask.js');
  let patch: string;
  if (before === null && afterLabel === 'llmctl') patch = wholeFilePatch(file, after ?? '', 'added');
  else if (after === null) patch = wholeFilePatch(file, before ?? '', 'deleted');
  else {
    // Loaded only for real edits: a created file needs no diff algorithm.
    const { createTwoFilesPatch } = await import('diff');
    patch = createTwoFilesPatch(
      before === null ? '/dev/null' : file,
      file,
      before ?? '',
      after,
      before === null ? '(missing)' : 'current',
      afterLabel,
    );
  }
  return maskDiff(patch, known);
}
