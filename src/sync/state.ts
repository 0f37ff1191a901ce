import { LlmctlError } from '../errors.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';

/** What llmctl wrote where: each target keeps its own section (the entries it owns, hashes). */
export interface State {
  version: 1;
  targets: Record<string, unknown>;
  lastBackup?: string;
}

export async function readState(file: string): Promise<State> {
  const text = await readTextIfExists(file);
  if (text === null) return { version: 1, targets: {} };
  try {
    const s = JSON.parse(text) as State;
    if (s.version !== 1 || typeof s.targets !== 'object') throw new Error('unexpected shape');
    return s;
  } catch (e) {
    throw new LlmctlError(`${file} is damaged: ${(e as Error).message}`, {
      hint: 'move it away and run `llmctl sync` again (llmctl then treats every entry in the tool configs as the user’s own)',
    });
  }
}

export function stateText(state: State): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

export async function writeState(file: string, state: State): Promise<void> {
  await writeFileAtomic(file, stateText(state), { mode: 0o600 });
}
