import { jsonc } from '../deps.js';
import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { isLoopback } from '../proxy/url.js';
import { parseJsonObject } from '../targets/json-edit.js';
import { LITELLM_PORT } from './continue.js';
import { endpointKey, providerName } from './endpoint.js';
import { isPlaceholderKey, placeholderWarning } from './litellm.js';
import { BEFORE_TOKEN, type ImportResult } from './types.js';

/**
 * Reads Claude Code's settings.json into llmctl terms: where the proxy is (ANTHROPIC_BASE_URL), its
 * key (a literal ANTHROPIC_AUTH_TOKEN becomes the proxy master key, in the secrets store) and which
 * models Claude Code asks for. Models themselves come from the proxy side (import litellm).
 */

type At = (path: string[]) => Pick<Problem, 'file' | 'line' | 'col' | 'path'>;
type ProxyIn = NonNullable<ImportResult['proxy']>;
type ClaudeIn = NonNullable<NonNullable<ImportResult['tools']>['claude']>;
/** A non-empty string of settings.json's env, trimmed. */
type EnvString = (k: string) => string | undefined;

export async function importClaude(text: string, file: string): Promise<ImportResult> {
  const obj = parseJsonObject(text, file);
  const at = locator(text, file);
  const warnings: Problem[] = [];
  const result: ImportResult = { tool: 'claude', source: file, providers: {}, models: [], secrets: {}, warnings };
  const env = (typeof obj.env === 'object' && obj.env !== null && !Array.isArray(obj.env) ? obj.env : {}) as Record<
    string,
    unknown
  >;
  const str: EnvString = (k) =>
    typeof env[k] === 'string' && (env[k] as string).trim() !== '' ? (env[k] as string).trim() : undefined;

  const base = str('ANTHROPIC_BASE_URL');
  const proxy = proxyAddress(base, at, warnings);
  const local = Boolean(base && proxy.port !== undefined);
  if (local) importProxyKeys(str, proxy, result, at);
  if (Object.keys(proxy).length) result.proxy = proxy;

  const claude = claudeSettings(obj, str, at, warnings);
  if (Object.keys(claude).length) result.tools = { claude };
  // Not through a proxy on this machine: Claude Code's models come from where it pointed.
  if (!local && !(base && !safeUrl(base)))
    addUpstream(
      result,
      base,
      str('ANTHROPIC_AUTH_TOKEN') ?? str('ANTHROPIC_API_KEY'),
      claude,
      at(['env', base ? 'ANTHROPIC_BASE_URL' : 'ANTHROPIC_AUTH_TOKEN']),
    );
  return result;
}

/** file:line:col of a JSON path in settings.json (the file and path alone when it is not there). */
function locator(text: string, file: string): At {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { findNodeAtLocation, parseTree } = jsonc();
  const tree = parseTree(body);
  return (path) => {
    const node = tree ? findNodeAtLocation(tree, path) : undefined;
    if (!node) return { file, path: path.join('.') };
    const before = body.slice(0, node.offset);
    const line = before.split('\n').length;
    return { file, line, col: node.offset - before.lastIndexOf('\n'), path: path.join('.') };
  };
}

/** ANTHROPIC_BASE_URL on this machine is where the proxy listens: its port becomes proxy.port. */
function proxyAddress(base: string | undefined, at: At, warnings: Problem[]): ProxyIn {
  const proxy: ProxyIn = {};
  if (!base) return proxy;
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    warnings.push({ ...at(['env', 'ANTHROPIC_BASE_URL']), message: t('importers.claude.notUrl') });
  }
  if (url && isLoopback(url.hostname)) {
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    proxy.port = port;
    if (url.pathname.replace(/\/+$/, '') === '/v1') {
      warnings.push({
        ...at(['env', 'ANTHROPIC_BASE_URL']),
        message: t('importers.claude.endsInV1'),
        hint: t('importers.claude.endsInV1Hint'),
      });
    }
  }
  return proxy;
}

/** Through a local proxy, Claude Code's token is the proxy's master key (when LiteLLM would accept it). */
function importProxyKeys(str: EnvString, proxy: ProxyIn, result: ImportResult, at: At): void {
  const warnings = result.warnings;
  const token = str('ANTHROPIC_AUTH_TOKEN');
  if (token) {
    if (isPlaceholderKey(token)) {
      warnings.push({
        ...at(['env', 'ANTHROPIC_AUTH_TOKEN']),
        message: t('importers.claude.placeholderToken'),
        hint: t('importers.claude.placeholderTokenHint'),
      });
    } else if (!token.startsWith('sk-')) {
      warnings.push({
        ...at(['env', 'ANTHROPIC_AUTH_TOKEN']),
        message: t('importers.claude.notSk'),
        hint: t('importers.claude.notSkHint'),
      });
      result.secrets[BEFORE_TOKEN] = token;
      result.keep = [BEFORE_TOKEN];
    } else {
      proxy.masterKey = 'secret:proxy';
      result.secrets.proxy = token;
    }
  }
  if (str('ANTHROPIC_API_KEY')) {
    warnings.push({
      ...at(['env', 'ANTHROPIC_API_KEY']),
      message: t('importers.claude.apiKey'),
      hint: t('importers.claude.apiKeyHint'),
    });
  }
}

