import type { Messages } from '../message.js';

/** English messages of the secrets area. Ids start with `secrets.`. */
export const secrets = {
  'secrets.badRef': (p: { ref: string }) => `bad key reference "${p.ref}"`,
  'secrets.badRefHint': 'use secret:NAME or env:VAR',

  // Why an environment variable may not hold an upstream key (refs.ts reservedEnvReason).
  'secrets.reservedLlmctl': 'LLMCTL_* variables are llmctl’s own (serve sets LLMCTL_KEY_* for stored secrets)',
  'secrets.reservedLitellm':
    'LITELLM_* variables are the proxy’s own (LITELLM_MASTER_KEY is the key clients use to reach it)',
  'secrets.reservedDatabase': (p: { name: string }) =>
    `${p.name} is the proxy’s database connection (with its password)`,
  'secrets.reservedRedis': 'REDIS_* variables are the proxy’s cache connection (REDIS_PASSWORD…)',
  'secrets.reservedUi': (p: { name: string }) => `${p.name} is the login of the proxy’s admin UI`,
  'secrets.reservedNetworkProxy': (p: { name: string }) =>
    `${p.name} is the network proxy of the proxy itself (it may carry that proxy's password)`,

  // The secrets file (store.ts)
  'secrets.storeReadableByOthers': (p: { file: string; mode: string }) =>
    `the secrets file ${p.file} is readable by others (mode ${p.mode})`,
  'secrets.storeReadableByOthersHint': (p: { file: string }) =>
    `run: chmod 600 ${p.file} — and consider rotating the keys in it`,
  'secrets.storeNotJson': (p: { file: string; error: string }) =>
    `the secrets file ${p.file} is not valid JSON: ${p.error}`,
  'secrets.storeNotJsonHint':
    'restore it from a backup, or move it away and set the keys again with `llmctl keys set NAME`',
  'secrets.storeBadFormat': (p: { file: string }) => `the secrets file ${p.file} is not in llmctl's format`,
  'secrets.storeBadFormatHint':
    'it should look like {"version":1,"secrets":{...}}; move it away and set the keys again',
  'secrets.storeNotString': (p: { file: string; name: string }) =>
    `the secrets file ${p.file}: the value of "${p.name}" is not a string`,
  'secrets.storeNotStringHint': (p: { name: string }) => `set it again with \`llmctl keys set ${p.name}\``,
} satisfies Messages;
