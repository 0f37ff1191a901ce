import { networkInterfaces } from 'node:os';
import { LlmctlError } from '../errors.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';
import { START_TIMEOUT_MS, type Launch } from './launch.js';
import { likelyCause, waitHealthy, type RunningProxy } from './runner.js';
import { isLoopback, lanAddresses } from './url.js';

/**
 * Shows the start on a spinner until LiteLLM is ready. False when the user interrupted it; throws
 * (with the end of its output and a likely cause) when it exited or never became ready.
 */
export async function waitForStart(
  proxy: RunningProxy,
  l: Launch,
  logFile: string | undefined,
  interrupted: () => boolean = () => false,
): Promise<boolean> {
  const s = await spinner(`Starting ${l.label} on ${l.url}`);
  const r = await waitHealthy(l.url, proxy, {
    timeoutMs: START_TIMEOUT_MS,
    onPhase: (p) =>
      s.text(
        p === 'liveliness'
          ? `Starting ${l.label} on ${l.url} (waiting for /health/liveliness)`
          : `Starting ${l.label} on ${l.url} (waiting for /health/readiness)`,
      ),
  });
  if (r.ok) {
    s.succeed(`${l.label} is up at ${l.url} (ready in ${(r.ms / 1000).toFixed(1)} s)`);
    return true;
  }
  if (interrupted()) {
    s.stop();
    return false;
  }
  s.fail(
    r.reason === 'exited'
      ? `LiteLLM exited during start (code ${r.code})`
      : `LiteLLM did not become ready within ${START_TIMEOUT_MS / 1000} s`,
  );
  const tail = await proxy.tail(15);
  const cause = likelyCause(tail, l.port);
  throw new LlmctlError(r.reason === 'exited' ? 'the proxy did not start' : 'the proxy did not become ready', {
    problems: tail.map((m) => ({ message: m })),
    hint:
      [cause ? `likely cause: ${cause}` : undefined, logFile ? `full log: ${logFile}` : undefined]
        .filter(Boolean)
        .join('; ') || 'see the log lines above',
  });
}

export function printAddresses(l: Launch, who: string): void {
  log.out(`OpenAI base URL:    ${l.url}/v1`);
  log.out(`Anthropic base URL: ${l.url}   (ANTHROPIC_BASE_URL for Claude Code)`);
  log.out(`Models: ${l.models}   Key: the proxy master key (\`llmctl keys list\`)   ${who}`);
  if (isLoopback(l.host)) return;
  const lan = lanAddresses(l.host, networkInterfaces());
  if (lan.length) {
    log.out(`From other machines (OpenAI base URL):`);
    for (const a of lan) log.out(`  http://${a}:${l.port}/v1`);
  }
  log.warn(`listening on ${l.host}: other machines can reach the proxy (the master key guards it)`);
}
