import type { Messages } from '../message.js';

const s = (n: number) => (n === 1 ? '' : 's');

/** English messages of the servers area. Ids start with `servers.`. */
export const servers = {
  // init flags (src/init/flags.ts)
  'servers.oneBaseOnly': (p: { preset: string; n: number }) =>
    `--api-base was given ${p.n} times, but ${p.preset} is not a model server you run yourself`,
  'servers.oneBaseOnlyHint':
    'several --api-base are for several instances of one vLLM, ' +
    'TGI, Ollama or custom server; give one for a hosted provider',
  'servers.sameBaseTwice': (p: { url: string }) => `--api-base ${p.url} was given twice`,
  'servers.sameBaseTwiceHint': 'give each instance once (the same one twice would get twice the requests)',

  // What each instance serves (src/init, src/doctor/servers.ts)
  'servers.instanceServes': (p: { url: string; n: number; served: string }) =>
    `${p.url} serves ${p.n} model${s(p.n)}: ${p.served}`,
  'servers.notOnInstances': (p: { model: string; urls: string }) => `${p.model} is not served by ${p.urls}`,
  'servers.notOnInstancesHint':
    'start that server with the model (vLLM: --served-model-name; Ollama: ollama pull), or check the base URL',
  'servers.onSome': (p: { n: number; of: number }) => `on ${p.n} of ${p.of} instances`,

  // The wizard (src/init/wizard.ts)
  'servers.askBaseUrls': (p: { hint: string }) =>
    `Base URL (${p.hint}; several instances of one model: separate the URLs with spaces)`,
  'servers.badUrls': (p: { value: string }) => `${p.value} is not a URL: start it with http:// or https://`,
  'servers.sameUrlTwice': (p: { url: string }) => `${p.url} is given twice`,
  'servers.askV1All': (p: { urls: string }) => `${p.urls} do not end in /v1. Add it?`,
  'servers.v1AddAll': 'add /v1 to each',
  'servers.v1KeepAll': 'keep them as typed',
  'servers.instances': (p: { n: number; provider: string }) =>
    `${p.provider}: ${p.n} instances; each model gets one deployment ` +
    `per instance and the proxy spreads requests over them.`,

  // doctor --online (src/doctor/servers.ts)
  'servers.checkTitle': (p: { provider: string; url: string }) => `Model server ${p.provider} at ${p.url}`,
  'servers.cannotList': (p: { url: string; reason: string }) => `${p.url}: ${p.reason}`,
  'servers.deadFix': (p: { names: string }) =>
    `start this instance or correct its base URL in llmctl.yaml; meanwhile ` +
    `the proxy sends its models (${p.names}) to the other instances, if any`,
  'servers.notServing': (p: { url: string; missing: string; served: string }) =>
    `${p.url} does not serve ${p.missing}; it serves ${p.served}`,
  'servers.notServingFix': (p: { preset: string }) =>
    p.preset === 'ollama'
      ? 'ollama pull the model on that machine, or set the model id in llmctl.yaml (`model:`) to one it serves'
      : 'start the server with that model (vLLM: --served-model-name), ' +
        'or set the model id in llmctl.yaml (`model:`) to one it serves',
} satisfies Messages;
