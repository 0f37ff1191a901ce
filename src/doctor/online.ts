import { t } from '../i18n/index.js';
import type { ProviderConfig } from '../config/schema.js';
import { RESTART_COMMAND } from '../proxy/fingerprint.js';
import { isClientMode, toolKeyRef } from '../config/master-key.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { redact } from '../secrets/store.js';
import { claudeEnv, noConfig } from './checks.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip } from './types.js';

const PROVIDER_TIMEOUT_MS = 8_000;
export const PROXY_TIMEOUT_MS = 60_000;

export interface Answer {
  status?: number;
  body?: string;
  error?: string;
}

/** A fetch that never throws and never puts a key in what it returns. */
export async function get(url: string, init: RequestInit, timeoutMs: number, maxBody = 2000): Promise<Answer> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, body: (await r.text()).slice(0, maxBody) };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string }; message?: string };
    return {
      error:
        err.name === 'TimeoutError'
          ? t('doctor.online.timeout', { seconds: timeoutMs / 1000 })
          : (err.cause?.code ?? err.message ?? String(e)),
    };
  }
}

/** `--online`: each provider's model list with its key, then one request per format through the proxy. */
export async function onlineChecks(f: Facts): Promise<Check[]> {
  if (!f.config || !f.presets) return [skip('online', t('doctor.online.title'), noConfig(f))];
  if (isClientMode(f.config)) {
    // The gateway's providers are its own: llmctl asks the gateway, with the key the tools send.
    const { gatewayChecks } = await import('./client-mode.js');
    const ctx = proxyContext(f);
    return [...(await gatewayChecks(f)), await proxyChatCheck(f, ctx), await proxyMessagesCheck(f, ctx)];
  }
  // A model server's other instances (deployments at other base URLs) get a check each (servers.ts).
  const { serverChecks } = await import('./servers.js');
  const [providers, servers] = await Promise.all([
    Promise.all(Object.entries(f.config.providers).map(([n, p]) => providerCheck(f, n, p))),
    serverChecks(f),
  ]);
  const ctx = proxyContext(f);
  return [
    ...providers,
    ...servers,
    await proxyModelsCheck(f, ctx),
    await proxyChatCheck(f, ctx),
    await proxyMessagesCheck(f, ctx),
  ];
}

/** One provider's model list, asked with its own key; for a model server, also the models it must serve. */
async function providerCheck(f: Facts, name: string, p: ProviderConfig): Promise<Check> {
  const { modelListCheck, listedAt } = await import('./servers.js');
  const preset = f.presets!.get(p.preset);
  const base = p.apiBase ?? preset?.apiBase;
  return modelListCheck(f, {
    id: `online.provider.${name}`,
    title: t('doctor.online.providerTitle', { name }),
    provider: name,
    ...(base ? { base } : {}),
    ...(base ? listedAt(f, name, base) : {}),
  });
}

/** What the requests through the proxy share: where it is, the master key, the models to ask for. */
export interface ProxyContext {
  url?: string;
  auth: Record<string, string>;
  /** Keys an error body might echo, masked before it is shown. */
  known: string[];
  chatModel?: string;
  claudeModel?: string;
  /** Why the proxy checks are skipped, when it is not up. */
  down?: string;
}

export function proxyContext(f: Facts): ProxyContext {
  const config = f.config!;
  const secrets = f.secrets;
  const key = secrets ? resolveKeyRef(toolKeyRef(config), secrets, f.platform.env) : undefined;
  const chatModel = config.models.find((m) => !m.roles || m.roles.includes('chat'))?.name ?? config.models[0]?.name;
  const claude = config.tools.claude;
  const claudeModel = claudeEnv(f).ANTHROPIC_DEFAULT_HAIKU_MODEL ?? claude.haikuModel ?? claude.model ?? chatModel;
  const url = f.proxy?.url.replace('0.0.0.0', '127.0.0.1');
  // Client mode: the gateway's own state (reachable, key accepted) says why nothing can be asked.
  const down = f.proxy?.remote ? (f.proxy.detail ?? '') : t('doctor.online.proxyDown');
  return {
    ...(f.proxy?.state === 'up' && url ? { url } : { down }),
    auth: key ? { authorization: `Bearer ${key}` } : {},
    known: [...(secrets?.values() ?? []), ...(f.masterKey ? [f.masterKey] : []), ...(f.toolKey ? [f.toolKey] : [])],
    ...(chatModel ? { chatModel } : {}),
    ...(claudeModel ? { claudeModel } : {}),
  };
}

