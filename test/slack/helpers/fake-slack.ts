// A local stand-in for Slack, on 127.0.0.1: the Web API methods the adapter
// uses (form-encoded POSTs to /api/<method>, as @slack/web-api sends them),
// response_url endpoints, and a Socket Mode WebSocket. Every call is recorded;
// tests wait for calls as events, with a time bound, never by sleeping.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  auth?: string;
}
export interface RespondCall {
  path: string;
  body: Record<string, unknown>;
}
export interface StoredMessage {
  ts: string;
  channel: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  bot_id: string;
  user: string;
}
type Failure = { status: number; retryAfter?: number } | { error: string };

export const BOT = { userId: 'U0BOT', botId: 'B0BOT', teamId: 'T0TEAM' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** web-api sends scalars as form fields and objects/arrays JSON-encoded in one field. */
function decodeArgs(raw: string, type: string | undefined): Record<string, unknown> {
  if ((type ?? '').includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain string */
      }
    }
    out[k] = v;
  }
  return out;
}

export class FakeSlack extends EventEmitter {
  readonly calls: ApiCall[] = [];
  readonly responds: RespondCall[] = [];
  readonly socketMessages: Record<string, unknown>[] = [];
  readonly messages: StoredMessage[] = [];
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  private readonly failures = new Map<string, Failure[]>();
  private server!: Server;
  private wss!: WebSocketServer;
  private socket?: WebSocket;
  private tsCounter = 1_700_000_000;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
        },
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/link' });
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Record<string, unknown>;
        this.socketMessages.push(msg);
        this.emit('socket-message', msg);
      });
      this.emit('socket-open');
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next calls of `method` fail as given, in order. */
  failNext(method: string, ...f: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...f]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.responds.length = 0;
    this.socketMessages.length = 0;
  }

  /** Resolves once `check` returns a value (checked now and after every recorded call); rejects after `ms`. */
  async waitFor<T>(check: () => T | undefined | false, ms = 5000, what = 'condition'): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const onEvent = () => {
        const v = check();
        if (v) {
          cleanup();
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('call', onEvent);
        this.off('respond', onEvent);
        this.off('socket-message', onEvent);
      };
      this.on('call', onEvent);
      this.on('respond', onEvent);
      this.on('socket-message', onEvent);
    });
  }

  /** Sends a Socket Mode envelope and waits for the app's ack carrying the same envelope_id. */
  async sendEnvelope(type: string, payload: Record<string, unknown>, ms = 5000): Promise<Record<string, unknown>> {
    if (!this.socket) await once(this, 'socket-open');
    const envelopeId = `env-${Math.random().toString(36).slice(2)}`;
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type, accepts_response_payload: true, payload }));
    return this.waitFor(() => this.socketMessages.find((m) => m.envelope_id === envelopeId), ms, `ack of ${envelopeId}`);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/respond/')) {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      this.responds.push({ path: url.pathname, body });
      this.emit('respond');
      return { status: 200, body: { ok: true } };
    }
    const m = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!m || req.method !== 'POST') return { status: 404, body: { ok: false, error: 'unknown_method' } };
    const method = m[1]!;
    const args = decodeArgs(raw, req.headers['content-type']);
    this.calls.push({ method, args, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
    const result = this.answer(method, args);
    this.emit('call');
    return result;
  }

  private answer(method: string, args: Record<string, unknown>): { status: number; body: unknown; headers?: Record<string, string> } {
    const queued = this.failures.get(method);
    const fail = queued?.shift();
    if (fail) {
      if ('error' in fail) return { status: 200, body: { ok: false, error: fail.error } };
      return {
        status: fail.status,
        body: { ok: false, error: fail.status === 429 ? 'ratelimited' : 'internal_error' },
        ...(fail.retryAfter !== undefined ? { headers: { 'retry-after': String(fail.retryAfter) } } : {}),
      };
    }
    const ok = (body: Record<string, unknown>) => ({ status: 200, body: { ok: true, ...body } });
    switch (method) {
      case 'auth.test':
        return ok({ url: 'https://fake.slack/', team: 'Fake', user: 'radar', team_id: BOT.teamId, user_id: BOT.userId, bot_id: BOT.botId });
      case 'apps.connections.open':
        return ok({ url: `ws://127.0.0.1:${this.port}/link?ticket=t` });
      case 'chat.postMessage': {
        const channel = String(args.channel);
        if (!/^[CGD][A-Z0-9]+$/.test(channel)) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
        const msg: StoredMessage = {
          ts: `${++this.tsCounter}.000100`,
          channel,
          ...(typeof args.text === 'string' ? { text: args.text } : {}),
          ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as StoredMessage['metadata'] } : {}),
          bot_id: BOT.botId,
          user: BOT.userId,
        };
        this.messages.push(msg);
        return ok({ channel, ts: msg.ts, message: msg });
      }
      case 'chat.update': {
        const msg = this.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
        if (!msg) return { status: 200, body: { ok: false, error: 'message_not_found' } };
        if (typeof args.text === 'string') msg.text = args.text;
        if (Array.isArray(args.blocks)) msg.blocks = args.blocks;
        if (args.metadata) msg.metadata = args.metadata as StoredMessage['metadata'];
        return ok({ channel: msg.channel, ts: msg.ts, text: msg.text });
      }
      case 'conversations.history': {
        const all = this.messages.filter((x) => x.channel === args.channel).reverse();
        const keepMeta = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        const limit = Number(args.limit ?? 100);
        const start = Number(args.cursor ?? 0);
        const page = all.slice(start, start + limit).map(({ metadata, ...rest }) => ({ type: 'message', ...rest, ...(keepMeta && metadata ? { metadata } : {}) }));
        const next = start + limit < all.length ? String(start + limit) : '';
        return ok({ messages: page, has_more: Boolean(next), response_metadata: { next_cursor: next } });
      }
      case 'users.info': {
        const id = String(args.user);
        const u = this.users.get(id);
        return ok({ user: { id, name: id.toLowerCase(), is_admin: Boolean(u?.is_admin), is_owner: Boolean(u?.is_owner), is_primary_owner: false } });
      }
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }
}
