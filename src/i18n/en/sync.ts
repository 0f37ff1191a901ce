import type { Messages } from '../message.js';

/** English messages of the sync area. Ids start with `sync.`. */
export const sync = {
  'sync.unknownTarget': (p: { name: string }) => `unknown target "${p.name}" in --only`,
  'sync.unknownTargetHint': (p: { names: string }) => `use one or more of: ${p.names}`,
  'sync.masterKeyUnset': (p: { ref: string }) => `the proxy master key ${p.ref} is not set`,
  'sync.masterKeyUnsetHint': (p: { name: string }) =>
    `set ${p.name} in the environment, or use masterKey: secret:proxy`,
  'sync.secretMissing': (p: { name: string }) => `secret "${p.name}" is not in the secrets store`,
  'sync.secretMissingHint': (p: { name: string }) => `run \`llmctl keys set ${p.name}\``,
  'sync.envUnset': (p: { name: string }) => `environment variable ${p.name} is not set`,
  'sync.envUnsetHint': (p: { provider: string }) =>
    `export it before \`llmctl serve\`, or store the key with \`llmctl ` +
    `keys set ${p.provider}\` (llmctl.yaml then points at it)`,
  'sync.keysMissing': (p: { n: number; file: string }) =>
    `${p.n} key${p.n === 1 ? '' : 's'} referenced by ${p.file} ${p.n === 1 ? 'is' : 'are'} missing`,
  'sync.keysMissingHint': 'store the keys as shown, then run the command again (nothing was changed)',
  'sync.masterKeyRace': 'another llmctl stored a proxy master key while this one was planning',
  'sync.masterKeyRaceHint': 'run the command again (nothing was written)',
  'sync.stateBadShape': 'unexpected shape',
  'sync.stateDamaged': (p: { file: string; error: string }) => `${p.file} is damaged: ${p.error}`,
  'sync.stateDamagedHint':
    'move it away and run `llmctl sync` again (llmctl then treats every entry in the tool configs as the user’s own)',
} satisfies Messages;
