/**
 * LiteLLM's unauthenticated probes. /health/liveliness answers once the web server runs;
 * /health/readiness once the router is set up. Never GET /health: it calls every upstream model
 * (real requests, real money).
 */
export type Probe = 'liveliness' | 'readiness';

export async function probe(
  baseUrl: string,
  which: Probe,
  timeoutMs = 1_000,
): Promise<{ ok: boolean; status?: number; body?: string }> {
  try {
    const r = await fetch(`${baseUrl}/health/${which}`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await r.text();
    return { ok: r.ok, status: r.status, body };
  } catch {
    return { ok: false };
  }
}
