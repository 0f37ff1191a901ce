import type { Messages } from '../message.js';

/** English messages of the gateway area (client mode: a gateway someone else runs). Ids start with `gateway.`. */
export const gateway = {
  // the gateway's model list (src/proxy/gateway.ts)
  'gateway.timeout': (p: { seconds: number }) => `no answer within ${p.seconds} s`,
  'gateway.notAList': 'the answer is not a model list (JSON with a data array)',
  'gateway.noModels': (p: { url: string }) => `the gateway at ${p.url} lists no model for your key`,
  'gateway.noModelsHint': 'ask whoever runs it which models your key may use',
  'gateway.keyRefused': (p: { url: string; status: number }) =>
    `the gateway at ${p.url} refused your key (HTTP ${p.status})`,
  'gateway.badStatus': (p: { url: string; status: number }) => `${p.url} answered HTTP ${p.status}`,
  'gateway.badStatusHint': (p: { file: string }) =>
    `proxy.url in ${p.file} must be the root of a LiteLLM (or OpenAI-compatible) gateway, e.g. http://gateway:4000`,
  'gateway.badAnswer': (p: { url: string; error: string }) => `${p.url}: ${p.error}`,
  'gateway.unreachable': (p: { url: string; error: string }) => `cannot reach the gateway: ${p.url}: ${p.error}`,
  'gateway.unreachableHint': (p: { file: string }) =>
    `check proxy.url in ${p.file} and the network (is the gateway up? does a system proxy ` +
    `need it in NO_PROXY?); once llmctl has fetched the model list, sync works from its cache`,
  'gateway.keyHintSecret': (p: { ref: string; name: string }) =>
    `proxy.key is ${p.ref}: store the key you were given with \`llmctl keys set ${p.name}\``,
  'gateway.keyHintEnv': (p: { ref: string; name: string }) =>
    `proxy.key is ${p.ref}: export ${p.name} with the key you were given`,
  'gateway.keyHintNone': 'set proxy.key to the key you were given (secret:NAME, stored with `llmctl keys set NAME`)',
  'gateway.keyUnset': (p: { ref: string }) => `the key for the gateway (proxy.key: ${p.ref}) is not set`,
  'gateway.modelMissing': (p: { name: string; url: string }) =>
    `the gateway at ${p.url} has no model ${p.name}: the tools would get an error for it`,
  'gateway.modelMissingHint': (p: { names: string }) =>
    `it serves: ${p.names} (\`llmctl sync --refresh\` fetches its list again)`,
  'gateway.modelsFetched': (p: { url: string; n: number }) => `Models from the gateway ${p.url}: ${p.n} (fetched now).`,
  'gateway.modelsCached': (p: { url: string; n: number; when: string }) =>
    `Models from the gateway ${p.url}: ${p.n} (list fetched ${p.when}; \`llmctl sync --refresh\` fetches it again).`,

  // llmctl.yaml rules in client mode (src/config/client-mode-rules.ts)
  'gateway.rule.needsKey': 'proxy.url (a gateway someone else runs) needs proxy.key: the key the tools send to it',
  'gateway.rule.needsKeyHint':
    'add `key: secret:team` under proxy and store the key you were given with `llmctl keys set team`',
  'gateway.rule.keyWithoutUrl': 'proxy.key is only used with proxy.url (a gateway someone else runs)',
  'gateway.rule.keyWithoutUrlHint':
    "add proxy.url (e.g. http://gateway:4000), or remove proxy.key: llmctl's own proxy uses proxy.masterKey",
  'gateway.rule.urlV1': (p: { url: string }) => `proxy.url ${p.url} ends in /v1: it is the gateway's root`,
  'gateway.rule.urlV1Hint': 'drop the /v1 (llmctl adds it for the tools that need it)',
  'gateway.rule.localOnly': (p: { field: string }) =>
    `${p.field} is for a proxy llmctl runs: with proxy.url (client mode) it is ignored`,
  'gateway.rule.localOnlyHint': 'remove it, or remove proxy.url to run the proxy yourself',
  'gateway.rule.masterKeyHint': 'to send that key to the gateway, make it proxy.key; otherwise remove proxy.masterKey',
  'gateway.rule.providers': 'providers are ignored with proxy.url (client mode): the gateway has its own',
  'gateway.rule.modelUpstream': (p: { model: string; fields: string }) =>
    `model ${p.model}: ${p.fields} ignored with proxy.url (client mode): the gateway decides where a model goes`,
  'gateway.rule.modelUpstreamHint': 'keep name, roles, maxTokens and continue; the rest is up to the gateway',
  'gateway.rule.direct': 'tools.continue.via: direct does not apply with proxy.url: Continue talks to the gateway',
  'gateway.rule.directHint': 'remove via: direct, or remove proxy.url',

  // serve, status
  'gateway.serve.remote': (p: { url: string }) =>
    `Client mode: the gateway at ${p.url} is run by someone else, so llmctl starts no proxy.`,
  'gateway.serve.remoteHint': '`llmctl status` checks the gateway; `llmctl sync` points the tools at it.',
  'gateway.status.label': 'gateway',
  'gateway.status.ok': (p: { n: number }) => `remote, key accepted, ${p.n} models`,
  'gateway.status.refused': (p: { status: number }) => `remote, refused the key (HTTP ${p.status})`,
  'gateway.status.unreachable': (p: { error: string }) => `remote, not reachable: ${p.error}`,
  'gateway.status.bad': (p: { status: string }) => `remote, /v1/models answered ${p.status}`,
  'gateway.status.noKey': 'remote, proxy.key is not set',

  // doctor in client mode
  'gateway.doctor.notNeeded': (p: { url: string }) =>
    `not needed in client mode: the gateway at ${p.url} is run by someone else`,
  'gateway.doctor.reachTitle': 'The gateway answers and accepts your key',
  'gateway.doctor.reachOk': (p: { url: string; n: number }) => `${p.url}: key accepted, ${p.n} models`,
  'gateway.doctor.modelsTitle': 'Every model the tools use exists on the gateway',
  'gateway.doctor.modelsMissing': (p: { list: string }) => `not on the gateway: ${p.list}`,
  'gateway.doctor.modelsFix':
    'name models the gateway serves in llmctl.yaml (`llmctl sync --refresh` fetches its list), or ask whoever runs it',
  'gateway.doctor.modelsOk': (p: { n: number }) => `all ${p.n} are on the gateway`,
  'gateway.doctor.upstreamFix': 'the gateway answered with an error: ask whoever runs it (its log says why)',
  'gateway.doctor.claudeElsewhere': (p: { base: string; url: string }) =>
    `ANTHROPIC_BASE_URL is ${p.base}, not the gateway ${p.url}`,
  'gateway.doctor.networkFix': 'check proxy.url, the network and NO_PROXY',

  // import continue
  'gateway.import.found': (p: { url: string; n: number }) =>
    `${p.n} models in this Continue config go to a LiteLLM gateway at ${p.url}`,
  'gateway.import.ask': (p: { url: string }) =>
    `Use ${p.url} as a gateway someone else runs (client mode: llmctl runs no proxy, the tools talk to it)?`,
  'gateway.import.asProvider': (p: { url: string }) =>
    `they were imported as a provider of llmctl's own proxy; \`llmctl import ` +
    `continue --gateway\` uses ${p.url} as a gateway someone else runs instead`,
  'gateway.import.others': (p: { n: number; names: string }) =>
    `${p.n} other entr${p.n === 1 ? 'y does' : 'ies do'} not go through the gateway ` +
    `(${p.names}): left in your Continue config as ${p.n === 1 ? 'it is' : 'they are'}`,
  'gateway.import.placeholderKey': (p: { name: string }) =>
    `the gateway entries carry no real key: store the key you were given with \`llmctl keys set ${p.name}\``,
  'gateway.import.none': (p: { file: string }) => `no LiteLLM gateway found in ${p.file}`,
  'gateway.import.noneHint':
    'a gateway is one apiBase shared by several models of different ' +
    "names (provider openai) that is not a known provider's",

  // options
  'gateway.cli.refresh': "client mode: fetch the gateway's model list again",
  'gateway.cli.gateway': 'import continue: use the LiteLLM gateway it points at as a gateway someone else runs',
  'gateway.cli.noGateway': "import continue: import that gateway's models as a provider of llmctl's own proxy",
} satisfies Messages;
