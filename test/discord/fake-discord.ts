// A local stand-in for Discord on 127.0.0.1: the REST routes the bot uses
// (recording every call and its body) and a gateway that says hello, accepts
// identify, sends ready, acks heartbeats and dispatches what a test asks for.
// discord.js finds the gateway the real way, through GET /gateway/bot.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '111111111111111111';
export const BOT_ID = '222222222222222222';

export interface Call {
  method: string;
  path: string; // without /api/v10 and without the query
  query: URLSearchParams;
  auth: string | undefined;
  body: any;
  raw: string;
}

interface StoredMessage {
  id: string;
  channel_id: string;
  author: { id: string; username: string; bot: boolean };
  content: string;
  embeds: any[];
  components: any[];
  timestamp: string;
  edited_timestamp: string | null;
}

type Failure = { status: number; body: unknown; headers?: Record<string, string> };

export interface FakeDiscord {
  apiUrl: string; // what DISCORD_API_URL is set to
  gatewayUrl: string;
  calls: Call[];
  messages: Map<string, StoredMessage[]>; // channel (or webhook id) → newest last
  identifies: any[];
  heartbeats: number;
  /** Answers the next matching request with an error (a queue per method+path prefix). */
  failNext(method: string, pathPrefix: string, f: Failure): void;
  /** Sends a dispatch (op 0) on every open gateway connection. */
  dispatch(t: string, d: unknown): void;
  /** Resolves when a call matching `pred` has been recorded (bounded, no sleeps). */
  waitForCall(pred: (c: Call) => boolean, timeoutMs?: number): Promise<Call>;
  gatewayConnections(): number;
  /** Resolves on the next heartbeat the fake acknowledges (bounded). */
  nextHeartbeat(timeoutMs?: number): Promise<void>;
  /** Resolves on the next IDENTIFY (bounded). */
  nextIdentify(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export async function startFakeDiscord(opts: { heartbeatMs?: number } = {}): Promise<FakeDiscord> {
  const calls: Call[] = [];
  const messages = new Map<string, StoredMessage[]>();
  const failures: { method: string; prefix: string; f: Failure }[] = [];
  const waiters: { pred: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  const identifies: any[] = [];
  const heartbeatWaiters: (() => void)[] = [];
  const identifyWaiters: (() => void)[] = [];
  let nextId = 900000000000000000n;
  const newId = () => String(++nextId);
  let heartbeats = 0;
  let port = 0;

  const record = (c: Call) => {
    calls.push(c);
    for (const w of [...waiters]) if (w.pred(c)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(c);
    }
  };

  const storeMessage = (key: string, body: any): StoredMessage => {
    const msg: StoredMessage = {
      id: newId(),
      channel_id: key,
      author: { id: BOT_ID, username: 'radar', bot: true },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
    const list = messages.get(key) ?? [];
    list.push(msg);
    messages.set(key, list);
    return msg;
  };

  const editMessage = (key: string, id: string, body: any): StoredMessage | undefined => {
    const list = messages.get(key) ?? [];
    const msg = id === '@original' ? list[0] : list.find((m) => m.id === id);
    if (!msg) return undefined;
    if (body.content !== undefined) msg.content = body.content;
    if (body.embeds !== undefined) msg.embeds = body.embeds;
    if (body.components !== undefined) msg.components = body.components;
    msg.edited_timestamp = new Date().toISOString();
    return msg;
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    let body: any = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    const call: Call = { method, path, query: url.searchParams, auth: req.headers.authorization, body, raw };
    const fi = failures.findIndex((f) => f.method === method && path.startsWith(f.prefix));
    if (fi >= 0) {
      const [f] = failures.splice(fi, 1);
      record(call);
      return json(res, f!.f.status, f!.f.body, f!.f.headers);
    }
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      json(res, 200, { url: `ws://127.0.0.1:${port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    } else if (method === 'GET' && path === '/users/@me') {
      json(res, 200, { id: BOT_ID, username: 'radar', discriminator: '0', global_name: null, avatar: null, bot: true });
    } else if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      json(res, 200, (body as any[]).map((c) => ({ ...c, id: newId(), application_id: m![1], version: '1', ...(m![2] ? { guild_id: m![2] } : {}) })));
    } else if ((m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (method === 'POST') json(res, 200, storeMessage(m[1]!, body));
      else if (method === 'GET') {
        const limit = Number(url.searchParams.get('limit') ?? 50);
        json(res, 200, [...(messages.get(m[1]!) ?? [])].reverse().slice(0, limit));
      } else json(res, 405, { message: '405: Method Not Allowed', code: 0 });
    } else if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const msg = editMessage(m[1]!, m[2]!, body);
      if (msg) json(res, 200, msg);
      else json(res, 404, { message: 'Unknown Message', code: 10008 });
    } else if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      // The interaction's "original" message lives under the interaction token.
      if (body?.type === 4 || body?.type === 5) storeMessage(`interaction:${m[2]}`, body.data ?? {});
      json(res, 204, undefined);
    } else if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === 'POST') {
      const key = m[1] === APP_ID ? `interaction:${m[2]}` : `webhook:${m[1]}`;
      const msg = storeMessage(key, body);
      if (url.searchParams.get('wait') === 'true') json(res, 200, msg);
      else json(res, 204, undefined);
    } else if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(path)) && method === 'PATCH') {
      const key = m[1] === APP_ID ? `interaction:${m[2]}` : `webhook:${m[1]}`;
      // Over HTTP interactions the original answer went back in the HTTP response, so Discord has it; so does the fake.
      if (m[3] === '@original' && !messages.get(key)?.length) storeMessage(key, {});
      const msg = editMessage(key, m[3]!, body);
      if (msg) json(res, 200, msg);
      else json(res, 404, { message: 'Unknown Message', code: 10008 });
    } else {
      json(res, 404, { message: '404: Not Found', code: 0 });
    }
    record(call);
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => handle(req, res, raw));
  });

  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  let seq = 0;
  const send = (ws: WebSocket, payload: unknown) => ws.send(JSON.stringify(payload));
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatMs ?? 45_000 }, s: null, t: null });
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { op: number; d: any };
        if (msg.op === 1) {
          heartbeats++;
          send(ws, { op: 11, d: null, s: null, t: null });
          for (const w of heartbeatWaiters.splice(0)) w();
        } else if (msg.op === 2) {
          identifies.push(msg.d);
          for (const w of identifyWaiters.splice(0)) w();
          send(ws, {
            op: 0,
            s: ++seq,
            t: 'READY',
            d: {
              v: 10,
              user: { id: BOT_ID, username: 'radar', discriminator: '0', global_name: null, avatar: null, bot: true },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
              shard: [0, 1],
              application: { id: APP_ID, flags: 0 },
            },
          });
        }
      });
    });
  });

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: `ws://127.0.0.1:${port}/gateway`,
    calls,
    messages,
    identifies,
    get heartbeats() {
      return heartbeats;
    },
    failNext(method, prefix, f) {
      failures.push({ method, prefix, f });
    },
    dispatch(t, d) {
      for (const ws of sockets) send(ws, { op: 0, s: ++seq, t, d });
    },
    waitForCall(pred, timeoutMs = 10_000) {
      const hit = calls.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve: (c: Call) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no matching Discord call within ${timeoutMs} ms; got: ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    gatewayConnections: () => sockets.size,
    nextIdentify(timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no identify within ${timeoutMs} ms`)), timeoutMs);
        identifyWaiters.push(() => (clearTimeout(timer), resolve()));
      });
    },
    nextHeartbeat(timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no heartbeat within ${timeoutMs} ms`)), timeoutMs);
        heartbeatWaiters.push(() => (clearTimeout(timer), resolve()));
      });
    },
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
