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
    "proxy.clients needs llmctl's key check, which the proxy does " +
    'not run with generalSettings.database_url or custom_auth',
  'clients.rule.ownAuthHint':
    'With a database, create LiteLLM virtual keys instead (its /key/generate); or remove database_url/custom_auth.',
  'clients.add.exists': (p: { name: string }) => `client "${p.name}" already exists in llmctl.yaml`,
  'clients.add.existsHint': (p: { name: string }) =>
    `llmctl keys client add ${p.name} --force gives it a new key (the old one ` +
    `stops working after sync); llmctl keys client list shows the clients.`,
  'clients.add.unknownModels': (p: { models: string; file: string }) => `not a model in ${p.file}: ${p.models}`,
  'clients.add.badNumber': (p: { flag: string; value: string; integer: boolean }) =>
    `${p.flag} ${p.value}: expected a positive ${p.integer ? 'whole number' : 'number'}`,
  'clients.add.badNumberHint': (p: { flag: string }) => `For example ${p.flag} 30.`,
  'clients.add.done': (p: { name: string; file: string; ref: string; replaced: boolean }) =>
    `${p.replaced ? 'Replaced' : 'Added'} client "${p.name}" in ${p.file} (key ${p.ref})`,
  'clients.add.keyOnce':
    'Its key, shown this once (give it to the client; `llmctl keys client add NAME --force` makes a new one):',
  'clients.add.next': 'Run `llmctl sync` (a running proxy restarts with it) for the proxy to accept the change.',
  'clients.rm.none': (p: { name: string; file: string }) => `no client "${p.name}" in ${p.file}`,
  'clients.rm.noneHint': 'llmctl keys client list shows the clients.',
  'clients.rm.done': (p: { name: string; file: string; key: string }) =>
    `Removed client "${p.name}" from ${p.file}${p.key ? ` and its key "${p.key}" from the store` : ''}`,
  'clients.list.none': 'No client keys in llmctl.yaml. Add one: llmctl keys client add NAME',
  'clients.list.allModels': 'every model',
  'clients.list.keyMissing': (p: { ref: string }) => `${p.ref} (not set)`,
} satisfies Messages;
