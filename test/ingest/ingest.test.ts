import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { Fetcher } from '../../src/fetch/fetcher.js';
import type { Source } from '../../src/domain.js';
import { serve, RSS, type TestServer } from './servers.js';
import { ArticleFetcher } from '../../src/article/index.js';

const NOW = new Date('2025-04-15T12:00:00Z');
const ago = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toUTCString();

let store: Store;
let servers: TestServer[] = [];
let fetcher: Fetcher;
beforeEach(async () => {
  store = await Store.open('sqlite::memory:');
  fetcher = new Fetcher({ retries: 0, now: () => NOW });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await fetcher.close();
  await store.close();
});

/** A feed server whose body can be changed between polls; answers 304 to a matching ETag. */
async function feedServer(host: string, initial: string): Promise<{ server: TestServer; set(body: string): void }> {
  let body = initial;
  let version = 1;
  const server = await serve((req, res) => {
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
    res.writeHead(200, { etag, 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  }, host);
  servers.push(server);
  return { server, set: (b) => { body = b; version++; } };
}

const src = (id: string, url: string, extra: Partial<Source> = {}): Source => ({ id, name: id.toUpperCase(), url, type: 'feed', kind: 'news', enabled: true, ...extra });

describe('ingest', () => {
  it('no floods: a new source records its backlog but only young items make changes', async () => {
    const f = await feedServer('127.0.0.1', RSS([
      { title: 'Meta will train AI on EU users public posts', link: 'https://a.example/1', date: ago(2) },
      { title: 'Old story from last month', link: 'https://a.example/2', date: ago(24 * 30) },
      { title: 'Undated item', link: 'https://a.example/3' },
    ]));
    const sources = [src('a', `${f.server.url}/feed`)];
    const r1 = await ingest({ store, sources, fetcher, now: NOW });
    expect(r1).toMatchObject({ sources: 1, fetched: 1, failed: 0, items: 3, newItems: 3 });
    expect(r1.changes.map((c) => c.story.title)).toEqual(['Meta will train AI on EU users public posts']);
    expect(r1.changes[0]!.isNew).toBe(true);
    expect((await store.sources.get('a'))!.firstPollDone).toBe(true);

    // Unchanged feed: a 304, nothing new.
    const r2 = await ingest({ store, sources, fetcher, now: NOW });
    expect(r2).toMatchObject({ notModified: 1, http304: 1, newItems: 0, changes: [] });

    // A new undated item on a known source is new; seen items are never processed again.
    f.set(RSS([
      { title: 'Another undated item', link: 'https://a.example/4' },
      { title: 'Meta will train AI on EU users public posts', link: 'https://a.example/1', date: ago(2) },
      { title: 'Undated item', link: 'https://a.example/3' },
    ]));
    const r3 = await ingest({ store, sources, fetcher, now: NOW });
    expect(r3.newItems).toBe(1);
    expect(r3.changes.map((c) => c.story.title)).toEqual(['Another undated item']);
  });

  it('honours maxAgeDays', async () => {
    const f = await feedServer('127.0.0.1', RSS([{ title: 'Five days old', link: 'https://a.example/5', date: ago(24 * 5) }]));
    const r = await ingest({ store, sources: [src('a', f.server.url)], fetcher, now: NOW, maxAgeDays: 7 });
    expect(r.changes.length).toBe(1);
  });

  it('one event from two outlets on two hosts is one story with both sources; a later poll adds nothing', async () => {
    const en = await feedServer('127.0.0.2', RSS([{ title: 'Meta will start training its AI models on public content from EU users', link: 'https://en.example/meta', date: ago(5), description: 'Public posts and comments by adults on Facebook and Instagram; users can object.' }]));
    const de = await feedServer('127.0.0.3', RSS([{ title: 'Meta will KI mit öffentlichen Beiträgen von EU-Nutzern trainieren', link: 'https://de.example/meta', date: ago(3), description: 'Facebook- und Instagram-Nutzer können per Formular widersprechen.' }]));
    const sources = [src('en', en.server.url, { lang: 'en' }), src('de', de.server.url, { lang: 'de' })];
    const r = await ingest({ store, sources, fetcher, now: NOW });
    expect(r.changes.length).toBe(1);
    const story = r.changes[0]!.story;
    expect(story.sources.map((s) => [s.sourceId, s.sourceName])).toEqual([['en', 'EN'], ['de', 'DE']]);
    expect(r.changes[0]!.newItems.length).toBe(2);
    expect((await store.stories.get(story.id))!.sources.length).toBe(2);
    const again = await ingest({ store, sources, fetcher, now: NOW });
    expect(again.changes).toEqual([]);
    expect(again.http304).toBe(2);
  });

  it('a later outlet updates the existing story (isNew false)', async () => {
    const en = await feedServer('127.0.0.2', RSS([{ title: "Italy's privacy watchdog fines OpenAI €15 million over ChatGPT", link: 'https://en.example/openai', date: ago(6) }]));
    await ingest({ store, sources: [src('en', en.server.url)], fetcher, now: NOW });
    const fr = await feedServer('127.0.0.3', RSS([{ title: "L'Italie inflige une amende de 15 millions d'euros à OpenAI pour ChatGPT", link: 'https://fr.example/openai', date: ago(4) }]));
    const r = await ingest({ store, sources: [src('en', en.server.url), src('fr', fr.server.url)], fetcher, now: NOW });
    expect(r.changes.length).toBe(1);
    expect(r.changes[0]!.isNew).toBe(false);
    expect(r.changes[0]!.story.sources.map((s) => s.sourceId)).toEqual(['en', 'fr']);
    expect(r.changes[0]!.newItems.map((i) => i.sourceId)).toEqual(['fr']);
  });

  it('dry run computes everything and writes nothing', async () => {
    const f = await feedServer('127.0.0.1', RSS([{ title: 'Fresh', link: 'https://a.example/f', date: ago(1) }]));
    const r = await ingest({ store, sources: [src('a', f.server.url)], fetcher, now: NOW, dryRun: true });
    expect(r.changes.length).toBe(1);
    expect(await store.stories.values()).toEqual([]);
    expect(await store.sources.values()).toEqual([]);
    expect(await store.ns('ingest').values()).toEqual([]);
    expect(await store.ns('story-index').values()).toEqual([]);
  });

  it('a dead, broken or hostile source fails alone and shows in its health', async () => {
    const good = await feedServer('127.0.0.1', RSS([{ title: 'Fine', link: 'https://a.example/fine', date: ago(1) }]));
    const broken = await serve((_req, res) => res.writeHead(500).end('oops'), '127.0.0.2');
    const html = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Moved</body></html>'), '127.0.0.3');
    servers.push(broken, html);
    const sources = [src('good', good.server.url), src('broken', broken.url), src('html', html.url), src('off', 'http://127.0.0.1:9/', { enabled: false })];
    const r = await ingest({ store, sources, fetcher, now: NOW });
    expect(r).toMatchObject({ sources: 3, fetched: 2, failed: 1 });
    expect(r.changes.map((c) => c.story.title)).toEqual(['Fine']);
    expect(r.errors.map((e) => e.sourceId).sort()).toEqual(['broken', 'html']);
    expect(r.errors.find((e) => e.sourceId === 'html')!.error).toMatch(/Not a feed/);
    expect(await store.sources.get('broken')).toMatchObject({ consecutiveFailures: 1, lastError: 'HTTP 500' });
    expect(await store.sources.get('html')).toMatchObject({ consecutiveFailures: 1, lastError: expect.stringMatching(/parse: Not a feed/) });
    // Backing off: the next cycle hits neither the dead host nor the one serving HTML.
    const before = broken.requests.length + html.requests.length;
    const r2 = await ingest({ store, sources, fetcher, now: NOW });
    expect(broken.requests.length + html.requests.length).toBe(before);
    expect(r2.skipped).toBe(2);
    expect(r2.perSource.find((p) => p.sourceId === 'html')!.reason).toMatch(/backing off until/);
  });

  it('an HTML source whose recipe matches nothing is reported as failing', async () => {
    const page = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><main><p>Redesigned!</p></main></body></html>'), '127.0.0.4');
    servers.push(page);
    const r = await ingest({ store, sources: [src('dpc', page.url, { type: 'html', kind: 'regulator', html: { item: 'div.view-content article', title: 'h2' } })], fetcher, now: NOW });
    expect(r.errors).toEqual([{ sourceId: 'dpc', error: 'scrape: the recipe matched no items (page layout changed?)' }]);
    expect((await store.sources.get('dpc'))!.consecutiveFailures).toBe(1);
  });

  it('reads HTML sources and Google News query feeds', async () => {
    const page = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<html><body><div class="view-content"><article><h2><a href="/en/news/1">DPC decision on AI training</a></h2><p class="date">14th April 2025</p></article></div></body></html>`), '127.0.0.4');
    const gn = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      RSS([{ title: 'Garante fines OpenAI - Reuters', link: 'https://news.google.com/rss/articles/CBMiqwFBVV95cUxN?oc=5', date: ago(2) }])), '127.0.0.5');
    servers.push(page, gn);
    const sources: Source[] = [
      src('dpc', `${page.url}/en/news`, { type: 'html', kind: 'regulator', html: { item: 'div.view-content article', title: 'h2', link: 'h2 a', date: 'p.date' } }),
      src('gn', gn.url, { type: 'google-news', query: { q: 'x', lang: 'en', region: 'US' } }),
    ];
    const r = await ingest({ store, sources, fetcher, now: NOW });
    const titles = r.changes.map((c) => c.story.title).sort();
    expect(titles).toEqual(['DPC decision on AI training', 'Garante fines OpenAI']);
    const dpc = r.changes.find((c) => c.story.title.startsWith('DPC'))!.story;
    expect(dpc.link).toBe(`${page.url}/en/news/1`);
    expect(dpc.published).toBe('2025-04-14T00:00:00.000Z');
  });

  it('fetches article text for items that may be relevant (filter) and keeps it on the story', async () => {
    const page = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(
      '<html><body><nav>Menu</nav><article><p>LinkedIn members outside the EU were opted in to AI training; the setting is under Data privacy.</p><p>Opting out does not undo past training, the company said in its FAQ.</p></article></body></html>'), '127.0.0.6');
    servers.push(page);
    const f = await feedServer('127.0.0.1', RSS([
      { title: 'LinkedIn trains AI on user data', link: `${page.url}/linkedin`, date: ago(1) },
      { title: 'Phone maker cuts prices', link: `${page.url}/phone`, date: ago(1) },
    ]));
    const articles = new ArticleFetcher({ guard: { allowLoopback: true } });
    try {
      const r = await ingest({ store, sources: [src('a', f.server.url)], fetcher, now: NOW, articles: { fetcher: articles, filter: (i) => /AI/.test(i.title) } });
      const li = r.changes.find((c) => c.story.title.startsWith('LinkedIn'))!;
      expect(li.story.content).toMatch(/does not undo past training/);
      expect(li.story.content).not.toMatch(/Menu/);
      expect(r.changes.find((c) => c.story.title.startsWith('Phone'))!.story.content).toBeUndefined();
      expect(page.requests.map((q) => q.url)).toEqual(['/linkedin']);
    } finally {
      await articles.close();
    }
  });

  it('spread: new sources are polled at once, then each once per interval in its own slot', async () => {
    const f = await feedServer('127.0.0.1', RSS([{ title: 'x', link: 'https://a.example/x', date: ago(100) }]));
    const sources = Array.from({ length: 20 }, (_, i) => src(`s${i}`, `${f.server.url}/f${i}`));
    const spread = { intervalMs: 15 * 60_000, tickMs: 60_000 };
    const first = await ingest({ store, sources, fetcher, now: NOW, spread });
    expect(first.fetched).toBe(20);
    const counts = new Map<string, number>();
    for (let k = 1; k <= 15; k++) {
      const r = await ingest({ store, sources, fetcher, now: new Date(NOW.getTime() + k * 60_000), spread });
      for (const p of r.perSource) counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
      expect(r.perSource.length + r.skipped).toBe(20);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(20);
  });
});
