import type { LlmctlConfig } from '../config/schema.js';
import type { Paths } from '../platform/paths.js';

export interface ProxyStatus {
  state: 'up' | 'down' | 'unhealthy';
  host: string;
  port: number;
  /** http://HOST:PORT */
  url: string;
  pid?: number;
  startedAt?: string;
  uptimeSec?: number;
  /** /health/readiness answered 200 */
  healthy: boolean;
  detail?: string;
}

/**
 * CONTRACT for `status` and `doctor`: what is known about the llmctl-run proxy.
 * (Being filled in by the serve work: pid file, liveness/readiness probes.)
 */
export async function proxyStatus(paths: Paths, config: LlmctlConfig): Promise<ProxyStatus> {
  const { host, port } = config.proxy;
  void paths;
  return { state: 'down', host, port, url: `http://${host}:${port}`, healthy: false, detail: 'not checked' };
}
