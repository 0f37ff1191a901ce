import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCommand, parseReplies, redisPing } from './redis-ping.js';

/** A pretend Redis on 127.0.0.1: answers AUTH with `auth`, PING with +PONG, and records what it got. */
function fakeRedis(auth: (args: string[]) => string): Promise<{ port: number; got: string[]; close(): void }> {
  const got: string[] = [];
  const server = net.createServer((sock) => {
    let buf = '';
    sock.on('data', (c) => {
      buf += c.toString('utf8');
      // Enough of RESP for these tests: *N then $len/value pairs.
      for (;;) {
        const m = /^\*(\d+)\r\n/.exec(buf);
        if (!m) return;
        let at = m[0].length;
        const args: string[] = [];
        for (let i = 0; i < Number(m[1]); i++) {
          const l = /^\$(\d+)\r\n/.exec(buf.slice(at));
          if (!l) return;
          at += l[0].length;
          args.push(buf.slice(at, at + Number(l[1])));
          at += Number(l[1]) + 2;
        }
        buf = buf.slice(at);
        got.push(args.join(' '));
        sock.write(args[0] === 'AUTH' ? auth(args) : '+PONG\r\n');
      }
    });
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as net.AddressInfo).port, got, close: () => server.close() }),
    ),
  );
}
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

describe('the tiny Redis client', () => {
  it('encodes commands as RESP arrays of bulk strings (UTF-8 lengths in bytes)', () => {
    expect(encodeCommand(['AUTH', 'pä']).toString('utf8')).toBe('*2\r\n$4\r\nAUTH\r\n$3\r\npä\r\n');
  });

  it('parses simple, error, integer and bulk replies, and leaves a cut reply for later', () => {
    const r = parseReplies(Buffer.from('+OK\r\n-WRONGPASS invalid\r\n:3\r\n$4\r\nPONG\r\n$-1\r\n$5\r\nab'));
    expect(r.replies).toEqual(['+OK', '-WRONGPASS invalid', ':3', '$PONG', '$']);
    expect(r.used).toBe('+OK\r\n-WRONGPASS invalid\r\n:3\r\n$4\r\nPONG\r\n$-1\r\n'.length);
  });

  it('AUTH then PING: ok with the right password', async () => {
    const srv = await fakeRedis((a) =>
      a[1] === 's3cret' ? '+OK\r\n' : '-WRONGPASS invalid username-password pair\r\n',
    );
    expect(await redisPing({ host: '127.0.0.1', port: srv.port, password: 's3cret' })).toMatchObject({ ok: true });
    expect(srv.got).toEqual(['AUTH s3cret', 'PING']);
  });

  it('a refused password is an auth failure, and the password is not in what it returns', async () => {
    const srv = await fakeRedis(() => '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    const r = await redisPing({ host: '127.0.0.1', port: srv.port, password: 'wrong-pw' });
    expect(r).toMatchObject({ ok: false, reason: 'auth' });
    expect(JSON.stringify(r)).not.toContain('wrong-pw');
  });

  it('nothing listening is a connect failure', async () => {
    const srv = await fakeRedis(() => '+OK\r\n');
    srv.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(await redisPing({ host: '127.0.0.1', port: srv.port }, 2_000)).toMatchObject({
      ok: false,
      reason: 'connect',
    });
  });
});
