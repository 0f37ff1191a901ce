import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
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
    if (s.version !== 1 || typeof s.targets !== 'object') throw new Error(t('sync.stateBadShape'));
    return s;
  } catch (e) {
    throw new LlmctlError(t('sync.stateDamaged', { file, error: (e as Error).message }), {
      hint: t('sync.stateDamagedHint'),
    });
  }
}

export function stateText(state: State): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

export async function writeState(file: string, state: State): Promise<void> {
  await writeFileAtomic(file, stateText(state), { mode: 0o600 });
}
