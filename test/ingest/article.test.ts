import { describe, it, expect, afterEach } from 'vitest';
import { ArticleFetcher, extractArticle } from '../../src/article/index.js';
import { blockedReason, checkHost, guardedLookup } from '../../src/fetch/guard.js';
import { serve, type TestServer } from './servers.js';
import { hostname } from 'node:os';
import { lookup } from 'node:dns/promises';

const PAGE = `<!doctype html><html lang="en"><head><title>Site</title><meta property="og:title" content="Meta to train AI on EU data"><script>track()</script></head>
<body><header><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>Meta to train AI on EU data</h1>
<p>Meta says it will start using public posts and comments from adults in the EU to train its AI models.</p>
<div class="share">Share on X</div>
<p>Users will receive notifications explaining how to object, and the form will remain available afterwards.</p>
<p>The company paused the plan last year after a request from the Irish Data Protection Commission.</p>
</article><aside>Most read: something else entirely that is long enough to count</aside></main>
<footer>© Example Media. All rights reserved and many other words in the footer.</footer></body></html>`;

const servers: TestServer[] = [];
const fetchers: ArticleFetcher[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
const articles = (o: ConstructorParameters<typeof ArticleFetcher>[0] = {}) => {
  const a = new ArticleFetcher(o);
  fetchers.push(a);
  return a;
};

describe('article text', () => {
  it('extracts the main text without navigation, sharing widgets or footers', () => {
    const a = extractArticle(PAGE);
    expect(a.title).toBe('Meta to train AI on EU data');
    expect(a.text).toContain('public posts and comments from adults in the EU');
    expect(a.text).toContain('Irish Data Protection Commission');
    expect(a.text).not.toMatch(/Home|Share on X|Most read|All rights reserved|track\(\)/);
  });

  it('fetches pages with a cache when loopback is explicitly allowed', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
    servers.push(s);
    const a = articles({ guard: { allowLoopback: true } });
    expect(await a.text(`${s.url}/article`)).toContain('train its AI models');
    expect(await a.text(`${s.url}/article`)).toContain('train its AI models');
    expect(s.requests.length).toBe(1);
  });

  it('refuses loopback, private, link-local and metadata addresses by default', async () => {
    const s = await serve((_req, res) => res.end(PAGE));
    servers.push(s);
    const a = articles();
    expect(await a.text(`${s.url}/article`)).toBeUndefined();
    expect(await a.text(`http://localhost:${s.port}/`)).toBeUndefined();
    expect(await a.text('http://169.254.169.254/latest/meta-data/')).toBeUndefined();
    expect(await a.text('http://[::ffff:127.0.0.1]/')).toBeUndefined();
    expect(s.requests.length).toBe(0);
  });

  it('refuses a host name whose DNS answer is internal (checked at connect time)', async (ctx) => {
    const name = hostname();
    const addr = await lookup(name).catch(() => undefined);
    if (!addr || !blockedReason(addr.address)) return ctx.skip(); // this machine's name resolves publicly
    const s = await serve((_req, res) => res.end(PAGE), '0.0.0.0');
    servers.push(s);
    expect(await articles().text(`http://${name}:${s.port}/`)).toBeUndefined();
    expect(s.requests.length).toBe(0);
  });

  it('refuses a redirect into a private address even when loopback is allowed', async () => {
    const s = await serve((_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end());
    servers.push(s);
    const a = articles({ guard: { allowLoopback: true } });
    expect(await a.text(`${s.url}/go`)).toBeUndefined();
  });

  it('applies time and size caps', async () => {
    const slow = await serve(() => undefined);
    const big = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'x'.repeat(300_000)}</p>`));
    servers.push(slow, big);
    const a = articles({ guard: { allowLoopback: true }, timeoutMs: 150, maxBytes: 100_000 });
    const t0 = Date.now();
    expect(await a.text(slow.url)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(await a.text(big.url)).toBeUndefined();
  });
});

describe('address guard', () => {
  const blocked = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe'];
  const allowed = ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'];
  for (const ip of blocked) it(`blocks ${ip}`, () => expect(blockedReason(ip)).toBeTruthy());
  for (const ip of allowed) it(`allows ${ip}`, () => expect(blockedReason(ip)).toBeUndefined());
  it('allows loopback only when asked, never private ranges', () => {
    expect(blockedReason('127.0.0.5', { allowLoopback: true })).toBeUndefined();
    expect(blockedReason('::1', { allowLoopback: true })).toBeUndefined();
    expect(blockedReason('10.0.0.1', { allowLoopback: true })).toBeTruthy();
    expect(() => checkHost('metadata.google.internal')).toThrow(/refused/);
  });
  it('checks what DNS returns, not the name', async () => {
    const err = await new Promise<Error | null>((resolve) => guardedLookup({})('localhost', {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/refused localhost \((127\.0\.0\.1|::1)\): loopback/);
    const ok = await new Promise<Error | null>((resolve) => guardedLookup({ allowLoopback: true })('localhost', {}, (e) => resolve(e)));
    expect(ok).toBeNull();
  });
});
