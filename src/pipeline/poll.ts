// One poll cycle, in the one direction of SPEC §3:
// ingest (sources → stories) → classify → outbox (compose + deliver).
import type { Decision, Source, Story } from '../domain.js';
import type { Store } from '../store/store.js';
import type { AlertSink } from '../delivery/port.js';
import { ingest, type IngestReport } from './ingest.js';
import type { Fetcher } from '../fetch/fetcher.js';
import type { ArticleFetcher } from '../article/index.js';
import { classify } from '../classify/index.js';
import { composeAlert } from '../compose/index.js';
import { Outbox, ensureConfiguredSubscriptions, type DrainReport } from '../delivery/outbox.js';
import { logger } from '../log.js';
import { noopMetrics, type PipelineMetrics } from '../metrics/metrics.js';
import { recordStoryDeadlines } from '../deadlines/model.js';
import { checkFreshness } from '../freshness/index.js';

const log = logger.child({ module: 'poll' });

export interface CycleOptions {
  store: Store;
  sources: Source[];
  sinks: AlertSink[];
  outbox: Outbox;
  threshold: number;
  maxAgeDays: number;
  alertLang: string;
  /** Print alerts on this sink only; store nothing, post nothing. */
  dryRun?: { print: AlertSink };
  now?: () => Date;
  /** Kept across cycles so per-host limits, caches and backoff carry over. */
  fetcher?: Fetcher;
  /** Fetches article pages for items that may be relevant (SSRF-guarded). */
  articles?: ArticleFetcher;
  /** Passed to ingest when no fetcher is given. */
  fetcherOptions?: Record<string, unknown>;
  /** Counters for /metrics; absent in one-shot commands. */
  metrics?: PipelineMetrics;
}

export interface CycleReport {
  ingest: Omit<IngestReport, 'changes'>;
  stories: number;
  relevant: number;
  queued: number;
  posted: number;
  updated: number;
  failed: number;
  deadLetters: number;
  decisions: { storyId: string; title: string; decision: Decision }[];
}

export function classifyStory(story: Story, threshold: number): Decision {
  return classify({ id: story.id, title: story.title, summary: story.summary, content: story.content, link: story.link, lang: story.lang }, { threshold });
}

export async function runCycle(opts: CycleOptions): Promise<CycleReport> {
  const metrics = opts.metrics ?? noopMetrics;
  const t0 = performance.now();
  try {
    const report = await cycleOnce(opts, metrics);
    metrics.pollDone('ok', (performance.now() - t0) / 1000);
    return report;
  } catch (err) {
    metrics.pollDone('error');
    throw err;
  }
}

async function cycleOnce(opts: CycleOptions, metrics: PipelineMetrics): Promise<CycleReport> {
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const ingested = await ingest({
    store: opts.store,
    sources: opts.sources,
    now: now(),
    maxAgeDays: opts.maxAgeDays,
    dryRun: Boolean(opts.dryRun),
    // Stories are written below, once classified; the items count as seen only after that.
    writeStories: false,
    deferCommit: true,
    ...(opts.fetcher ? { fetcher: opts.fetcher } : {}),
    ...(opts.fetcherOptions ? { fetcherOptions: opts.fetcherOptions } : {}),
    ...(opts.articles
      ? {
          articles: {
            fetcher: opts.articles,
            // Only items that already look a little relevant are worth a page fetch.
            filter: (item) => classify({ title: item.title, summary: item.summary, lang: item.lang }, { threshold: opts.threshold }).score >= 0.25,
            max: 20,
          },
        }
      : {}),
  } as Parameters<typeof ingest>[0]);
  const { changes, commit, ...ingestSummary } = ingested;
  // A fetched body that failed to parse is a failure of the source, as its health shows.
  for (const r of ingestSummary.perSource) metrics.fetchResult(r.sourceId, r.status === 'fetched' && r.error ? 'parse-error' : r.status);
  metrics.itemsSeen(ingestSummary.items, ingestSummary.newItems);
  metrics.storiesSeen(changes.length);
  const report: CycleReport = { ingest: ingestSummary, stories: changes.length, relevant: 0, queued: 0, posted: 0, updated: 0, failed: 0, deadLetters: 0, decisions: [] };

  if (!opts.dryRun) await ensureConfiguredSubscriptions(opts.store, opts.sinks, now());
  const pendingWrites: Promise<void>[] = [];
  for (const change of changes) {
    const story: Story = change.story;
    const wasRelevant = story.decision?.relevant === true;
    const tc = performance.now();
    const decision = classifyStory(story, opts.threshold);
    metrics.classifierSeconds((performance.now() - tc) / 1000);
    story.decision = decision;
    report.decisions.push({ storyId: story.id, title: story.title, decision });
    if (decision.relevant) {
      report.relevant++;
      // Counted once per story, not again each time another outlet covers it.
      if (!wasRelevant) metrics.relevantStory();
    }
    if (opts.dryRun) {
      if (decision.relevant) await opts.dryRun.print.post('dry-run', composeAlert(story, decision, { lang: opts.alertLang, now: now() }));
      continue;
    }
    // Irrelevant stories are only recorded: their writes go in parallel below.
    if (!decision.relevant) {
      pendingWrites.push(opts.store.stories.set(story.id, story));
      if (pendingWrites.length >= 64) await Promise.all(pendingWrites.splice(0));
      continue;
    }
    await opts.store.stories.set(story.id, story);
    report.queued += await opts.outbox.enqueue(story);
    if (decision.relevant) {
      // Deadlines the story announces and guides it contradicts; a failure here never stops the cycle.
      try {
        await recordStoryDeadlines(opts.store, story, { now: now() });
        await checkFreshness(opts.store, story, { now: now() });
      } catch (err) {
        log.warn({ storyId: story.id, err: err instanceof Error ? err.message : String(err) }, 'could not record deadlines or check the knowledge base');
      }
    }
  }
  await Promise.all(pendingWrites);
  // Stored and queued: now the items may count as seen (a crash before this redoes them).
  if (!opts.dryRun) await commit?.();
  if (!opts.dryRun) {
    const drained: DrainReport = await opts.outbox.drain();
    report.posted = drained.posted;
    report.updated = drained.updated;
    report.failed = drained.retried;
    report.deadLetters = drained.dead;
  }
  log.info(
    {
      ms: Date.now() - started,
      sources: ingestSummary.sources,
      failedSources: ingestSummary.failed,
      newItems: ingestSummary.newItems,
      stories: report.stories,
      relevant: report.relevant,
      queued: report.queued,
      posted: report.posted,
      updated: report.updated,
      retrying: report.failed,
      dryRun: Boolean(opts.dryRun),
    },
    'poll cycle done',
  );
  return report;
}
