import type { LlmctlConfig } from '../config/schema.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { proxyUrl } from './url.js';

/**
 * Where the proxy is, for the targets that point a tool at it and for the commands that run it: its
 * root URL, the LiteLLM config it loads and the key-check module next to that config.
 */

/**
 * The root the tools talk to, no /v1 (Claude Code adds /v1/messages itself; Continue gets
 * `${root}/v1`): llmctl's own proxy, or in client mode the gateway someone else runs (`proxy.url`).
 */
export function proxyRoot(config: LlmctlConfig): string {
  if (config.proxy.url !== undefined) return gatewayRoot(config.proxy.url);
  return proxyUrl(config.proxy.host, config.proxy.port);
}

/** A gateway URL as the tools need it: no trailing slash (the rules refuse a trailing /v1). */
export function gatewayRoot(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The LiteLLM config llmctl generates: `proxy.configFile` (relative to llmctl.yaml), or the default place. */
export function litellmConfigPath(ctx: { config: LlmctlConfig; paths: Paths; platform: Platform }): string {
  const f = ctx.config.proxy.configFile;
  return f ? ctx.platform.path.resolve(ctx.platform.path.dirname(ctx.paths.config), f) : ctx.paths.litellmConfig;
}

/** The proxy key check llmctl ships for LiteLLM (templates/llmctl_auth.py), next to the config. */
export const AUTH_MODULE = 'llmctl_auth';
