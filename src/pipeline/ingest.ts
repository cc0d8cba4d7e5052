// The sources → stories half of a poll cycle (SPEC §3): fetch every enabled
// source, parse, normalise, drop items seen before, apply the no-flood rule,
// cluster the rest into stories. poll.ts classifies the returned changes.
import type { Item, Source, SourceState, Story } from '../domain.js';
import type { Store } from '../store/store.js';
import { Fetcher, type FetcherOptions, type FetchOutcome } from '../fetch/index.js';
import { newState, recordFailure } from '../fetch/health.js';
import { parseFeed, scrapeHtml, type RawFeed } from '../parse/index.js';
import { normaliseEntry } from '../normalise/item.js';
import { StoryBook } from '../stories/book.js';
import type { ArticleFetcher } from '../article/index.js';
import { logger } from '../log.js';

import { dueInWindow } from '../sources/spread.js';
export { sourceSlot, dueInWindow } from '../sources/spread.js';

const log = logger.child({ module: 'ingest' });
const DAY = 86_400_000;
const SEEN_NS = 'ingest';
const SEEN_KEY = 'seen';
const SEEN_PER_SOURCE = 400;
const LAST_OK_KEY = 'last-success';
/**
 * At most this many new items of one source become story candidates per poll
 * (the newest ones); the rest are recorded as seen and never alert. A feed
 * that suddenly lists thousands of fresh entries cannot flood the channels.
 */
export const MAX_NEW_ITEMS_PER_SOURCE = 50;

/**
 * A state differs in something worth a write of its own: anything but the
 * lastSuccess timestamp, or a lastSuccess that has gone an hour without a write.
 * (Each write is a SQLite transaction; 300 of them per cycle cost seconds.)
 */
function meaningfulChange(prev: SourceState | undefined, next: SourceState): boolean {
  if (!prev) return true;
  if (next.lastSuccess && (!prev.lastSuccess || Date.parse(next.lastSuccess) - Date.parse(prev.lastSuccess) > 3_600_000)) return true;
  const { lastSuccess: _a, ...p } = prev;
  const { lastSuccess: _b, ...n } = next;
  return JSON.stringify(p) !== JSON.stringify(n) || (!prev.lastSuccess && Boolean(next.lastSuccess));
}

/**
 * Source states as stored, with the freshest lastSuccess merged in. A poll that
 * only refreshes lastSuccess (a 304) writes it into one shared record instead of
 * one record per source, so read health through this (status page, /radar sources).
 */
export async function loadSourceStates(store: Store, ids: string[]): Promise<(SourceState | undefined)[]> {
  const [states, lastOk] = await Promise.all([
    Promise.all(ids.map((id) => store.sources.get(id))),
    store.ns<Record<string, string>>(SEEN_NS).get(LAST_OK_KEY),
  ]);
  return states.map((st, i) => {
    const ok = lastOk?.[ids[i]!];
    if (!st || !ok || (st.lastSuccess && st.lastSuccess >= ok)) return st;
    return { ...st, lastSuccess: ok };
  });
}

export interface IngestOptions {
  store: Store;
  sources: Source[];
  fetcher?: Fetcher;
  /** Used to build a fetcher when none is given (tests/demo). */
  fetcherOptions?: FetcherOptions;
  now?: Date;
  maxAgeDays?: number; // default 3
  /** Ignore backoff/freshness and fetch every enabled source now (`sources check`). */
  force?: boolean;
  /**
   * serve: spread requests over the poll interval. Call ingest every `tickMs`;
   * each source is fetched when its stable slot (sourceSlot) falls in the last
   * tick, or at once if it was never polled or missed its slot for a whole
   * interval. `true` means a 15-minute interval and 1-minute ticks.
   * Leave unset for `poll --once`: everything is fetched now.
   */
  spread?: boolean | { intervalMs: number; tickMs: number };
  dryRun?: boolean;
  /** poll.ts writes stories itself after classifying; set false to skip ingest's own story writes. */
  writeStories?: boolean;
  /** Fetch article text for new items that pass `filter` and have no content of their own. */
  articles?: { fetcher: ArticleFetcher; filter: (item: Item) => boolean; max?: number };
  signal?: AbortSignal;
  /** Leave the seen-items and source-state writes to `report.commit()` (poll.ts, after queueing). */
  deferCommit?: boolean;
}

