// HTTP for feeds and pages: conditional GET, compression, timeouts, a size cap
// enforced while streaming, manual redirects (≤5, loops detected), charset
// decoding, global/per-host limits, retries with jittered backoff, Retry-After,
// and per-source health. One job: bytes in, outcome out; parsing happens later.
import { createHash } from 'node:crypto';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import type { Source, SourceState } from '../domain.js';
import { HostLimiter } from './limiter.js';
import { checkHost, guardedLookup, type GuardOptions } from './guard.js';
import { decodeBody } from './charset.js';
import { DEFAULT_HEALTH, backoffDelay, newState, recordFailure, recordSuccess, type HealthPolicy } from './health.js';

export const USER_AGENT = 'optout-radar/0.1.0 (self-hosted news watcher for AI-training opt-outs; polls a few times an hour)';

export interface FetcherOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  readTimeoutMs?: number; // max silence while waiting for headers or between body chunks
  totalTimeoutMs?: number; // whole request including redirects and body
  maxBytes?: number; // cap on received and on decompressed bytes
  maxRedirects?: number;
  globalConcurrency?: number;
  perHostConcurrency?: number;
  retries?: number; // extra attempts inside one fetch for transient errors
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxRetryAfterMs?: number; // Retry-After longer than this is not waited for inside a cycle
  budgetMs?: number; // all attempts for one source, retries and waits included, end within this
  maxFreshMs?: number; // cap for Cache-Control max-age
  health?: Partial<HealthPolicy>;
  /** Address guard. Feed URLs come from the operator and are not guarded by default; article links must be. */
  guard?: GuardOptions | false;
  random?: () => number;
  now?: () => Date;
}

export type FetchStatus = 'fetched' | 'not-modified' | 'unchanged' | 'error' | 'skipped';

export interface FetchOutcome {
  sourceId: string;
  status: FetchStatus;
  url: string; // final URL after redirects
  httpStatus?: number;
  text?: string; // decoded body (fetched only)
  contentType?: string;
  charset?: string;
  bytes: number; // bytes received on the wire (all attempts)
  attempts: number;
  durationMs: number;
  error?: string;
  reason?: string; // why skipped
  state: SourceState; // updated state to store
}

export interface GetResult {
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  wireBytes: number;
}

export class FetchError extends Error {
  constructor(message: string, readonly transient: boolean, readonly httpStatus?: number, readonly retryAfterMs?: number, readonly wireBytes = 0) {
    super(message);
  }
}

class TooLarge extends Error {}

const header = (h: GetResult['headers'], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Retry-After: delta-seconds or an HTTP date → milliseconds from now. */
export function parseRetryAfter(v: string | undefined, now: Date): number | undefined {
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now.getTime()) : undefined;
}

function maxAgeMs(cc: string | undefined): number | undefined {
  if (!cc || /no-store|no-cache/i.test(cc)) return undefined;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(cc);
  return m ? Number(m[1]) * 1000 : undefined;
}

function describeError(err: unknown): { message: string; transient: boolean } {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT': return { message: 'connect timeout', transient: true };
    case 'UND_ERR_HEADERS_TIMEOUT': return { message: 'read timeout (no response headers)', transient: true };
    case 'UND_ERR_BODY_TIMEOUT': return { message: 'read timeout (body stalled)', transient: true };
    case 'ECONNREFUSED': return { message: 'connection refused', transient: true };
    case 'ECONNRESET': case 'UND_ERR_SOCKET': case 'EPIPE': return { message: 'connection reset', transient: true };
    case 'ENOTFOUND': case 'EAI_AGAIN': return { message: `DNS: ${code}`, transient: code === 'EAI_AGAIN' };
    case 'EBLOCKED': return { message: e.message ?? 'blocked address', transient: false };
    case 'Z_DATA_ERROR': case 'Z_BUF_ERROR': case 'ERR__ERROR_FORMAT_PADDING_1': return { message: 'corrupt compressed body', transient: false };
  }
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || code === 'ABORT_ERR' || code === 'UND_ERR_ABORTED') return { message: 'total timeout', transient: true };
  if (err instanceof TooLarge) return { message: err.message, transient: false };
  return { message: e.message ?? String(err), transient: true };
}

