import { t } from '../i18n/index.js';
import type { Facts } from './facts.js';
import { type Answer, PROXY_TIMEOUT_MS, type ProxyContext, answer, get, proxyContext, upstreamFix } from './online.js';
import { notApplicable, toolModels } from './tools-checks.js';
import { TOOLS, TOOL_INFO, type ToolName } from './tools-facts.js';
import { type Check, fail, pass, skip } from './types.js';

/**
 * `--online`: one tiny request per enabled tool, in the API that tool speaks, through the proxy —
 * Codex CLI the Responses API, Gemini CLI Gemini's generateContent (key in x-goog-api-key), opencode
 * and Qwen Code chat completions. Ids `tools.<name>.api`.
 */
export async function toolOnlineChecks(f: Facts): Promise<Check[]> {
  if (!f.config) return [];
  const ctx = proxyContext(f);
  return Promise.all(TOOLS.map((tool) => apiCheck(f, ctx, tool)));
}

// i18n-ignore: the prompt sent to the model, never shown
const PROMPT = 'Say OK.';

/** The request each tool's API takes: path, extra headers and body. */
function request(ctx: ProxyContext, tool: ToolName, model: string): { path: string; init: RequestInit } {
  const json = { ...ctx.auth, 'content-type': 'application/json' };
  if (tool === 'codex')
    return {
      path: '/v1/responses',
      init: { method: 'POST', headers: json, body: JSON.stringify({ model, input: PROMPT, max_output_tokens: 16 }) },
    };
  if (tool === 'gemini') {
    // Gemini CLI sends the key as x-goog-api-key, never as a bearer token.
    const key = ctx.auth.authorization?.replace(/^Bearer /, '');
    return {
      path: `/v1beta/models/${encodeURIComponent(model)}:generateContent`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'x-goog-api-key': key } : {}) },
        body: JSON.stringify({
          contents: [{ role: 'user', parts: [{ text: PROMPT }] }],
          generationConfig: { maxOutputTokens: 8 },
        }),
      },
    };
  }
  return {
    path: '/v1/chat/completions',
    init: {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ model, max_tokens: 8, messages: [{ role: 'user', content: PROMPT }] }),
    },
  };
}

async function apiCheck(f: Facts, ctx: ProxyContext, tool: ToolName): Promise<Check> {
  const id = `tools.${tool}.api`;
  const { path } = request(ctx, tool, '');
  const title = t('tools.doctor.apiTitle', {
    product: TOOL_INFO[tool].product,
    path: path.replace('/models/:', '/models/<model>:'),
  });
  const why = notApplicable(f, tool);
  if (why) return skip(id, title, why);
  const model = toolModels(f.config!, tool)[0];
  if (!model) return skip(id, title, t('doctor.online.noModels'));
  if (!ctx.url) return skip(id, title, ctx.down!);
  const req = request(ctx, tool, model);
  const r: Answer = await get(`${ctx.url}${req.path}`, req.init, PROXY_TIMEOUT_MS);
  return r.status === 200
    ? pass(id, title, `${model}: 200`)
    : fail(id, title, `${model}: ${answer(r, ctx.known)}`, upstreamFix(f, model, r));
}
