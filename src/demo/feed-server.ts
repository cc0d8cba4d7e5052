// Serves the bundled sample feeds on 127.0.0.1 for the demo and for tests.
// Dates in the files are written relative to now ({{ago:3h}}, {{iso:1h}}) so
// the items are always fresh enough to alert on.
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface FeedServer {
  baseUrl: string;
  files: string[];
  close(): Promise<void>;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function expandDates(text: string, now: Date): string {
  return text.replace(/\{\{(ago|iso):(\d+)([mhd])\}\}/g, (_m, kind: string, n: string, unit: string) => {
    const when = new Date(now.getTime() - Number(n) * (UNIT_MS[unit] ?? 0));
    return kind === 'ago' ? when.toUTCString() : when.toISOString();
  });
}

export async function serveFeeds(dir: string, opts: { host?: string; now?: () => Date } = {}): Promise<FeedServer> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? (() => new Date());
  const files = readdirSync(dir).filter((f) => /\.(xml|json|html)$/.test(f));
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.replace(/^\//, ''));
    if (!files.includes(name)) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = expandDates(readFileSync(join(dir, name), 'utf8'), now());
    const type = { '.xml': 'application/xml', '.json': 'application/feed+json', '.html': 'text/html' }[extname(name)] ?? 'text/plain';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    files,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