/** Errors that mean "this address no longer serves the feed", as opposed to a temporary failure. */
function isGone(e: FetchError): boolean {
  return e.httpStatus === 404 || e.httpStatus === 410 || /^DNS: ENOTFOUND/.test(e.message);
}

export class Fetcher {
  readonly opts: Required<Omit<FetcherOptions, 'guard' | 'health' | 'random' | 'now'>>;
  private readonly limiter: HostLimiter;
  private readonly dispatcher: Dispatcher;
  private readonly guard: GuardOptions | false;
  private readonly health: HealthPolicy;
  private readonly random: () => number;
  private readonly now: () => Date;

  constructor(opts: FetcherOptions = {}) {
    this.opts = {
      userAgent: opts.userAgent ?? USER_AGENT,
      connectTimeoutMs: opts.connectTimeoutMs ?? 5_000,
      readTimeoutMs: opts.readTimeoutMs ?? 10_000,
      totalTimeoutMs: opts.totalTimeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? 5 * 1024 * 1024,
      maxRedirects: opts.maxRedirects ?? 5,
      globalConcurrency: opts.globalConcurrency ?? 64,
      perHostConcurrency: opts.perHostConcurrency ?? 2,
      retries: opts.retries ?? 2,
      retryBaseMs: opts.retryBaseMs ?? 500,
      retryMaxMs: opts.retryMaxMs ?? 8_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 5_000,
      budgetMs: opts.budgetMs ?? 30_000,
      maxFreshMs: opts.maxFreshMs ?? 3_600_000,
    };
    this.guard = opts.guard ?? false;
    this.health = { ...DEFAULT_HEALTH, ...(opts.health ?? {}) };
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? (() => new Date());
    this.limiter = new HostLimiter(this.opts.globalConcurrency, this.opts.perHostConcurrency);
    const connect: Record<string, unknown> = { timeout: this.opts.connectTimeoutMs };
    if (this.guard) connect.lookup = guardedLookup(this.guard);
    this.dispatcher = new Agent({
      connect,
      connections: this.opts.perHostConcurrency,
      headersTimeout: this.opts.readTimeoutMs + 1_000,
      bodyTimeout: this.opts.readTimeoutMs + 1_000,
      keepAliveTimeout: 10_000,
      pipelining: 1,
    });
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }

  /** The backoff/pause policy, for stages that judge a fetched body as a failure (parse errors). */
  get healthPolicy(): HealthPolicy {
    return this.health;
  }

