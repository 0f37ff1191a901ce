import { RESTART_COMMAND } from '../proxy/fingerprint.js';
import { masterKeyRef } from '../config/master-key.js';
import { envVarOf, resolveKeyRef, secretNameOf } from '../secrets/refs.js';
import { redact } from '../secrets/store.js';
import { claudeEnv, noConfig } from './checks.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip } from './types.js';

const PROVIDER_TIMEOUT_MS = 8_000;
const PROXY_TIMEOUT_MS = 60_000;

/** A fetch that never throws and never puts a key in what it returns. */
async function get(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status?: number; body?: string; error?: string }> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, body: (await r.text()).slice(0, 2000) };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string }; message?: string };
    return {
      error:
        err.name === 'TimeoutError'
          ? `no answer in ${timeoutMs / 1000}s`
          : (err.cause?.code ?? err.message ?? String(e)),
    };
  }
}

/** `--online`: each provider's model list with its key, then one request per format through the proxy. */
export async function onlineChecks(f: Facts): Promise<Check[]> {
  if (!f.config || !f.presets) return [skip('online', 'Online checks', noConfig(f))];
  const out: Check[] = [];
  const secrets = f.secrets;
  const known = [...(secrets?.values() ?? []), ...(f.masterKey ? [f.masterKey] : [])];
  const checks = Object.entries(f.config.providers).map(async ([name, p]): Promise<Check> => {
    const id = `online.provider.${name}`;
    const t = `Provider ${name} answers /models with its key`;
    const preset = f.presets!.get(p.preset);
    const base = (p.apiBase ?? preset?.apiBase)?.replace(/\/+$/, '');
    if (!base) return skip(id, t, 'no apiBase');
    const key = p.apiKey && secrets ? resolveKeyRef(p.apiKey, secrets, f.platform.env) : undefined;
    if (p.apiKey && !key) return skip(id, t, 'key not available (see secrets.present)');
    const anthropic = preset?.prefix === 'anthropic';
    const headers: Record<string, string> = anthropic
      ? { 'x-api-key': key ?? '', 'anthropic-version': '2023-06-01' }
      : key
        ? { authorization: `Bearer ${key}` }
        : {};
    const url = `${base}${preset?.modelsPath ?? '/models'}`;
    const r = await get(url, { headers }, PROVIDER_TIMEOUT_MS);
    if (r.error)
      return fail(
        id,
        t,
        `${url}: ${r.error}`,
        'check the network / VPN and apiBase; behind a proxy set HTTPS_PROXY for `llmctl serve`',
      );
    if (r.status === 401 || r.status === 403)
      return fail(
        id,
        t,
        `${url}: HTTP ${r.status}, the key was rejected`,
        secretNameOf(p.apiKey)
          ? `llmctl keys set ${secretNameOf(p.apiKey)}`
          : `set ${envVarOf(p.apiKey) ?? 'the key'} to a valid key`,
      );
    if (r.status !== 200) return fail(id, t, `${url}: HTTP ${r.status}`, 'check apiBase in llmctl.yaml');
    let n: number | undefined;
    try {
      n = (JSON.parse(r.body ?? '') as { data?: unknown[] }).data?.length;
    } catch {
      // Some servers answer with a non-JSON list; 200 is enough.
    }
    return pass(id, t, `${url}: 200${n !== undefined ? `, ${n} models` : ''}`);
  });
  out.push(...(await Promise.all(checks)));

  const up = f.proxy?.state === 'up';
  const why = 'proxy not running: llmctl serve --detach';
  const key = secrets ? resolveKeyRef(masterKeyRef(f.config), secrets, f.platform.env) : undefined;
  const auth = key ? { authorization: `Bearer ${key}` } : ({} as Record<string, string>);
  const chatModel = f.config.models.find((m) => !m.roles || m.roles.includes('chat'))?.name ?? f.config.models[0]?.name;
  const env = claudeEnv(f);
  const claudeModel =
    env.ANTHROPIC_DEFAULT_HAIKU_MODEL ?? f.config.tools.claude.haikuModel ?? f.config.tools.claude.model ?? chatModel;
  const url = f.proxy?.url.replace('0.0.0.0', '127.0.0.1');

  // Config changes need a proxy restart: a proxy started before the last sync lacks new models.
  const tModels = 'The running proxy serves every model in llmctl.yaml';
  if (!up || !url) out.push(skip('online.proxy.models', tModels, why));
  else {
    const r = await get(`${url}/v1/models`, { headers: auth }, PROVIDER_TIMEOUT_MS);
    let served: string[] | undefined;
    try {
      served = (JSON.parse(r.body ?? '') as { data?: { id?: string }[] }).data?.map((m) => String(m.id));
    } catch {
      // reported below
    }
    if (r.status !== 200 || !served) {
      out.push(
        fail(
          'online.proxy.models',
          tModels,
          `${url}/v1/models: ${r.error ?? `HTTP ${r.status} ${oneLine(r.body, known)}`}`,
          r.status === 401
            ? `the proxy does not accept the master key llmctl has: ${RESTART_COMMAND}`
            : `see the proxy's output in ${f.proxyLog}`,
        ),
      );
    } else {
      const missing = f.config.models.map((m) => m.name).filter((n) => !served.includes(n));
      out.push(
        missing.length
          ? fail(
              'online.proxy.models',
              tModels,
              `the proxy does not serve: ${missing.join(', ')} (it runs an older config)`,
              `${RESTART_COMMAND}   (it loads the current config; \`llmctl sync\` does it too)`,
            )
          : pass('online.proxy.models', tModels, `${served.length} model name(s) served`),
      );
    }
  }

  const tChat = 'A chat completion through the proxy';
  if (!up || !url || !chatModel) out.push(skip('online.proxy.chat', tChat, !chatModel ? 'no models' : why));
  else {
    const r = await get(
      `${url}/v1/chat/completions`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ model: chatModel, max_tokens: 8, messages: [{ role: 'user', content: 'Say OK.' }] }),
      },
      PROXY_TIMEOUT_MS,
    );
    out.push(
      r.status === 200
        ? pass('online.proxy.chat', tChat, `${chatModel}: 200`)
        : fail('online.proxy.chat', tChat, `${chatModel}: ${answer(r, known)}`, upstreamFix(f, chatModel, r)),
    );
  }
  const tMsg = 'An Anthropic /v1/messages request through the proxy (Claude Code’s path)';
  if (!up || !url || !claudeModel) out.push(skip('online.proxy.messages', tMsg, !claudeModel ? 'no models' : why));
  else {
    const r = await get(
      `${url}/v1/messages`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
        body: JSON.stringify({ model: claudeModel, max_tokens: 8, messages: [{ role: 'user', content: 'Say OK.' }] }),
      },
      PROXY_TIMEOUT_MS,
    );
    out.push(
      r.status === 200
        ? pass('online.proxy.messages', tMsg, `${claudeModel}: 200`)
        : fail(
            'online.proxy.messages',
            tMsg,
            `${claudeModel}: ${answer(r, known)}`,
            // Only a 404 for /responses says LiteLLM sent an openai/ model's /v1/messages to the Responses
            // API (the setting is off); any other answer is the upstream's own, and its message says why.
            r.status === 404 &&
              (/\/responses\b/.test(r.body ?? '') ||
                f.config.proxy.settings?.use_chat_completions_url_for_anthropic_messages === false)
              ? `LiteLLM sent ${claudeModel} to the upstream's /responses, which it lacks: remove use_chat_completions_url_for_anthropic_messages: false from proxy.settings in llmctl.yaml (llmctl writes true), then llmctl sync`
              : upstreamFix(f, claudeModel, r),
          ),
    );
  }
  return out;
}

/** What the proxy answered: the status and the upstream's own message (LiteLLM wraps it in error.message). */
function answer(r: { status?: number; body?: string; error?: string }, known: string[]): string {
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

/** A failed request through the proxy: the upstream's answer says why; point at that provider and the proxy's output. */
function upstreamFix(f: Facts, model: string, r: { status?: number; error?: string }): string {
  const provider = providerOf(f, model);
  const where = `the proxy's output in ${f.proxyLog}`;
  if (r.error || r.status === undefined || !provider) return `see ${where}`;
  if (r.status === 401 || r.status === 403)
    return `the key of provider ${provider} was refused: see online.provider.${provider}; details in ${where}`;
  return `the answer above is from provider ${provider} (or the proxy): check that server and the model's \`model:\` in llmctl.yaml (online.provider.${provider} lists what it serves); details in ${where}`;
}

/** Error bodies are shown; any key they echo is masked. */
function oneLine(s: string | undefined, known: string[]): string {
  return redact((s ?? '').replace(/\s+/g, ' ').slice(0, 160), known);
}