export interface StoryChange {
  story: Story;
  isNew: boolean;
  newItems: Item[];
}

export interface SourceReport {
  sourceId: string;
  status: FetchOutcome['status'];
  items: number;
  newItems: number;
  error?: string;
  reason?: string;
  ms: number;
}

export interface IngestReport {
  sources: number;
  fetched: number;
  notModified: number; // 304s and bodies whose hash did not change
  failed: number;
  skipped: number; // backing off, paused, or fresh per Cache-Control
  items: number;
  newItems: number;
  bytes: number;
  changes: StoryChange[];
  errors: { sourceId: string; error: string }[];
  perSource: SourceReport[];
  http304: number;
  durationMs: number;
  /** Where the time went, in ms: loading state, fetch+parse, clustering, writing. */
  timings: { load: number; fetch: number; cluster: number; write: number };
  /** With `deferCommit`: marks this poll's items as seen; call once their stories are stored and queued. */
  commit?: () => Promise<void>;
}

interface Parsed {
  source: Source;
  items: Item[];
  sourceWasNew: boolean;
}

function parseOutcome(source: Source, o: FetchOutcome, now: Date): { items: Item[]; error?: string } {
  if (!o.text) return { items: [] };
  let feed: RawFeed;
  if (source.type === 'html' && source.html) {
    try {
      feed = scrapeHtml(o.text, source.html, o.url);
    } catch (err) {
      return { items: [], error: `scrape: ${(err as Error).message}` };
    }
    // A listing that yields nothing has almost always been redesigned: say so.
    if (!feed.entries.length) return { items: [], error: 'scrape: the recipe matched no items (page layout changed?)' };
  } else {
    const r = parseFeed(o.text, { url: o.url, contentType: o.contentType ?? null });
    if (!r.ok) return { items: [], error: `parse: ${r.error}` };
    feed = r.feed;
  }
  const items: Item[] = [];
  const ids = new Set<string>();
  for (const e of feed.entries) {
    if (source.type === 'google-news' && e.title) e.title = e.title.replace(/\s+[-–—]\s+[^-–—]{2,80}$/, ''); // " - Publisher" suffix
    const item = normaliseEntry(e, { sourceId: source.id, baseUrl: o.url, feedLang: feed.lang ?? (typeof source.lang === 'string' ? source.lang : undefined), now });
    if (item && !ids.has(item.id)) {
      ids.add(item.id);
      items.push(item);
    }
  }
  return { items };
}

