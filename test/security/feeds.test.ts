// Hostile feeds through the real path: Fetcher (undici) → parseFeed → normalise
// → ingest, against local servers on 127.0.0.x. Each attack must end as a
// failed (or cleaned) source, never as a crash, a hang, a read of a local file,
// a request to another host, or unbounded memory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGzip } from 'node:zlib';
import { Store } from '../../src/store/store.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { Fetcher } from '../../src/fetch/fetcher.js';
import type { Source, Story } from '../../src/domain.js';
import { composeAlert } from '../../src/compose/index.js';
import { classifyStory } from '../../src/pipeline/poll.js';
import { renderAlertBlocks } from '../../src/adapters/slack/index.js';
import { serve, type TestServer } from '../ingest/servers.js';

const NOW = new Date();
let store: Store;
let servers: TestServer[] = [];
let fetcher: Fetcher;

beforeEach(async () => {
  store = await Store.open('sqlite::memory:');
  fetcher = new Fetcher({ retries: 0, readTimeoutMs: 1_000, totalTimeoutMs: 2_500, budgetMs: 3_000 });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await fetcher.close();
  await store.close();
});

const src = (id: string, url: string): Source => ({ id, name: id, url, type: 'feed', kind: 'news', lang: 'en', enabled: true });

async function host(handler: Parameters<typeof serve>[0], address = '127.0.0.1'): Promise<TestServer> {
  const s = await serve(handler, address);
  servers.push(s);
  return s;
}

const item = (i: number, title: string, date = NOW) =>
  `<item><title>${title}</title><link>https://news.example/a/${i}</link><guid>g-${i}</guid><pubDate>${date.toUTCString()}</pubDate><description>Story ${i}.</description></item>`;
const rss = (items: string, prolog = '') => `<?xml version="1.0" encoding="utf-8"?>${prolog}<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>${items}</channel></rss>`;

/** A healthy second source, to show the hostile one never holds the others up. */
async function goodSource(): Promise<Source> {
  const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(item(1, 'Healthy feed item'))), '127.0.0.3');
  return src('good', `${s.url}/feed.xml`);
}

describe('XML entities', () => {
  it('a billion-laughs feed does not expand (nested entities are dropped) and parses fast', async () => {
    const decl = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) decl.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const body = rss(item(1, 'Laughs &lol9; end') + item(2, 'Plain &lol; entity'), `<!DOCTYPE rss [${decl.join('')}]>`);
    const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const t0 = performance.now();
    const r = await ingest({ store, sources: [src('bomb', `${s.url}/f.xml`)], fetcher, now: NOW });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2_000);
    const titles = r.changes.flatMap((c) => c.newItems.map((i) => i.title));
    expect(titles.join('|').length).toBeLessThan(200);
    expect(titles.some((t) => t.includes('lollol'))).toBe(false);
    // The one harmless, non-nested entity is substituted once.
    expect(titles).toContain('Plain lol entity');
  });

  it('external entities (file:// and http:// to another host) are never read or fetched', async () => {
    const spy = await host((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('SECRET-FROM-OTHER-HOST'), '127.0.0.2');
    const prolog = `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "${spy.url}/evil.dtd"><!ENTITY % pe SYSTEM "${spy.url}/pe.dtd"> %pe;]>`;
    const body = rss(item(1, 'File &xxe; here') + item(2, 'Web &web; here'), prolog);
    const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const r = await ingest({ store, sources: [src('xxe', `${s.url}/f.xml`)], fetcher, now: NOW });
    const text = JSON.stringify(r.changes.map((c) => c.story));
    expect(text).not.toMatch(/root:|SECRET-FROM-OTHER-HOST/);
    expect(spy.requests).toHaveLength(0);
    expect(r.perSource[0]!.status).toBe('fetched');
  });
});