/** Which models Claude Code asks for, and its other settings llmctl manages (tools.claude). */
function claudeSettings(obj: Record<string, unknown>, str: EnvString, at: At, warnings: Problem[]): ClaudeIn {
  const claude: ClaudeIn = {};
  if (typeof obj.model === 'string' && obj.model) claude.model = obj.model;
  const map: [string, 'opusModel' | 'sonnetModel' | 'haikuModel'][] = [
    ['ANTHROPIC_DEFAULT_OPUS_MODEL', 'opusModel'],
    ['ANTHROPIC_DEFAULT_SONNET_MODEL', 'sonnetModel'],
    ['ANTHROPIC_DEFAULT_HAIKU_MODEL', 'haikuModel'],
  ];
  for (const [k, field] of map) if (str(k)) claude[field] = str(k)!;
  if (!claude.haikuModel && str('ANTHROPIC_SMALL_FAST_MODEL')) {
    claude.haikuModel = str('ANTHROPIC_SMALL_FAST_MODEL')!;
    warnings.push({
      ...at(['env', 'ANTHROPIC_SMALL_FAST_MODEL']),
      message: t('importers.claude.smallFast'),
      hint: t('importers.claude.smallFastHint'),
    });
  }
  const max = str('CLAUDE_CODE_MAX_OUTPUT_TOKENS');
  if (max) {
    if (/^\d+$/.test(max) && Number(max) > 0) claude.maxOutputTokens = Number(max);
    else
      warnings.push({
        ...at(['env', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS']),
        message: t('importers.claude.maxTokens'),
      });
  }
  if (str('CLAUDE_CODE_GIT_BASH_PATH')) claude.gitBashPath = str('CLAUDE_CODE_GIT_BASH_PATH')!;
  if (claude.model && ALIASES.has(claude.model.replace(/\[.*\]$/, ''))) {
    warnings.push({
      ...at(['model']),
      message: t('importers.claude.alias', { model: claude.model }),
      hint: t('importers.claude.aliasHint'),
    });
    delete claude.model;
  }
  return claude;
}

/** Claude Code's own names for "the current model of that tier": not model ids a provider knows. */
const ALIASES = new Set(['default', 'opus', 'sonnet', 'haiku', 'opusplan', 'best']);

/**
 * Claude Code talked to Anthropic (no base URL) or to an Anthropic-compatible server elsewhere: that
 * server becomes a provider (the anthropic preset) and the models Claude Code asks for become its
 * models, so the import stands on its own. Its token is that server's key, not llmctl's proxy key.
 */
function addUpstream(
  result: ImportResult,
  base: string | undefined,
  key: string | undefined,
  claude: ClaudeIn,
  where: Pick<Problem, 'file' | 'line' | 'col' | 'path'>,
): void {
  const names = [...new Set([claude.model, claude.opusModel, claude.sonnetModel, claude.haikuModel])].filter(
    (m): m is string => Boolean(m) && !ALIASES.has(m!.replace(/\[.*\]$/, '')),
  );
  if (!names.length) return;
  const own = !base || endpointKey(base) === endpointKey(ANTHROPIC_BASE);
  const url = base ? safeUrl(base) : undefined;
  const name = own ? 'anthropic' : providerName('custom', base, url?.port === LITELLM_PORT ? 'gateway' : 'provider');
  const provider: ImportResult['providers'][string] = { preset: 'anthropic', ...(own ? {} : { apiBase: base! }) };
  if (key && !isPlaceholderKey(key)) {
    provider.apiKey = `secret:${name}`;
    result.secrets[name] = key;
  } else {
    provider.apiKey = own ? 'env:ANTHROPIC_API_KEY' : `secret:${name}`;
    (result.placeholderKeys ??= []).push(name);
    result.warnings.push({
      ...where,
      ...(key
        ? placeholderWarning(name, provider.apiKey)
        : {
            message: t('importers.claude.noKey', { name }),
            hint: t('importers.claude.noKeyHint', { name, own }),
          }),
    });
  }
  result.providers[name] = provider;
  for (const m of names) result.models.push({ name: m, provider: name });
  if (!own)
    result.warnings.push({
      ...where,
      message: t('importers.claude.upstream', { host: url?.host ?? base ?? '', name }),
      hint: t('importers.claude.upstreamHint'),
    });
}

const ANTHROPIC_BASE = 'https://api.anthropic.com';

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
