// A stand-in for the Slack or Discord API that fails in every way, in turn:
// 401, 500, 429 (with Retry-After), a dropped connection, and (if asked) a
// success now and then. Every request is counted and its raw text kept, so a
// test can check that tokens were sent only where they belong.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Mode = '401' | '500' | '429' | 'drop';

export interface Chaos {
  url: string;
  port: number;
  requests: { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startChaos(kind: 'slack' | 'discord', modes: Mode[] = ['401', '500', '429', 'drop']): Promise<Chaos> {
  const requests: Chaos['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const n = requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
      const mode = modes[(n - 1) % modes.length]!;
      if (mode === 'drop') return req.socket.destroy();
      const status = Number(mode);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === 429) {
        headers['retry-after'] = '1';
        if (kind === 'discord') Object.assign(headers, { 'x-ratelimit-scope': 'user', 'x-ratelimit-global': 'false' });
      }
      const body =
        kind === 'slack'
          ? { ok: false, error: status === 401 ? 'invalid_auth' : status === 429 ? 'ratelimited' : 'internal_error' }
          : status === 429
            ? { message: 'You are being rate limited.', retry_after: 1, global: false }
            : { message: status === 401 ? '401: Unauthorized' : '500: Internal Server Error', code: 0 };
      res.writeHead(status, headers).end(JSON.stringify(body));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: kind === 'slack' ? `http://127.0.0.1:${port}/api/` : `http://127.0.0.1:${port}/api`,
    port,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
