import net from 'node:net';

/**
 * A tiny Redis client: enough RESP (the Redis wire protocol) to send `AUTH` and `PING` and read one
 * reply each. doctor and `serve --redis-local` only need to know "reachable, password accepted";
 * a Redis library would be a runtime dependency for two commands. The password goes over the socket
 * only, never into a message: errors name the address and Redis's own error word (WRONGPASS, NOAUTH).
 */
export interface RedisPing {
  ok: boolean;
  /** Why not: `connect` (nothing listens / refused), `auth` (password refused or needed), `timeout`, `protocol`. */
  reason?: 'connect' | 'auth' | 'timeout' | 'protocol';
  /** Redis's reply or the socket error code, never the password. */
  detail?: string;
  ms?: number;
}

/** One RESP command as bytes: an array of bulk strings. */
export function encodeCommand(args: string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a, 'utf8')}\r\n${a}\r\n`);
  return Buffer.from(parts.join(''), 'utf8');
}

/**
 * The replies complete in `buf` so far (simple strings, errors, integers, bulk strings; arrays are not
 * needed here): each as `+TEXT`, `-ERR…`, `:N` or `$TEXT`, and the bytes used.
 */
export function parseReplies(buf: Buffer): { replies: string[]; used: number } {
  const replies: string[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) break;
    const type = String.fromCharCode(buf[at]!);
    const line = buf.subarray(at + 1, eol).toString('utf8');
    if (type === '$') {
      const len = Number(line);
      if (len < 0) {
        replies.push('$');
        at = eol + 2;
        continue;
      }
      if (buf.length < eol + 2 + len + 2) break;
      replies.push(`$${buf.subarray(eol + 2, eol + 2 + len).toString('utf8')}`);
      at = eol + 2 + len + 2;
      continue;
    }
    replies.push(`${type}${line}`);
    at = eol + 2;
  }
  return { replies, used: at };
}

/** Connects, authenticates when a password is given, sends PING: expects PONG. */
export function redisPing(
  o: { host: string; port: number; password?: string; username?: string },
  timeoutMs = 3_000,
): Promise<RedisPing> {
  const started = Date.now();
  const commands: string[][] = [];
  if (o.password !== undefined) commands.push(o.username ? ['AUTH', o.username, o.password] : ['AUTH', o.password]);
  commands.push(['PING']);
  return new Promise((resolve) => {
    let done = false;
    let buf = Buffer.alloc(0);
    const replies: string[] = [];
    const sock = net.connect({ host: o.host, port: o.port });
    const finish = (r: RedisPing) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ ...r, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    sock.once('connect', () => sock.write(Buffer.concat(commands.map(encodeCommand))));
    sock.on('error', (e: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: 'connect', detail: e.code ?? e.message }),
    );
    sock.on('close', () => finish({ ok: false, reason: 'protocol', detail: 'closed' })); // i18n-ignore: a code word
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const r = parseReplies(buf);
      buf = buf.subarray(r.used);
      replies.push(...r.replies);
      const failed = replies.find((x) => x.startsWith('-'));
      if (failed) finish({ ok: false, reason: authError(failed) ? 'auth' : 'protocol', detail: failed.slice(1) });
      else if (replies.length >= commands.length)
        finish(replies.at(-1) === '+PONG' ? { ok: true } : { ok: false, reason: 'protocol', detail: replies.at(-1) });
    });
  });
}

function authError(reply: string): boolean {
  return /^-(WRONGPASS|NOAUTH|ERR.*(password|AUTH))/i.test(reply);
}
