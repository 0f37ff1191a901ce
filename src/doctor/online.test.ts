import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Facts } from './facts.js';
import { onlineChecks } from './online.js';

let server: http.Server | undefined;
afterEach(() => server?.close());

/** A proxy on 127.0.0.1 that serves `qwen`, answers chat 200 and /v1/messages with `messages`. */
async function fakeProxy(messages: { status: number; body: unknown }): Promise<string> {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/models') send(200, { data: [{ id: 'qwen' }] });
      else if (req.url === '/v1/chat/completions') send(200, { choices: [] });
      else if (req.url === '/v1/messages') send(messages.status, messages.body);
      else send(404, {});
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A keyless vLLM provider behind a proxy run by a foreground `llmctl serve`. */
function facts(url: string): Facts {
  return {
    config: {
      providers: { a100: { preset: 'vllm', apiBase: `${url}/v1` } },
      models: [{ name: 'qwen', provider: 'a100' }],
      tools: { claude: {} },
      proxy: {},
    },
    presets: new Map([['vllm', { prefix: 'hosted_vllm' }]]),
    platform: { env: {} },
    paths: { logs: '/home/u/.config/llmctl/logs' },
    proxyLog: 'the terminal running `llmctl serve` (pid 42)',
    proxy: { state: 'up', url, healthy: true },
  } as unknown as Facts;
}

const messagesCheck = async (status: number, body: unknown) => {
  const checks = await onlineChecks(facts(await fakeProxy({ status, body })));
  return checks.find((c) => c.id === 'online.proxy.messages')!;
};

describe('online /v1/messages check', () => {
  it("a 500 from a keyless upstream reports the upstream's message, not the Responses-API setting", async () => {
    const c = await messagesCheck(500, {
      error: { message: 'litellm.InternalServerError: Hosted_vllmException - CUDA out of memory', code: '500' },
    });
    expect(c.status).toBe('FAIL');
    expect(c.found).toBe('qwen: HTTP 500 litellm.InternalServerError: Hosted_vllmException - CUDA out of memory');
    expect(c.fix).not.toContain('use_chat_completions_url_for_anthropic_messages');
    expect(c.fix).toContain('provider a100');
    expect(c.fix).toContain('the terminal running `llmctl serve` (pid 42)');
    expect(c.fix).not.toContain('/logs');
  });

  it('a 404 for the upstream /responses names the setting', async () => {
    const c = await messagesCheck(404, {
      error: {
        message: 'litellm.NotFoundError: Hosted_vllmException - 404 Not Found for url http://a100/v1/responses',
      },
    });
    expect(c.status).toBe('FAIL');
    expect(c.fix).toContain('use_chat_completions_url_for_anthropic_messages');
  });
});
