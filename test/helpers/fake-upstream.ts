import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for a paid LLM API, on 127.0.0.1 only. It records every request and answers in
 * the OpenAI chat-completions format (like SiliconFlow, Zhipu, vLLM: no Responses API) and, when
 * asked, in Anthropic's /v1/messages format. Streaming (SSE) and non-streaming both work.
 */
export interface RecordedRequest {
  method: string;
  /** Path with query, e.g. /v1/messages?beta=true */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

export interface FakeUpstream {
  name: string;
  /** http://127.0.0.1:PORT (no /v1) */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests to the chat endpoints only (completions or messages). */
  chats(): RecordedRequest[];
  /** The text every answer contains. */
  reply: string;
  /** From now on answer every request with this status (a sick server); undefined: healthy again. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

export interface FakeUpstreamOptions {
  name: string;
  formats?: ('openai' | 'anthropic')[];
  reply?: string;
  models?: string[];
  /** Answer every request with this status (e.g. 500) instead. */
  failWith?: number;
}

export async function startFakeUpstream(options: FakeUpstreamOptions): Promise<FakeUpstream> {
  const formats = options.formats ?? ['openai'];
  const reply = options.reply ?? `pong from ${options.name}`;
  const requests: RecordedRequest[] = [];
  let failWith = options.failWith;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text
      }
      const url = req.url ?? '/';
      const path = url.split('?')[0]!;
      requests.push({ method: req.method ?? 'GET', url, path, headers: req.headers, body });
      const send = (status: number, obj: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(obj));
      };
      if (failWith) return send(failWith, { error: { message: `fake ${options.name} failure`, type: 'server_error' } });
      // Ollama lists what it serves at /api/tags, as NAME:TAG.
      if (req.method === 'GET' && path === '/api/tags') {
        const names = (options.models ?? ['fake-model']).map((m) => (m.includes(':') ? m : `${m}:latest`));
        return send(200, { models: names.map((name) => ({ name, model: name, size: 1 })) });
      }
      if (req.method === 'GET' && /\/models$/.test(path)) {
        return send(200, {
          object: 'list',
          data: (options.models ?? ['fake-model']).map((id) => ({ id, object: 'model', owned_by: options.name })),
        });
      }
      if (req.method === 'POST' && path.endsWith('/chat/completions') && formats.includes('openai')) {
        return openaiChat(res, body, reply);
      }
      if (req.method === 'POST' && path.endsWith('/messages/count_tokens') && formats.includes('anthropic')) {
        return send(200, { input_tokens: 12 });
      }
      if (req.method === 'POST' && path.endsWith('/messages') && formats.includes('anthropic')) {
        return anthropicMessages(res, body, reply);
      }
      send(404, { error: { message: `fake ${options.name}: no route for ${req.method} ${path}`, type: 'not_found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    name: options.name,
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    reply,
    failWith: (status) => {
      failWith = status;
    },
    chats: () => requests.filter((r) => r.method === 'POST' && /\/(chat\/completions|messages)$/.test(r.path)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function openaiChat(res: import('node:http').ServerResponse, body: any, reply: string): void {
  const model = body?.model ?? 'unknown';
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };
  if (body?.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: object, finish: string | null, extra: object = {}) => {
      const choices = [{ index: 0, delta, finish_reason: finish }];
      return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
    };
    res.write(chunk({ role: 'assistant', content: '' }, null));
    const words = reply.split(/(?<= )/);
    for (const w of words) res.write(chunk({ content: w }, null));
    res.write(chunk({}, 'stop', { usage }));
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
      usage,
    }),
  );
}

function anthropicMessages(res: import('node:http').ServerResponse, body: any, reply: string): void {
  const model = body?.model ?? 'unknown';
  const id = `msg_fake_${Date.now()}`;
  if (body?.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const ev = (event: string, data: object) =>
      res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
    ev('message_start', {
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 5, output_tokens: 1 },
      },
    });
    ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: reply } });
    ev('content_block_stop', { index: 0 });
    ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } });
    ev('message_stop', {});
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: reply }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 3 },
    }),
  );
}
