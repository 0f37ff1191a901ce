import { color } from './log.js';

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
