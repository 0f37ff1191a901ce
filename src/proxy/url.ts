/**
 * Addresses of the proxy, in one place: what counts as loopback, which host a client on this machine
 * dials, the proxy's root URL, and keeping loopback out of a system HTTP proxy (NO_PROXY).
 */

/** The loopback names NO_PROXY should list so a system proxy (Clash…) never sees local traffic. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The host to connect to: a wildcard bind address is reached through loopback. */
export function connectHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** http://HOST:PORT — the proxy root (Claude Code's ANTHROPIC_BASE_URL; OpenAI clients add /v1). */
export function proxyUrl(host: string, port: number): string {
  return `http://${connectHost(host)}:${port}`;
}

/** Adds entries to a comma-separated NO_PROXY list, keeping the user's own (case-insensitive). */
export function mergeNoProxy(existing: string | undefined, add: readonly string[]): string {
  const items = (existing ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const have = new Set(items.map((s) => s.toLowerCase()));
  for (const a of add) if (!have.has(a.toLowerCase())) items.push(a);
  return items.join(',');
}

export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

/**
 * The addresses a client on another machine would dial when the proxy binds `host`: every
 * non-internal address for a wildcard bind (IPv4 first; IPv6 link-local needs a zone, so it is left
 * out), the host itself otherwise, nothing for loopback. `interfaces` is os.networkInterfaces().
 */
export function lanAddresses(host: string, interfaces: Record<string, InterfaceAddress[] | undefined>): string[] {
  const h = host.replace(/^\[|\]$/g, '');
  if (isLoopback(h)) return [];
  const all = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal);
  const v4 = all.filter((a) => a.family === 'IPv4' || a.family === 4).map((a) => a.address);
  const v6 = all
    .filter((a) => (a.family === 'IPv6' || a.family === 6) && !/^fe80:/i.test(a.address))
    .map((a) => `[${a.address}]`);
  if (h === '0.0.0.0' || h === '') return [...new Set(v4)];
  if (h === '::') return [...new Set([...v4, ...v6])];
  return [connectHost(h)];
}