describe('huge, compressed and endless bodies', () => {
  it('a 50 MB body is cut at the cap while streaming; memory stays bounded; other sources still ingest', async () => {
    const chunk = Buffer.from(`<item><title>${'x'.repeat(65_000)}</title></item>`);
    let sent = 0;
    const s = await host((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss><channel>');
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const good = await goodSource();
    // Warm up the fetch and parse path first, so lazy initialisation is not counted as growth.
    await ingest({ store, sources: [{ ...good, id: 'warm-up' }], fetcher, now: NOW });
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    let r;
    try {
      r = await ingest({ store, sources: [src('huge', `${s.url}/f.xml`), good], fetcher, now: NOW });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - base) / 1024 / 1024;
    console.info(`50 MB body: server managed to send ${(sent / 1024 / 1024).toFixed(1)} MB before the cut; RSS growth ${growthMb.toFixed(1)} MB (cap ${fetcher.opts.maxBytes / 1024 / 1024} MB)`);
    const huge = r.perSource.find((p) => p.sourceId === 'huge')!;
    expect(huge.status).toBe('error');
    expect(huge.error).toMatch(/too large/);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
    expect(growthMb).toBeLessThan(30);
    expect(r.perSource.find((p) => p.sourceId === 'good')!.newItems).toBe(1);
  });

  it('a gzip bomb (hundreds of MB from a small body) stops at the decompressed cap', async () => {
    // 300 MB of spaces inside a feed, gzipped as a stream (never held in memory whole).
    const gz = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gz.on('data', (d: Buffer) => parts.push(d));
    const done = new Promise((r) => gz.on('end', r));
    gz.write(rss('').slice(0, -'</channel></rss>'.length));
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 300; i++) gz.write(spaces);
    gz.end('</channel></rss>');
    await done;
    const bomb = Buffer.concat(parts);
    const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb));
    const good = await goodSource();
    const r = await ingest({ store, sources: [src('bomb', `${s.url}/f.xml`), good], fetcher, now: NOW });
    console.info(`gzip bomb: ${(bomb.length / 1024).toFixed(0)} KB on the wire → 300 MB inflated; stopped at ${fetcher.opts.maxBytes / 1024 / 1024} MB`);
    const p = r.perSource.find((x) => x.sourceId === 'bomb')!;
    expect(p.status).toBe('error');
    expect(p.error).toMatch(/too large.*decompressed/);
    expect(r.perSource.find((x) => x.sourceId === 'good')!.newItems).toBe(1);
  });

  it('a server that drips bytes forever is cut off by the total timeout; the other sources of the cycle are processed', async () => {
    const timers: NodeJS.Timeout[] = [];
    const s = await host((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss><channel>');
      // The server's own pace (a byte every 50 ms), not a wait in the test.
      const t = setInterval(() => res.write(' '), 50);
      timers.push(t);
      res.on('close', () => clearInterval(t));
    });
    const good = await goodSource();
    const t0 = performance.now();
    const r = await ingest({ store, sources: [src('drip', `${s.url}/f.xml`), good], fetcher, now: NOW });
    const ms = performance.now() - t0;
    for (const t of timers) clearInterval(t);
    console.info(`drip: cut after ${Math.round(r.perSource.find((x) => x.sourceId === 'drip')!.ms)} ms (total timeout ${fetcher.opts.totalTimeoutMs} ms); whole ingest ${Math.round(ms)} ms`);
    const p = r.perSource.find((x) => x.sourceId === 'drip')!;
    expect(p.status).toBe('error');
    expect(p.error).toMatch(/timeout/);
    expect(ms).toBeLessThan(fetcher.opts.totalTimeoutMs + 1_500);
    expect(r.perSource.find((x) => x.sourceId === 'good')!.newItems).toBe(1);
  });
});

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

describe('bad text', () => {
  it('invalid UTF-8 and control characters in titles are cleaned; the alert text is clean', async () => {
    const title = Buffer.concat([
      Buffer.from('LinkedIn will train AI on user data \u0007\u001b[31m opt\u0000 out '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from(' \u202eevil\u202c &#0; &#x1b; &#xFFFF; now'),
    ]);
    const body = Buffer.concat([Buffer.from(rss('').slice(0, -'</channel></rss>'.length)), Buffer.from('<item><title>'), title, Buffer.from(`</title><link>https://news.example/x</link><guid>x1</guid><pubDate>${NOW.toUTCString()}</pubDate><description>LinkedIn users can opt out of generative AI training \u0001 in settings.</description></item></channel></rss>`)]);
    const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body));
    const r = await ingest({ store, sources: [src('bad', `${s.url}/f.xml`)], fetcher, now: NOW });
    expect(r.perSource[0]!.status).toBe('fetched');
    const story = r.changes[0]!.story as Story;
    const t = story.title;
    expect(t).toMatch(/LinkedIn will train AI/);
    expect(t).not.toMatch(CONTROL);
    const decision = classifyStory(story, 0.5);
    const alert = composeAlert(story, decision, { lang: 'en' });
    const blocks = JSON.stringify(renderAlertBlocks(alert));
    expect(JSON.stringify(alert)).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]|\\u007f/);
    expect(blocks).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]/);
    for (const v of [alert.headline, ...alert.summary, ...alert.sources.map((x) => x.title)]) expect(v).not.toMatch(CONTROL);
    expect(alert.headline).toMatch(/LinkedIn will train AI/);
  });

  it('10,000 items in one feed: processed fast; a new source alerts only on young items, at most the per-source cap', async () => {
    const old = new Date(NOW.getTime() - 30 * 86_400_000);
    const items: string[] = [];
    for (let i = 0; i < 10_000; i++) items.push(item(i, `Platform ${i} will use member posts to train AI models`, i % 2 ? old : NOW));
    const body = rss(items.join(''));
    const s = await host((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const big = new Fetcher({ retries: 0, maxBytes: 16 * 1024 * 1024 });
    const t0 = performance.now();
    let r;
    try {
      r = await ingest({ store, sources: [src('flood', `${s.url}/f.xml`)], fetcher: big, now: NOW });
    } finally {
      await big.close();
    }
    const ms = performance.now() - t0;
    const alerting = r.changes.reduce((n, c) => n + c.newItems.length, 0);
    console.info(`10k items (${(body.length / 1024 / 1024).toFixed(1)} MB): ${r.items} parsed, ${r.newItems} recorded as seen, ${alerting} young items kept as story candidates, ${r.changes.length} stories, ${Math.round(ms)} ms`);
    expect(r.perSource[0]!.status).toBe('fetched');
    expect(ms).toBeLessThan(20_000);
    expect(alerting).toBeLessThanOrEqual(MAX_PER_SOURCE);
    // A second poll of the same feed makes nothing new.
    const again = await ingest({ store, sources: [src('flood', `${s.url}/f.xml`)], fetcher, now: NOW });
    expect(again.changes).toHaveLength(0);
  }, 60_000);
});

import { MAX_NEW_ITEMS_PER_SOURCE as MAX_PER_SOURCE } from "../../src/pipeline/ingest.js";
