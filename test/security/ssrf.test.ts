// Links taken from feed content are never fetched when they lead to loopback,
// private, link-local/metadata or IPv6-internal addresses: not as literals, not
// after a redirect, not through a DNS name that resolves there. The real path:
// a feed on a local server → ingest → ArticleFetcher (guard on, loopback
// forbidden as in production) → counted hits on the target servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { Store } from '../../src/store/store.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { ArticleFetcher } from '../../src/article/index.js';
import type { GuardOptions } from '../../src/fetch/guard.js';
import type { Source } from '../../src/domain.js';
import { serve, type TestServer } from '../ingest/servers.js';

const PAGE = '<html><body><article><p>LinkedIn will use member posts to train its AI models unless members opt out in the settings.</p></article></body></html>';
const NOW = new Date();

let target: TestServer; // 127.0.0.1: what an attacker wants us to reach
let target6: TestServer; // [::1]
let publicHost: TestServer; // 127.0.0.5, treated as public: the attacker's own "innocent" site
const servers: TestServer[] = [];

// The stand-in resolver: names an attacker controls and where they point.
const DNS: Record<string, string[]> = {
  'innocent.example': ['127.0.0.5'],
  'rebind.example': ['127.0.0.1'],
  'metadata.example': ['169.254.169.254'],
  'private.example': ['10.1.2.3'],
  'v6loop.example': ['::1'],
  'mixed.example': ['127.0.0.5', '127.0.0.1'],
};
const lookup: NonNullable<GuardOptions['lookup']> = (host, _o, cb) => {
  const list = DNS[host.toLowerCase()];
  if (!list) return cb(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  cb(null, list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
};
const guard: GuardOptions = { treatAsPublic: ['127.0.0.5'], lookup };

beforeAll(async () => {
  target = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), '127.0.0.1');
  target6 = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE), '::1');
  publicHost = await serve((req, res) => {
    const m = /^\/go\?to=(.+)$/.exec(req.url ?? '');
    if (m) return res.writeHead(302, { location: decodeURIComponent(m[1]!) }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  }, '127.0.0.5');
  servers.push(target, target6, publicHost);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function forbiddenLinks(): string[] {
  const p = target.port;
  const p6 = target6.port;
  const viaRedirect = (to: string) => `http://127.0.0.5:${publicHost.port}/go?to=${encodeURIComponent(to)}`;
  return [
    // literal addresses
    `http://127.0.0.1:${p}/a`,
    `http://127.1:${p}/short-form`,
    `http://2130706433:${p}/decimal-form`,
    `http://0x7f000001:${p}/hex-form`,
    `http://localhost:${p}/name`,
    `http://LOCALHOST.:${p}/trailing-dot`,
    `http://[::1]:${p6}/v6-loopback`,
    `http://[::ffff:127.0.0.1]:${p}/v4-mapped`,
    `http://[::ffff:7f00:1]:${p}/v4-mapped-hex`,
    'http://10.0.0.1/private', 'http://172.16.5.4/private', 'http://172.31.255.254/private', 'http://192.168.1.1/router',
    'http://169.254.169.254/latest/meta-data/iam/', 'http://169.254.0.1/link-local',
    'http://[fd00:ec2::254]/ula-metadata', 'http://[fe80::1]/v6-link-local', 'http://[fc00::1]/ula',
    'http://metadata.google.internal/computeMetadata/v1/', 'http://0.0.0.0:1/unspecified',
    // redirects from an allowed host into forbidden ones
    viaRedirect(`http://127.0.0.1:${p}/r1`),
    viaRedirect(`http://localhost:${p}/r2`),
    viaRedirect(`http://[::1]:${p6}/r3`),
    viaRedirect('http://169.254.169.254/latest/meta-data/'),
    viaRedirect(`http://rebind.example:${p}/r4`),
    // DNS names that resolve to forbidden addresses
    `http://rebind.example:${p}/dns`,
    `http://mixed.example:${p}/dns-mixed`,
    `http://metadata.example:${p}/dns-meta`,
    `http://private.example:${p}/dns-private`,
    `http://v6loop.example:${p6}/dns-v6`,
  ];
}

const src = (id: string, url: string): Source => ({ id, name: id, url, type: 'feed', kind: 'news', lang: 'en', enabled: true });

describe('article links from feeds (SSRF)', () => {
  it('every forbidden link is refused before connecting; allowed links prove the path is live', async () => {
    const links = forbiddenLinks();
    const allowed = [`http://127.0.0.5:${publicHost.port}/ok`, `http://innocent.example:${publicHost.port}/ok-by-name`];
    const all = [...links, ...allowed];
    const items = all
      .map((l, i) => `<item><title>LinkedIn will use posts to train AI models ${i}</title><link>${l.replace(/&/g, '&amp;')}</link><guid>s-${i}</guid><pubDate>${NOW.toUTCString()}</pubDate></item>`)
      .join('');
    const feed = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`), '127.0.0.3');
    servers.push(feed);
    const store = await Store.open('sqlite::memory:');
    const articles = new ArticleFetcher({ guard, timeoutMs: 2_000 });
    const fetcher = new Fetcher({ retries: 0 });
    try {
      const t0 = performance.now();
      const r = await ingest({ store, sources: [src('hostile', `${feed.url}/f.xml`)], fetcher, now: NOW, articles: { fetcher: articles, filter: () => true, max: 100 } });
      const ms = performance.now() - t0;
      expect(r.perSource[0]!.status).toBe('fetched');
      expect(target.requests, 'hits on 127.0.0.1').toHaveLength(0);
      expect(target6.requests, 'hits on [::1]').toHaveLength(0);
      // The allowed host served the two allowed links and the redirect hops, nothing else.
      const paths = publicHost.requests.map((q) => q.url ?? '');
      expect(paths.filter((u) => u.startsWith('/ok')).sort()).toEqual(['/ok', '/ok-by-name']);
      const items = r.changes.flatMap((c) => c.newItems);
      for (const it of items) {
        const ok = allowed.includes(it.link ?? '');
        if (ok) expect(it.content, it.link).toMatch(/train its AI models/);
        else expect(it.content, it.link).toBeUndefined();
      }
      // Refusals happen before any connection: no 3-second connect timeouts on the private ranges.
      expect(ms).toBeLessThan(5_000);
    } finally {
      await articles.close();
      await fetcher.close();
      await store.close();
    }
  });

  it('each forbidden link fails with a refusal (not a timeout or a network error) at the fetcher', async () => {
    const f = new Fetcher({ retries: 0, guard, connectTimeoutMs: 1_000 });
    try {
      for (const link of forbiddenLinks()) {
        const err = await f.get(link).then(
          () => undefined,
          (e: unknown) => e as Error & { code?: string; cause?: { code?: string } },
        );
        expect(err, link).toBeDefined();
        const text = `${err!.message} ${err!.code ?? ''} ${err!.cause?.code ?? ''} ${String(err!.cause ?? '')}`;
        expect(text, link).toMatch(/refused|EBLOCKED|internal host/);
      }
      expect(target.requests).toHaveLength(0);
      expect(target6.requests).toHaveLength(0);
    } finally {
      await f.close();
    }
  });

  it('the production default (ArticleFetcher with no options) forbids loopback too', async () => {
    const a = new ArticleFetcher();
    try {
      expect(await a.text(`http://127.0.0.1:${target.port}/default`)).toBeUndefined();
      expect(await a.text(`http://localhost:${target.port}/default`)).toBeUndefined();
      expect(target.requests).toHaveLength(0);
    } finally {
      await a.close();
    }
  });
});
