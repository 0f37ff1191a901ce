import type { Preset } from '../config/presets.js';

/**
 * How every importer tells endpoints apart and names providers, so that importing LiteLLM's,
 * Continue's and Claude Code's configs in any order gives one provider per endpoint, with one name.
 */

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * An endpoint as a comparable string: scheme and host in lower case, the port always explicit
 * (80/443 for http/https), the path without trailing slashes. `https://Open.bigmodel.cn/api/paas/v4/`
 * and `https://open.bigmodel.cn:443/api/paas/v4` are one endpoint. Not a URL: undefined.
 */
export function endpointKey(apiBase: string | undefined): string | undefined {
  if (!apiBase) return undefined;
  let url: URL;
  try {
    url = new URL(apiBase.trim());
  } catch {
    return undefined;
  }
  const port = url.port || DEFAULT_PORT[url.protocol] || '';
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Where a provider sends requests: its own apiBase, else its preset's; undefined when LiteLLM knows the address itself.
 */
export function providerEndpoint(
  p: { preset: string; apiBase?: string | undefined },
  presets: Map<string, Preset>,
): string {
  return endpointKey(p.apiBase ?? presets.get(p.preset)?.apiBase) ?? `preset:${p.preset}`;
}

/**
 * The one naming rule: a preset's own endpoint is named after the preset (`zhipu`); a self-hosted
 * or custom server after its host (`vllm-172-16-1-166`, `litellm-172-16-1-166` for a LiteLLM gateway,
 * `mycorp` for https://api.mycorp.com/v1).
 */
export function providerName(
  presetId: string,
  apiBase: string | undefined,
  kind: 'provider' | 'gateway' = 'provider',
): string {
  const host = hostLabel(apiBase);
  if (kind === 'gateway') return slug(`litellm-${host ?? 'gateway'}`);
  if ((presetId === 'vllm' || presetId === 'custom') && host) return slug(presetId === 'vllm' ? `vllm-${host}` : host);
  return presetId;
}

function hostLabel(apiBase: string | undefined): string | undefined {
  if (!apiBase) return undefined;
  try {
    const host = new URL(apiBase).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (/^[\d.]+$/.test(host) || host.includes(':')) return host.replace(/[.:]+/g, '-');
    return host.split('.').filter((s) => s !== 'api' && s !== 'www')[0] ?? host;
  } catch {
    return undefined;
  }
}

export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'provider'
  );
}