/** Config changes need a proxy restart: a proxy started before the last sync lacks new models. */
async function proxyModelsCheck(f: Facts, ctx: ProxyContext): Promise<Check> {
  const id = 'online.proxy.models';
  const title = t('doctor.online.modelsTitle');
  if (!ctx.url) return skip(id, title, ctx.down!);
  const r = await get(`${ctx.url}/v1/models`, { headers: ctx.auth }, PROVIDER_TIMEOUT_MS);
  let served: string[] | undefined;
  try {
    served = (JSON.parse(r.body ?? '') as { data?: { id?: string }[] }).data?.map((m) => String(m.id));
  } catch {
    // reported below
  }
  if (r.status !== 200 || !served)
    return fail(
      id,
      title,
      `${ctx.url}/v1/models: ${r.error ?? `HTTP ${r.status} ${oneLine(r.body, ctx.known)}`}`,
      r.status === 401
        ? t('doctor.online.masterKeyRefused', { command: RESTART_COMMAND })
        : t('doctor.online.seeOutput', { log: f.proxyLog }),
    );
  const missing = f.config!.models.map((m) => m.name).filter((n) => !served.includes(n));
  return missing.length
    ? fail(
        id,
        title,
        t('doctor.online.notServed', { list: missing.join(', ') }),
        t('doctor.online.restartFix', { command: RESTART_COMMAND }),
      )
    : pass(id, title, t('doctor.online.served', { n: served.length }));
}

async function proxyChatCheck(f: Facts, ctx: ProxyContext): Promise<Check> {
  const id = 'online.proxy.chat';
  const title = t('doctor.online.chatTitle');
  const model = ctx.chatModel;
  if (!ctx.url || !model) return skip(id, title, !model ? t('doctor.online.noModels') : ctx.down!);
  const r = await post(ctx, '/v1/chat/completions', model, {});
  return r.status === 200
    ? pass(id, title, `${model}: 200`)
    : fail(id, title, `${model}: ${answer(r, ctx.known)}`, upstreamFix(f, model, r));
}

async function proxyMessagesCheck(f: Facts, ctx: ProxyContext): Promise<Check> {
  const id = 'online.proxy.messages';
  const title = t('doctor.online.messagesTitle');
  const model = ctx.claudeModel;
  if (!ctx.url || !model) return skip(id, title, !model ? t('doctor.online.noModels') : ctx.down!);
  const r = await post(ctx, '/v1/messages', model, { 'anthropic-version': '2023-06-01' });
  if (r.status === 200) return pass(id, title, `${model}: 200`);
  // Only a 404 for /responses says LiteLLM sent an openai/ model's /v1/messages to the Responses
  // API (the setting is off); any other answer is the upstream's own, and its message says why.
  const responsesApi =
    r.status === 404 &&
    (/\/responses\b/.test(r.body ?? '') ||
      f.config!.proxy.settings?.use_chat_completions_url_for_anthropic_messages === false);
  return fail(
    id,
    title,
    `${model}: ${answer(r, ctx.known)}`,
    responsesApi ? t('doctor.online.responsesFix', { model }) : upstreamFix(f, model, r),
  );
}

/** A tiny request through the proxy: at most eight tokens of an answer. */
function post(ctx: ProxyContext, path: string, model: string, headers: Record<string, string>): Promise<Answer> {
  return get(
    `${ctx.url}${path}`,
    {
      method: 'POST',
      headers: { ...ctx.auth, 'content-type': 'application/json', ...headers },
      // i18n-ignore: the prompt sent to the model, never shown
      body: JSON.stringify({ model, max_tokens: 8, messages: [{ role: 'user', content: 'Say OK.' }] }),
    },
    PROXY_TIMEOUT_MS,
  );
}

/** What the proxy answered: the status and the upstream's own message (LiteLLM wraps it in error.message). */
export function answer(r: Answer, known: string[]): string {
  if (r.error) return r.error;
  let message: unknown;
  try {
    const j = JSON.parse(r.body ?? '') as {
      error?: { message?: unknown } | string;
      detail?: unknown;
      message?: unknown;
    };
    message = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.detail ?? j.message);
  } catch {
    // not JSON: the body as it is
  }
  return `HTTP ${r.status} ${oneLine(typeof message === 'string' ? message : r.body, known)}`;
}

/** The provider a model goes to (its first deployment's), for pointing at that provider's own check. */
function providerOf(f: Facts, model: string): string | undefined {
  const m = f.config?.models.find((x) => x.name === model);
  return m?.provider ?? m?.deployments?.[0]?.provider;
}

/**
 * A failed request through the proxy: the upstream's answer says why; point at that provider and the proxy's output.
 */
export function upstreamFix(f: Facts, model: string, r: Answer): string {
  if (f.config && isClientMode(f.config)) return t('gateway.doctor.upstreamFix');
  const provider = providerOf(f, model);
  const log = f.proxyLog;
  if (r.error || r.status === undefined || !provider) return t('doctor.online.seeOutput', { log });
  if (r.status === 401 || r.status === 403) return t('doctor.online.providerKeyRefused', { provider, log });
  return t('doctor.online.upstreamFix', { provider, log });
}

/** Error bodies are shown; any key they echo is masked. */
function oneLine(s: string | undefined, known: string[]): string {
  return redact((s ?? '').replace(/\s+/g, ' ').slice(0, 160), known);
}
