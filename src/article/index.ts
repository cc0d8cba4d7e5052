// Article pages for stories that may be relevant. Links come from feed
// content, i.e. from strangers, so every request goes through the address
// guard (private, loopback, link-local and metadata addresses refused after
// DNS resolution), with tight time and size caps and a cache.
import { Fetcher, type FetcherOptions } from '../fetch/fetcher.js';
import { decodeBody } from '../fetch/charset.js';
import type { GuardOptions } from '../fetch/guard.js';
import type { Store } from '../store/store.js';
import { extractArticle, type Extracted } from './extract.js';
import { logger } from '../log.js';

export { extractArticle, type Extracted } from './extract.js';

const log = logger.child({ module: 'article' });

export interface ArticleOptions {
  guard?: GuardOptions; // { allowLoopback: true } in tests and the demo only
  timeoutMs?: number;
  maxBytes?: number;
  maxChars?: number;
  cacheTtlMs?: number;
  store?: Store; // persistent cache across cycles (namespace "articles")
  fetcher?: Partial<FetcherOptions>;
}

export class ArticleFetcher {
  private readonly fetcher: Fetcher;
  private readonly memo = new Map<string, Promise<Extracted | undefined>>();
  private readonly ttl: number;
  private readonly maxChars: number;

  constructor(private readonly opts: ArticleOptions = {}) {
    this.ttl = opts.cacheTtlMs ?? 7 * 86_400_000;
    this.maxChars = opts.maxChars ?? 20_000;
    this.fetcher = new Fetcher({
      retries: 0,
      connectTimeoutMs: 3_000,
      readTimeoutMs: opts.timeoutMs ?? 8_000,
      totalTimeoutMs: opts.timeoutMs ?? 8_000,
      maxBytes: opts.maxBytes ?? 2 * 1024 * 1024,
      perHostConcurrency: 2,
      globalConcurrency: 8,
      ...(opts.fetcher ?? {}),
      guard: opts.guard ?? {},
    });
  }

  /** Extracted article, or undefined when refused, failed or empty. Never throws. */
  article(url: string): Promise<Extracted | undefined> {
    let p = this.memo.get(url);
    if (!p) {
      p = this.load(url);
      this.memo.set(url, p);
      if (this.memo.size > 2000) this.memo.delete(this.memo.keys().next().value!);
    }
    return p;
  }

  async text(url: string): Promise<string | undefined> {
    const a = await this.article(url);
    return a?.text || undefined;
  }

  private async load(url: string): Promise<Extracted | undefined> {
    const cache = this.opts.store?.ns<Extracted>('articles');
    try {
      const hit = await cache?.get(url);
      if (hit) return hit;
      const r = await this.fetcher.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' });
      if (r.status >= 400) throw new Error(`HTTP ${r.status}`);
      const ct = r.headers['content-type'];
      const type = Array.isArray(ct) ? ct[0] : ct;
      if (type && !/html|xml|text\/plain/i.test(type)) throw new Error(`not a page: ${type}`);
      const html = decodeBody(r.body, type).text;
      const out = extractArticle(html, this.maxChars);
      await cache?.set(url, out, this.ttl).catch(() => undefined);
      return out;
    } catch (err) {
      log.debug({ url, error: (err as Error).message }, 'article not fetched');
      return undefined;
    }
  }

  async close(): Promise<void> {
    await this.fetcher.close();
  }
}
