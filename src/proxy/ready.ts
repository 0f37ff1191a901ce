import { networkInterfaces } from 'node:os';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
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
  const at = { label: l.label, url: l.url };
  const s = await spinner(t('proxy.start.starting', at));
  const r = await waitHealthy(l.url, proxy, {
    timeoutMs: START_TIMEOUT_MS,
    onPhase: (p) => s.text(t('proxy.start.waiting', { ...at, probe: `/health/${p}` })),
  });
  if (r.ok) {
    s.succeed(t('proxy.start.up', { ...at, seconds: (r.ms / 1000).toFixed(1) }));
    return true;
  }
  if (interrupted()) {
    s.stop();
    return false;
  }
  s.fail(
    r.reason === 'exited'
      ? t('proxy.start.exited', { code: r.code })
      : t('proxy.start.timeout', { seconds: START_TIMEOUT_MS / 1000 }),
  );
  const tail = await proxy.tail(15);
  const cause = likelyCause(tail, l.port);
  throw new LlmctlError(t(r.reason === 'exited' ? 'proxy.start.didNotStart' : 'proxy.start.notReady'), {
    problems: tail.map((m) => ({ message: m })),
    hint:
      [
        cause ? t('proxy.start.likelyCause', { cause }) : undefined,
        logFile ? t('proxy.start.fullLog', { file: logFile }) : undefined,
      ]
        .filter(Boolean)
        .join(t('proxy.join.reasons')) || t('proxy.start.seeAbove'),
  });
}

/** What a client needs (stdout): the URLs, how many models, which key; other machines' URLs on a wildcard bind. */
export function printAddresses(l: Launch, pid: number): void {
  log.out(t('proxy.start.openaiUrl', { url: l.url }));
  log.out(t('proxy.start.anthropicUrl', { url: l.url }));
  log.out(t('proxy.start.modelsKey', { models: l.models, pid }));
  if (isLoopback(l.host)) return;
  const lan = lanAddresses(l.host, networkInterfaces());
  if (lan.length) {
    log.out(t('proxy.start.lanHeading'));
    for (const a of lan) log.out(`  http://${a}:${l.port}/v1`);
  }
  log.warn(t('proxy.start.lanWarning', { host: l.host }));
}
