// A minimal chat platform over HTTP for delivery tests: it stores messages per
// channel and can be told to fail (503, 403, 400) for a while. The matching
// sink (HttpChatSink) is what a child process uses, so a message accepted by
// the "platform" survives the child's SIGKILL.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Alert } from '../../src/domain.js';
import { DeliveryError, type AlertSink, type PostResult } from '../../src/delivery/port.js';

export interface FakeMessage { id: string; channel: string; storyId: string; sources: number; edits: number }

export class ChatFake {
  messages: FakeMessage[] = [];
  requests = 0;
  failNext: { status: number; count: number } | undefined;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        this.requests++;
        if (this.failNext && this.failNext.count > 0) {
          this.failNext.count--;
          res.writeHead(this.failNext.status, { 'content-type': 'application/json' }).end('{"error":"injected"}');
          return;
        }
        const u = new URL(req.url ?? '/', 'http://x');
        const channel = u.searchParams.get('channel') ?? '';
        if (req.method === 'POST' && u.pathname === '/post') {
          const { storyId, sources } = JSON.parse(body) as { storyId: string; sources: number };
          const m = { id: `m${this.messages.length + 1}`, channel, storyId, sources, edits: 0 };
          this.messages.push(m);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m.id }));
        } else if (req.method === 'POST' && u.pathname === '/update') {
          const { id, sources } = JSON.parse(body) as { id: string; sources: number };
          const m = this.messages.find((x) => x.id === id);
          if (m) {
            m.sources = sources;
            m.edits++;
          }
          res.writeHead(m ? 200 : 404).end('{}');
        } else if (req.method === 'GET' && u.pathname === '/find') {
          const m = this.messages.find((x) => x.channel === channel && x.storyId === u.searchParams.get('story'));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m?.id ?? null }));
        } else res.writeHead(404).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  inChannel(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server?.close(() => r()) ?? r());
  }
}

export class HttpChatSink implements AlertSink {
  readonly platform;
  constructor(
    private readonly base: string,
    private readonly channels: string[],
    platform: 'slack' | 'discord' = 'slack',
  ) {
    this.platform = platform;
  }
  alertChannels(): string[] {
    return this.channels;
  }
  private async call(path: string, init?: RequestInit): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, init);
    } catch (err) {
      throw new DeliveryError(`network: ${(err as Error).message}`, 'retry');
    }
    if (res.status === 503 || res.status === 429) throw new DeliveryError(`HTTP ${res.status}`, 'retry', 10, res.status);
    if (res.status === 403 || res.status === 404) throw new DeliveryError(`HTTP ${res.status}`, 'channel', undefined, res.status);
    if (res.status === 400) throw new DeliveryError(`HTTP 400`, 'payload', undefined, 400);
    return (await res.json()) as Record<string, unknown>;
  }
  async post(channelId: string, alert: Alert): Promise<PostResult> {
    const r = await this.call(`/post?channel=${encodeURIComponent(channelId)}`, { method: 'POST', body: JSON.stringify({ storyId: alert.storyId, sources: alert.sources.length }) });
    return { messageId: String(r.id) };
  }
  async update(_channelId: string, messageId: string, alert: Alert): Promise<void> {
    await this.call(`/update`, { method: 'POST', body: JSON.stringify({ id: messageId, sources: alert.sources.length }) });
  }
  async findMessage(channelId: string, storyId: string): Promise<string | undefined> {
    const r = await this.call(`/find?channel=${encodeURIComponent(channelId)}&story=${encodeURIComponent(storyId)}`);
    return typeof r.id === 'string' ? r.id : undefined;
  }
}
