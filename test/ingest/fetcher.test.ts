import { describe, it, expect, afterEach } from 'vitest';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Fetcher, type FetcherOptions } from '../../src/fetch/fetcher.js';
import type { Source, SourceState } from '../../src/domain.js';
import { serve, silentTcp, RSS, type TestServer } from './servers.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function server(...args: Parameters<typeof serve>): Promise<TestServer> {
  const s = await serve(...args);
  open.push(s);
  return s;
}
function fetcher(o: FetcherOptions = {}): Fetcher {
  const f = new Fetcher({ retries: 0, retryBaseMs: 5, ...o });
  open.push(f);
  return f;
}
const src = (url: string, id = 'test'): Source => ({ id, name: id, url, type: 'feed', kind: 'news', enabled: true });
const FEED = RSS([{ title: 'Hello', link: 'http://example.com/a' }]);

describe('conditional GET and caching', () => {
  it('stores the ETag and Last-Modified and gets a 304 on the next poll', async () => {
    const s = await server((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2025 07:28:00 GMT', 'content-type': 'application/rss+xml' }).end(FEED);
    });
    const f = fetcher();
    const a = await f.fetch(src(`${s.url}/feed`), undefined);
    expect(a.status).toBe('fetched');
    expect(a.text).toContain('<title>Hello</title>');
    expect(a.state.etag).toBe('"v1"');
    expect(a.state.lastModified).toBe('Wed, 21 Oct 2025 07:28:00 GMT');
    const b = await f.fetch(src(`${s.url}/feed`), a.state);
    expect(b.status).toBe('not-modified');
    expect(b.httpStatus).toBe(304);
    expect(s.requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(s.requests[1]!.headers['if-modified-since']).toBe('Wed, 21 Oct 2025 07:28:00 GMT');
    expect(b.state.etag).toBe('"v1"'); // kept across a 304
  });

  it('reports an unchanged body (same hash) without handing the text back for parsing', async () => {
    const s = await server((_req, res) => res.writeHead(200, { 'content-type': 'text/xml' }).end(FEED));
    const f = fetcher();
    const a = await f.fetch(src(s.url), undefined);
    const b = await f.fetch(src(s.url), a.state);
    expect(a.status).toBe('fetched');
    expect(b.status).toBe('unchanged');
    expect(b.text).toBeUndefined();
  });

  it('respects a fresh Cache-Control max-age, capped', async () => {
    const s = await server((_req, res) => res.writeHead(200, { 'cache-control': 'public, max-age=999999' }).end(FEED));
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const f = fetcher({ maxFreshMs: 600_000, now: () => new Date(clock) });
    const a = await f.fetch(src(s.url), undefined);
    expect(a.state.freshUntil).toBe(new Date(clock + 600_000).toISOString());
    clock += 60_000;
    const b = await f.fetch(src(s.url), a.state);
    expect(b.status).toBe('skipped');
    expect(s.requests.length).toBe(1);
    clock += 600_000;
    const c = await f.fetch(src(s.url), b.state);
    expect(c.status).toBe('unchanged');
    expect(s.requests.length).toBe(2);
  });

  it('sends an honest User-Agent and asks for compression', async () => {
    const s = await server((_req, res) => res.end(FEED));
    await fetcher().fetch(src(s.url), undefined);
    expect(s.requests[0]!.headers['user-agent']).toMatch(/^optout-radar\/\d+\.\d+\.\d+ \(/);
    expect(s.requests[0]!.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/);
  });
});

describe('compressed bodies', () => {
  for (const [enc, fn] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
    it(`decodes Content-Encoding: ${enc}`, async () => {
      const body = (fn as (b: Buffer) => Buffer)(Buffer.from(FEED));
      const s = await server((_req, res) => res.writeHead(200, { 'content-encoding': enc, 'content-type': 'application/xml' }).end(body));
      const r = await fetcher().fetch(src(s.url), undefined);
      expect(r.status).toBe('fetched');
      expect(r.text).toBe(FEED);
      expect(r.bytes).toBe(body.length);
    });
  }

  it('caps the decompressed size too (a gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const s = await server((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    const r = await fetcher({ maxBytes: 1024 * 1024 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/too large/);
  });
});

describe('redirects', () => {
  it('follows a chain of up to 5 redirects', async () => {
    const s = await server((req, res) => {
      const n = Number(/\/r(\d)/.exec(req.url ?? '')?.[1] ?? 0);
      if (n < 5) return res.writeHead(n % 2 ? 301 : 302, { location: `/r${n + 1}` }).end();
      res.end(FEED);
    });
    const r = await fetcher().fetch(src(`${s.url}/r0`), undefined);
    expect(r.status).toBe('fetched');
    expect(r.url).toBe(`${s.url}/r5`);
  });

  it('treats a 3xx without Location as an error', async () => {
    const s = await server((_req, res) => res.writeHead(302).end('moved somewhere'));
    const r = await fetcher().fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/302 without a Location/);
  });

  it('gives up after 5 redirects', async () => {
    const s = await server((req, res) => {
      const n = Number(/\/r(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      res.writeHead(307, { location: `/r${n + 1}` }).end();
    });
    const r = await fetcher().fetch(src(`${s.url}/r0`), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/too many redirects/);
    expect(s.requests.length).toBe(6);
  });

  it('detects a redirect loop across hosts', async () => {
    let other = '';
    const a = await server((_req, res) => res.writeHead(302, { location: `${other}/b` }).end(), '127.0.0.2');
    const b = await server((_req, res) => res.writeHead(301, { location: `${a.url}/a` }).end(), '127.0.0.3');
    other = b.url;
    const r = await fetcher().fetch(src(`${a.url}/a`), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/redirect loop/);
    expect(a.requests.length + b.requests.length).toBe(2);
  });
});

describe('timeouts and caps', () => {
  it('times out a connection that never completes (TLS handshake to a silent server)', async () => {
    const tcp = await silentTcp();
    open.push(tcp);
    const t0 = Date.now();
    const r = await fetcher({ connectTimeoutMs: 150, totalTimeoutMs: 5_000 }).fetch(src(`https://127.0.0.1:${tcp.port}/`), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/connect timeout/);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('times out a server that sends no headers', async () => {
    const s = await server(() => undefined);
    const r = await fetcher({ readTimeoutMs: 150 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/read timeout/);
  });

  it('times out a body that stalls', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<rss>');
    });
    const r = await fetcher({ readTimeoutMs: 150 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/read timeout|total timeout/);
  });

  it('cuts off a server that drips one byte at a time (total timeout)', async () => {
    let timer: NodeJS.Timeout | undefined;
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      timer = setInterval(() => res.write('x'), 20); // each byte arrives well inside the read timeout
      res.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    const r = await fetcher({ readTimeoutMs: 1_000, totalTimeoutMs: 250 }).fetch(src(s.url), undefined);
    clearInterval(timer);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/total timeout/);
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  it('refuses a body over the cap by Content-Length', async () => {
    const s = await server((_req, res) => res.writeHead(200, { 'content-length': String(10_000_000) }).end());
    const r = await fetcher({ maxBytes: 100_000 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/too large/);
  });

  it('enforces the cap while streaming when there is no Content-Length', async () => {
    let sent = 0;
    let stop = false;
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => {
        while (!stop && sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (stop = true));
      pump();
    });
    const r = await fetcher({ maxBytes: 256 * 1024 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/too large/);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('charsets', () => {
  const TEXT = 'Données personnelles – «IA» ¿qué? Straße €';
  const xml = (decl?: string) => `<?xml version="1.0"${decl ? ` encoding="${decl}"` : ''}?><rss version="2.0"><channel><title>${TEXT}</title></channel></rss>`;
  const cases: [string, Buffer, string | undefined][] = [
    ['charset in the header (windows-1252)', iconv.encode(xml(), 'windows-1252'), 'text/xml; charset=windows-1252'],
    ['charset in the XML declaration only (ISO-8859-15 → declared)', iconv.encode(xml('windows-1252'), 'windows-1252'), 'text/xml'],
    ['no charset anywhere, legacy bytes (fallback to windows-1252)', iconv.encode(xml(), 'windows-1252'), 'application/rss+xml'],
    ['header says UTF-8 but bytes are Latin-1 (wrong charset)', iconv.encode(xml(), 'windows-1252'), 'text/xml; charset=utf-8'],
    ['header says ISO-8859-1 but bytes are UTF-8 (wrong charset)', Buffer.from(xml()), 'text/xml; charset=iso-8859-1'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('UTF-16'), 'utf-16le')]), 'text/xml'],
    ['UTF-16BE without a BOM', iconv.encode(xml('UTF-16'), 'utf-16be'), undefined],
    ['UTF-8 with a BOM and a wrong header', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml())]), 'text/xml; charset=windows-1252'],
  ];
  for (const [name, body, type] of cases) {
    it(name, async () => {
      const euro = name.includes('ISO-8859-1 but') || name.includes('UTF') || name.includes('windows') || name.includes('legacy') || name.includes('Latin-1');
      const s = await server((_req, res) => res.writeHead(200, type ? { 'content-type': type } : {}).end(body));
      const r = await fetcher().fetch(src(s.url), undefined);
      expect(r.status).toBe('fetched');
      expect(r.text).toContain(euro ? TEXT : TEXT.replace('€', ''));
      expect(r.text!.charCodeAt(0)).not.toBe(0xfeff);
    });
  }
});

describe('errors, retries and health', () => {
  it('honours Retry-After on 429 by not coming back before it', async () => {
    const s = await server((_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const f = fetcher({ retries: 3, now: () => new Date(clock) });
    const r = await f.fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toBe('HTTP 429');
    expect(s.requests.length).toBe(1); // 120 s is longer than we wait inside a cycle
    expect(Date.parse(r.state.nextAttempt!)).toBeGreaterThanOrEqual(clock + 120_000);
    clock += 60_000;
    const again = await f.fetch(src(s.url), r.state);
    expect(again.status).toBe('skipped');
    expect(s.requests.length).toBe(1);
  });

  it('waits a short Retry-After (HTTP date form) on 503 and then succeeds', async () => {
    const s = await server((_req, res, n) => {
      if (n === 1) return res.writeHead(503, { 'retry-after': new Date(Date.now() - 1000).toUTCString() }).end();
      res.end(FEED);
    });
    const r = await fetcher({ retries: 2 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('fetched');
    expect(r.attempts).toBe(2);
  });

  it('retries 500s with backoff inside one fetch and recovers', async () => {
    const s = await server((_req, res, n) => (n <= 2 ? res.writeHead(500).end('boom') : res.end(FEED)));
    const r = await fetcher({ retries: 3, retryBaseMs: 5, retryMaxMs: 20 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('fetched');
    expect(r.attempts).toBe(3);
    expect(r.state.consecutiveFailures).toBe(0);
  });

  it('tracks health across polls: failures, backoff, pause, re-probe, recovery', async () => {
    let failing = true;
    const s = await server((_req, res) => (failing ? res.writeHead(500).end() : res.end(FEED)));
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const f = fetcher({ now: () => new Date(clock), health: { pauseAfter: 3, backoffBaseMs: 60_000, backoffMaxMs: 600_000, reprobeMs: 3_600_000 }, random: () => 0.5 });
    let st: SourceState | undefined;
    for (let i = 1; i <= 3; i++) {
      const r = await f.fetch(src(s.url), st);
      expect(r.status).toBe('error');
      st = r.state;
      expect(st.consecutiveFailures).toBe(i);
      expect(st.lastError).toBe('HTTP 500');
      const skipped = await f.fetch(src(s.url), st);
      expect(skipped.status).toBe('skipped');
      clock = Date.parse(st.nextAttempt!) + 1;
    }
    expect(st!.paused).toBe(true);
    // The pause lasted the re-probe interval (jittered between half and all of it).
    expect(Date.parse(st!.nextAttempt!) - Date.parse(st!.lastErrorAt!)).toBeGreaterThanOrEqual(1_800_000);
    failing = false;
    const before = s.requests.length;
    const ok = await f.fetch(src(s.url), st);
    expect(s.requests.length - before).toBe(1); // one probe, no burst
    expect(ok.status).toBe('fetched');
    expect(ok.state).toMatchObject({ consecutiveFailures: 0, paused: false });
    expect(ok.state.lastSuccess).toBe(new Date(clock).toISOString());
  });

  it('keeps all attempts for one source inside its time budget', async () => {
    const s = await server(() => undefined); // never answers
    const t0 = Date.now();
    const r = await fetcher({ retries: 10, retryBaseMs: 10, readTimeoutMs: 100, budgetMs: 2_500 }).fetch(src(s.url), undefined);
    expect(r.status).toBe('error');
    expect(r.attempts).toBeLessThan(11);
    expect(Date.now() - t0).toBeLessThan(2_700);
  });

  it('falls back to a known alternate address when the main one is gone (404)', async () => {
    const s = await server((req, res) => (req.url === '/old' ? res.writeHead(404).end() : res.end(FEED)));
    const r = await fetcher({ retries: 2 }).fetch({ ...src(`${s.url}/old`), alternates: [`${s.url}/new`] }, undefined);
    expect(r.status).toBe('fetched');
    expect(r.url).toBe(`${s.url}/new`);
    expect(r.reason).toMatch(/used alternate/);
    expect(s.requests.map((q) => q.url)).toEqual(['/old', '/new']); // a 404 is not retried
  });

  it('a refused connection is an error, not a crash', async () => {
    const s = await server((_req, res) => res.end());
    const url = s.url;
    await s.close();
    const r = await fetcher().fetch(src(url), undefined);
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/refused|reset/);
  });
});

describe('concurrency limits', () => {
  it('keeps at most N connections per host and M overall', async () => {
    let active = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    const peakHost = new Map<string, number>();
    const servers: TestServer[] = [];
    for (let h = 2; h <= 5; h++) {
      servers.push(
        await server((req, res) => {
          const host = req.socket.localAddress!;
          active++;
          perHost.set(host, (perHost.get(host) ?? 0) + 1);
          peak = Math.max(peak, active);
          peakHost.set(host, Math.max(peakHost.get(host) ?? 0, perHost.get(host)!));
          setTimeout(() => {
            active--;
            perHost.set(host, perHost.get(host)! - 1);
            res.end(FEED);
          }, 30);
        }, `127.0.0.${h}`),
      );
    }
    const f = fetcher({ perHostConcurrency: 2, globalConcurrency: 5 });
    const jobs = servers.flatMap((s, i) => Array.from({ length: 5 }, (_, j) => f.fetch(src(`${s.url}/f${j}`, `s${i}-${j}`), undefined)));
    const results = await Promise.all(jobs);
    expect(results.every((r) => r.status === 'fetched')).toBe(true);
    expect(peak).toBeLessThanOrEqual(5);
    expect(Math.max(...peakHost.values())).toBeLessThanOrEqual(2);
    expect(peak).toBeGreaterThanOrEqual(4); // and it did run in parallel
  });
});
