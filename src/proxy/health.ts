/**
 * LiteLLM's unauthenticated probes. /health/liveliness answers once the web server runs;
 * /health/readiness once the router is set up. Never GET /health: it calls every upstream model
 * (real requests, real money).
 */
export type Probe = 'liveliness' | 'readiness';

/** The host to connect to: a wildcard bind address is reached through loopback. */
export function connectHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function proxyUrl(host: string, port: number): string {
  return `http://${connectHost(host)}:${port}`;
}

export async function probe(baseUrl: string, which: Probe, timeoutMs = 1_000): Promise<{ ok: boolean; status?: number; body?: string }> {
  try {
    const r = await fetch(`${baseUrl}/health/${which}`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await r.text();
    return { ok: r.ok, status: r.status, body };
  } catch {
    return { ok: false };
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