export async function ingest(opts: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const maxAgeMs = (opts.maxAgeDays ?? 3) * DAY;
  const store = opts.store;
  const ownFetcher = !opts.fetcher;
  const fetcher = opts.fetcher ?? new Fetcher({ ...(opts.fetcherOptions ?? {}), now: () => new Date() });
  const enabled = opts.sources.filter((s) => s.enabled);
  const report: IngestReport = {
    sources: enabled.length, fetched: 0, notModified: 0, failed: 0, skipped: 0, items: 0, newItems: 0, bytes: 0,
    changes: [], errors: [], perSource: [], http304: 0, durationMs: 0,
    timings: { load: 0, fetch: 0, cluster: 0, write: 0 },
  };
  let mark = performance.now();
  const lap = (k: keyof IngestReport['timings']) => {
    const t = performance.now();
    report.timings[k] = Math.round(t - mark);
    mark = t;
  };

  try {
    const seenNs = store.ns<Record<string, string[]>>(SEEN_NS);
    const sources = opts.spread ? await dueNow(store, enabled, now, opts.spread === true ? { intervalMs: 15 * 60_000, tickMs: 60_000 } : opts.spread) : enabled;
    report.skipped += enabled.length - sources.length;
    const [seenAll, states, book] = await Promise.all([
      seenNs.get(SEEN_KEY).then((v) => v ?? {}),
      // As stored (not merged with the last-success record): the write rule below compares against these.
      Promise.all(sources.map((s) => store.sources.get(s.id))),
      StoryBook.load(store, now, Math.ceil(maxAgeMs / DAY) + 8),
    ]);
    const globalSeen = new Set<string>();
    for (const ids of Object.values(seenAll)) for (const id of ids) globalSeen.add(id);
    const newStates = new Map<string, SourceState>();
    lap('load');

    // Fetch and parse everything; the fetcher's limits pace the requests.
    const parsed: Parsed[] = [];
    await Promise.all(
      sources.map(async (source, i) => {
        const prev = states[i];
        const t0 = Date.now();
        let outcome: FetchOutcome;
        try {
          outcome = await fetcher.fetch(source, prev, { force: Boolean(opts.force), ...(opts.signal ? { signal: opts.signal } : {}) });
        } catch (err) {
          // fetch() is designed not to throw; if it does, the source fails alone.
          outcome = { sourceId: source.id, status: 'error', url: source.url, bytes: 0, attempts: 1, durationMs: 0, error: (err as Error).message, state: prev ?? newState(source.id) };
        }
        report.bytes += outcome.bytes;
        const sr: SourceReport = { sourceId: source.id, status: outcome.status, items: 0, newItems: 0, ms: 0 };
        let state = outcome.state;
        switch (outcome.status) {
          case 'fetched': {
            report.fetched++;
            const { items, error } = parseOutcome(source, outcome, now);
            if (error) {
              // A body we cannot read is a failure of the source: same backoff and pause as a dead one.
              state = recordFailure({ ...state, consecutiveFailures: prev?.consecutiveFailures ?? 0 }, now, error, fetcher.healthPolicy);
              delete state.bodyHash; // re-parse next time even if unchanged
              delete state.etag;
              delete state.lastModified;
              report.errors.push({ sourceId: source.id, error });
              sr.error = error;
              break;
            }
            sr.items = items.length;
            report.items += items.length;
            parsed.push({ source, items, sourceWasNew: !prev?.firstPollDone });
            state = { ...state, firstPollDone: true };
            break;
          }
          case 'not-modified':
          case 'unchanged':
            report.notModified++;
            if (outcome.status === 'not-modified') report.http304++;
            break;
          case 'skipped':
            report.skipped++;
            if (outcome.reason) sr.reason = outcome.reason;
            break;
          case 'error':
            report.failed++;
            if (state.paused && !prev?.paused) log.error({ source: source.id, url: source.url, error: outcome.error, failures: state.consecutiveFailures, reprobe: state.nextAttempt }, 'source paused after repeated failures');
            report.errors.push({ sourceId: source.id, error: outcome.error ?? 'error' });
            sr.error = outcome.error ?? 'error';
            log.warn({ source: source.id, url: source.url, error: outcome.error, failures: state.consecutiveFailures, paused: state.paused, nextAttempt: state.nextAttempt }, 'source failed');
            break;
        }
        newStates.set(source.id, state);
        sr.ms = Date.now() - t0;
        report.perSource.push(sr);
      }),
    );

    lap('fetch');
    // Decide which items are new, deterministically (sorted), then cluster.
    const candidates: { item: Item; source: Source }[] = [];
    const seenUpdate: Record<string, string[]> = { ...seenAll };
    for (const p of parsed.sort((a, b) => a.source.id.localeCompare(b.source.id))) {
      const fresh: string[] = [];
      let newForSource = 0;
      const eligibleItems: Item[] = [];
      for (const item of p.items) {
        if (globalSeen.has(item.id)) continue;
        globalSeen.add(item.id);
        fresh.push(item.id);
        newForSource++;
        const age = item.published ? now.getTime() - Date.parse(item.published) : undefined;
        // No floods: a new source's backlog is recorded, only young items can alert.
        const eligible = age !== undefined ? age <= maxAgeMs : !p.sourceWasNew;
        if (eligible) eligibleItems.push(item);
      }
      if (eligibleItems.length > MAX_NEW_ITEMS_PER_SOURCE) {
        log.warn({ source: p.source.id, eligible: eligibleItems.length, kept: MAX_NEW_ITEMS_PER_SOURCE }, 'too many new items in one poll: only the newest are considered');
        eligibleItems.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id));
        eligibleItems.length = MAX_NEW_ITEMS_PER_SOURCE;
      }
      for (const item of eligibleItems) candidates.push({ item, source: p.source });
      report.newItems += newForSource;
      const sr = report.perSource.find((r) => r.sourceId === p.source.id);
      if (sr) sr.newItems = newForSource;
      const st = newStates.get(p.source.id);
      if (st) st.itemsSeen = (st.itemsSeen ?? 0) + newForSource;
      if (fresh.length) {
        const current = new Set(p.items.map((i) => i.id));
        const kept = (seenAll[p.source.id] ?? []).filter((id) => !current.has(id));
        seenUpdate[p.source.id] = [...p.items.map((i) => i.id), ...kept].slice(0, Math.max(SEEN_PER_SOURCE, p.items.length));
      }
    }
    candidates.sort((a, b) => (a.item.published ?? a.item.fetchedAt).localeCompare(b.item.published ?? b.item.fetchedAt) || a.item.id.localeCompare(b.item.id));

    if (opts.articles) await enrichArticles(candidates.map((c) => c.item), opts.articles);

    const changes = new Map<string, StoryChange>();
    for (const { item, source } of candidates) {
      const a = await book.assign(item, source, now);
      const ch = changes.get(a.story.id);
      if (ch) ch.newItems.push(item);
      else changes.set(a.story.id, { story: a.story, isNew: a.isNew, newItems: [item] });
    }
    report.changes = [...changes.values()];
    lap('cluster');

    if (!opts.dryRun) {
      await book.save({ stories: opts.writeStories !== false });
      // What marks the items as done (seen ids, source states with their ETag and
      // body hash): written last, or left to the caller once it has stored and
      // queued the changes, so a crash before that makes the next poll redo them.
      const commit = async () => {
        const changedSeen = Object.keys(seenUpdate).some((k) => seenUpdate[k] !== seenAll[k]);
        if (changedSeen) await seenNs.set(SEEN_KEY, seenUpdate);
        await Promise.all(
          sources.map(async (s, i) => {
            const st = newStates.get(s.id);
            if (st && meaningfulChange(states[i], st)) await store.sources.set(s.id, st);
          }),
        );
        const okNs = store.ns<Record<string, string>>(SEEN_NS);
        const lastOk: Record<string, string> = { ...((await okNs.get(LAST_OK_KEY)) ?? {}) };
        let okChanged = false;
        for (const [id, st] of newStates) {
          if (st.lastSuccess && lastOk[id] !== st.lastSuccess) { lastOk[id] = st.lastSuccess; okChanged = true; }
        }
        if (okChanged) await okNs.set(LAST_OK_KEY, lastOk);
      };
      if (opts.deferCommit) report.commit = commit;
      else await commit();
    }
    lap('write');
  } finally {
    if (ownFetcher) await fetcher.close();
  }
  report.durationMs = Date.now() - started;
  log.info({ sources: report.sources, fetched: report.fetched, notModified: report.notModified, failed: report.failed, skipped: report.skipped, newItems: report.newItems, changes: report.changes.length, ms: report.durationMs, dryRun: Boolean(opts.dryRun) }, 'ingest done');
  return report;
}