  /**
   * One GET with redirects followed by hand (so each hop is counted and, when
   * guarded, checked), the size cap and decompression. No retries here.
   */
  async get(url: string, extraHeaders: Record<string, string> = {}, signal?: AbortSignal, timeoutMs = this.opts.totalTimeoutMs): Promise<GetResult> {
    // One controller per request, fed by our own timers: undici's timers are
    // coarse (about a second) and AbortSignal.any/timeout allocate per call.
    const ctl = new AbortController();
    const total = setTimeout(() => ctl.abort(new FetchError('total timeout', true)), timeoutMs);
    let idleWhat = 'no response headers';
    const idle = setTimeout(() => ctl.abort(new FetchError(`read timeout (${idleWhat})`, true)), this.opts.readTimeoutMs);
    const arm = (what: string) => {
      idleWhat = what;
      idle.refresh();
    };
    const onAbort = () => ctl.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.getWith(url, extraHeaders, ctl.signal, arm);
    } catch (err) {
      if (ctl.signal.aborted && ctl.signal.reason instanceof FetchError) throw ctl.signal.reason;
      throw err;
    } finally {
      clearTimeout(total);
      clearTimeout(idle);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async getWith(url: string, extraHeaders: Record<string, string>, sig: AbortSignal, arm: (what: string) => void): Promise<GetResult> {
    const visited = new Set<string>();
    let current = url;
    let wire = 0;
    for (let hop = 0; ; hop++) {
      const u = new URL(current);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`unsupported scheme ${u.protocol}`, false);
      if (this.guard) checkHost(u.hostname, this.guard);
      visited.add(current);
      const release = await this.limiter.acquire(u.host);
      let res: Dispatcher.ResponseData;
      arm('no response headers');
      try {
        res = await request(current, {
          method: 'GET',
          dispatcher: this.dispatcher,
          signal: sig,
          headers: {
            'user-agent': this.opts.userAgent,
            accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
            'accept-encoding': 'gzip, deflate, br',
            ...extraHeaders,
          },
        });
      } catch (err) {
        release();
        throw err;
      }
      try {
        const status = res.statusCode;
        if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
          await res.body.dump().catch(() => undefined);
          const loc = header(res.headers, 'location')!;
          let next: string;
          try { next = new URL(loc, current).href; } catch { throw new FetchError(`bad redirect location: ${loc.slice(0, 100)}`, false, status); }
          if (visited.has(next)) throw new FetchError(`redirect loop at ${next}`, false, status, undefined, wire);
          if (hop + 1 > this.opts.maxRedirects) throw new FetchError(`too many redirects (>${this.opts.maxRedirects})`, false, status, undefined, wire);
          current = next;
          continue;
        }
        if (status >= 300 && status < 400 && status !== 304) {
          await res.body.dump().catch(() => undefined);
          throw new FetchError(`HTTP ${status} without a Location`, false, status, undefined, wire);
        }
        if (status === 304 || status === 204 || status >= 400) {
          await res.body.dump().catch(() => undefined);
          return { url: current, status, headers: res.headers, body: Buffer.alloc(0), wireBytes: wire };
        }
        arm('body stalled');
        const { body, wireBytes } = await this.readBody(res.body, header(res.headers, 'content-encoding'), header(res.headers, 'content-length'), sig, () => arm('body stalled'));
        wire += wireBytes;
        return { url: current, status, headers: res.headers, body, wireBytes: wire };
      } finally {
        release();
      }
    }
  }

  private async readBody(body: Readable, encoding: string | undefined, length: string | undefined, signal: AbortSignal, onChunk: () => void): Promise<{ body: Buffer; wireBytes: number }> {
    const max = this.opts.maxBytes;
    if (length && Number(length) > max) {
      body.destroy();
      throw new TooLarge(`body too large: Content-Length ${length} > ${max}`);
    }
    let wire = 0;
    let size = 0;
    const chunks: Buffer[] = [];
    const counter = new Transform({
      transform(chunk: Buffer, _e, cb) {
        onChunk();
        wire += chunk.length;
        if (wire > max) cb(new TooLarge(`body too large: over ${max} bytes`));
        else cb(null, chunk);
      },
    });
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        size += chunk.length;
        if (size > max) return cb(new TooLarge(`body too large: over ${max} bytes decompressed`));
        chunks.push(chunk);
        cb();
      },
    });
    const enc = (encoding ?? '').trim().toLowerCase();
    const stages: NodeJS.ReadWriteStream[] = [];
    if (enc === 'gzip' || enc === 'x-gzip' || enc === 'deflate') stages.push(createUnzip());
    else if (enc === 'br') stages.push(createBrotliDecompress());
    await pipeline([body, counter, ...stages, sink] as never, { signal });
    return { body: Buffer.concat(chunks), wireBytes: wire };
  }

  /** Fetch a source given its stored state; never throws. */
  async fetch(source: Source, prev: SourceState | undefined, opts: { force?: boolean; signal?: AbortSignal; noAlternates?: boolean } = {}): Promise<FetchOutcome> {
    const started = Date.now();
    const now = this.now();
    const state: SourceState = prev ? { ...prev } : newState(source.id);
    const base = { sourceId: source.id, url: source.url, bytes: 0, attempts: 0 };
    if (!opts.force) {
      if (state.nextAttempt && Date.parse(state.nextAttempt) > now.getTime()) {
        return { ...base, status: 'skipped', reason: state.paused ? `paused until ${state.nextAttempt}` : `backing off until ${state.nextAttempt}`, durationMs: 0, state };
      }
      if (state.freshUntil && Date.parse(state.freshUntil) > now.getTime()) {
        return { ...base, status: 'skipped', reason: `fresh until ${state.freshUntil} (Cache-Control)`, durationMs: 0, state };
      }
    }
    // A paused source being re-probed gets one attempt, not a burst.
    const maxAttempts = state.paused ? 1 : 1 + this.opts.retries;
    const conditional: Record<string, string> = {};
    if (state.etag) conditional['if-none-match'] = state.etag;
    if (state.lastModified) conditional['if-modified-since'] = state.lastModified;

    let bytes = 0;
    let lastErr: FetchError | undefined;
    let attempts = 0;
    for (; attempts < maxAttempts; ) {
      attempts++;
      try {
        const remaining = Math.max(1_000, this.opts.budgetMs - (Date.now() - started));
        const r = await this.get(source.url, conditional, opts.signal, Math.min(this.opts.totalTimeoutMs, remaining));
        bytes += r.wireBytes;
        if (r.status === 429 || r.status === 503 || r.status >= 500 || r.status === 408) {
          const ra = parseRetryAfter(header(r.headers, 'retry-after'), this.now());
          throw new FetchError(`HTTP ${r.status}`, true, r.status, ra);
        }
        if (r.status >= 400) throw new FetchError(`HTTP ${r.status}`, false, r.status);
        const done = recordSuccess(state, this.now());
        const fresh = maxAgeMs(header(r.headers, 'cache-control'));
        if (fresh) done.freshUntil = new Date(this.now().getTime() + Math.min(fresh, this.opts.maxFreshMs)).toISOString();
        else delete done.freshUntil;
        const etag = header(r.headers, 'etag');
        const lm = header(r.headers, 'last-modified');
        const out = { ...base, url: r.url, httpStatus: r.status, bytes, attempts, durationMs: Date.now() - started };
        if (r.status === 304) return { ...out, status: 'not-modified', state: done };
        if (etag) done.etag = etag; else delete done.etag;
        if (lm) done.lastModified = lm; else delete done.lastModified;
        const hash = createHash('sha256').update(r.body).digest('hex').slice(0, 32);
        if (hash === state.bodyHash) return { ...out, status: 'unchanged', state: done };
        done.bodyHash = hash;
        const contentType = header(r.headers, 'content-type');
        const decoded = decodeBody(r.body, contentType);
        const res: FetchOutcome = { ...out, status: 'fetched', text: decoded.text, charset: decoded.charset, state: done };
        if (contentType) res.contentType = contentType;
        return res;
      } catch (err) {
        const fe = err instanceof FetchError ? err : (() => { const d = describeError(err); return new FetchError(d.message, d.transient); })();
        bytes += fe.wireBytes;
        lastErr = fe;
        if (!fe.transient || attempts >= maxAttempts) break;
        let wait = backoffDelay(attempts, this.opts.retryBaseMs, this.opts.retryMaxMs, this.random);
        if (fe.retryAfterMs !== undefined) {
          if (fe.retryAfterMs > this.opts.maxRetryAfterMs) break; // come back at the next poll after it
          wait = fe.retryAfterMs;
        }
        // A slow source must not hold the whole cycle: no retry that cannot finish in the budget.
        if (Date.now() - started + wait + Math.min(this.opts.totalTimeoutMs, 2_000) > this.opts.budgetMs) break;
        await new Promise((r) => setTimeout(r, wait).unref?.());
      }
    }
    // The URL is gone (not just failing): try the source's known alternates once each, unconditionally.
    if (lastErr && isGone(lastErr) && source.alternates?.length && !opts.noAlternates) {
      for (const alt of source.alternates) {
        const r = await this.fetch({ ...source, url: alt, alternates: [] }, { ...state, etag: undefined, lastModified: undefined, bodyHash: undefined } as SourceState, { ...opts, force: true, noAlternates: true });
        bytes += r.bytes;
        if (r.status !== 'error') return { ...r, attempts: attempts + r.attempts, bytes, durationMs: Date.now() - started, reason: `${source.url} failed (${lastErr.message}); used alternate ${alt}` };
      }
    }
    const err = lastErr ?? new FetchError('unknown error', true);
    const failed = recordFailure(state, this.now(), err.message, this.health, err.retryAfterMs, this.random);
    const out: FetchOutcome = { ...base, status: 'error', error: err.message, bytes, attempts, durationMs: Date.now() - started, state: failed };
    if (err.httpStatus) out.httpStatus = err.httpStatus;
    return out;
  }
}
