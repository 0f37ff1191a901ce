import type { Messages } from '../message.js';

/** English messages of the clients area. Ids start with `clients.`. */
export const clients = {
  'clients.rule.name': (p: { name: string }) => `client name "${p.name}" has characters llmctl cannot use`,
  'clients.rule.nameHint': 'Use letters, digits, ".", "_" and "-", starting with a letter or digit.',
  'clients.rule.unknownModel': (p: { client: string; model: string }) =>
    `client "${p.client}" may use model "${p.model}", which is not in models:`,
  'clients.rule.unknownModelHint': (p: { names: string }) => `Models in llmctl.yaml: ${p.names}.`,
  'clients.rule.unknownModelHintNone': 'Add the model under models: first.',
  'clients.rule.masterKey': (p: { client: string }) =>
    `client "${p.client}" uses the proxy's master key: a client gets a key of its own, which llmctl can limit`,
  'clients.rule.masterKeyHint': (p: { name: string }) =>
    `Give it its own key: llmctl keys client add ${p.name} --force (prints the new key once).`,
  'clients.rule.sharedKey': (p: { client: string; other: string }) =>
    `client "${p.client}" uses the same key as client "${p.other}": the proxy could not tell them apart`,
  'clients.rule.sharedKeyHint': (p: { name: string }) =>
    `Give it its own key: llmctl keys client add ${p.name} --force (prints the new key once).`,
  'clients.rule.ownAuth':
    "proxy.clients needs llmctl's key check, which the proxy does not run with generalSettings.database_url or custom_auth",
  'clients.rule.ownAuthHint':
    'With a database, create LiteLLM virtual keys instead (its /key/generate); or remove database_url/custom_auth.',
} satisfies Messages;