/** The sources whose slot falls in the last tick, plus any never polled or overdue. */
async function dueNow(store: Store, sources: Source[], now: Date, spread: { intervalMs: number; tickMs: number }): Promise<Source[]> {
  const t = now.getTime();
  const inWindow = new Set(dueInWindow(sources, t - spread.tickMs, t, spread.intervalMs).map((s) => s.id));
  const states = await loadSourceStates(store, sources.map((s) => s.id));
  return sources.filter((s, i) => {
    const st = states[i];
    if (inWindow.has(s.id)) return true;
    if (!st || !st.firstPollDone) return !st?.nextAttempt || Date.parse(st.nextAttempt) <= t; // new: now (unless backing off)
    const last = Date.parse(st.lastSuccess ?? st.lastErrorAt ?? '1970-01-01T00:00:00Z');
    return t - last > spread.intervalMs + spread.tickMs; // missed its slot (restart, long tick)
  });
}

async function enrichArticles(items: Item[], a: NonNullable<IngestOptions['articles']>): Promise<void> {
  const todo = items.filter((i) => i.link && !i.content && a.filter(i)).slice(0, a.max ?? 20);
  await Promise.all(
    todo.map(async (i) => {
      const text = await a.fetcher.text(i.link!);
      if (text) i.content = text;
    }),
  );
}
