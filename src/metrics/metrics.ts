// Prometheus metrics for one bot (SPEC §4 /metrics). Each Metrics owns a
// private Registry rather than prom-client's global one, so several bots (test
// replicas) can live in one process without "metric already registered".
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DELIVERY_STATES, type OutboxCounts } from './outbox-depth.js';

export type PollResult = 'ok' | 'error' | 'skipped';
export type DeliveryResult = 'posted' | 'updated' | 'reconciled' | 'retry' | 'dead' | 'paused';

/** What the pipeline records. Code paths without metrics use `noopMetrics`. */
export interface PipelineMetrics {
  pollDone(result: PollResult, seconds?: number): void;
  fetchResult(sourceId: string, result: string): void;
  itemsSeen(parsed: number, fresh?: number): void;
  storiesSeen(n: number): void;
  relevantStory(): void;
  delivery(platform: string, result: DeliveryResult): void;
  classifierSeconds(seconds: number): void;
}

export const noopMetrics: PipelineMetrics = {
  pollDone() {},
  fetchResult() {},
  itemsSeen() {},
  storiesSeen() {},
  relevantStory() {},
  delivery() {},
  classifierSeconds() {},
};

export interface MetricsOptions {
  /** Read on each scrape, so every replica reports the shared outbox as it is now. */
  outboxCounts?: () => Promise<OutboxCounts>;
  /** Node process metrics (CPU, memory, event loop, GC); on unless turned off. */
  processMetrics?: boolean;
}

const P = 'optout_radar_';

export class Metrics implements PipelineMetrics {
  readonly registry = new Registry();
  private readonly polls: Counter<'result'>;
  private readonly pollSeconds: Histogram;
  private readonly lastPoll: Gauge;
  private readonly fetches: Counter<'source' | 'result'>;
  private readonly items: Counter;
  private readonly newItems: Counter;
  private readonly stories: Counter;
  private readonly relevant: Counter;
  private readonly deliveries: Counter<'platform' | 'result'>;
  private readonly classifier: Histogram;

  constructor(opts: MetricsOptions = {}) {
    const registers = [this.registry];
    this.polls = new Counter({ name: `${P}polls_total`, help: 'Poll cycles, by result (skipped: another replica held the poll lock).', labelNames: ['result'], registers });
    this.pollSeconds = new Histogram({ name: `${P}poll_duration_seconds`, help: 'Duration of completed poll cycles.', buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], registers });
    this.lastPoll = new Gauge({ name: `${P}last_poll_timestamp_seconds`, help: 'Unix time at which the last poll cycle of this process finished successfully.', registers });
    this.fetches = new Counter({ name: `${P}fetches_total`, help: 'Source fetches, by source id and result.', labelNames: ['source', 'result'], registers });
    this.items = new Counter({ name: `${P}items_total`, help: 'Feed items parsed from fetched sources.', registers });
    this.newItems = new Counter({ name: `${P}new_items_total`, help: 'Feed items never seen before.', registers });
    this.stories = new Counter({ name: `${P}stories_total`, help: 'Stories created or updated by new items.', registers });
    this.relevant = new Counter({ name: `${P}relevant_stories_total`, help: 'Stories the classifier judged relevant (each story counted once).', registers });
    this.deliveries = new Counter({ name: `${P}deliveries_total`, help: 'Alert deliveries, by chat platform and result.', labelNames: ['platform', 'result'], registers });
    this.classifier = new Histogram({
      name: `${P}classifier_seconds`,
      help: 'Time to classify one story.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    const counts = opts.outboxCounts;
    if (counts) {
      // One read of the store per scrape, shared by the two gauges below. A store
      // that cannot be read leaves the last values: the scrape itself still works.
      let pending: Promise<OutboxCounts | undefined> | undefined;
      const read = () =>
        (pending ??= counts()
          .catch(() => undefined)
          .finally(() => setImmediate(() => (pending = undefined))));
      new Gauge({
        name: `${P}outbox_depth`,
        help: 'Realtime deliveries waiting to be sent or edited.',
        registers,
        async collect() {
          const c = await read();
          if (c) this.set(c.waiting);
        },
      });
      new Gauge({
        name: `${P}outbox_deliveries`,
        help: 'Delivery records in the store, by state.',
        labelNames: ['state'],
        registers,
        async collect() {
          const c = await read();
          if (c) for (const s of DELIVERY_STATES) this.set({ state: s }, c.byState[s]);
        },
      });
    }
    // Zero series from the start, so rate() and alerts work before the first poll.
    for (const result of ['ok', 'error', 'skipped'] as const) this.polls.inc({ result }, 0);
    if (opts.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  pollDone(result: PollResult, seconds?: number): void {
    this.polls.inc({ result });
    if (result === 'ok') {
      if (seconds !== undefined) this.pollSeconds.observe(seconds);
      this.lastPoll.set(Date.now() / 1000);
    }
  }
  fetchResult(sourceId: string, result: string): void {
    this.fetches.inc({ source: sourceId, result });
  }
  itemsSeen(parsed: number, fresh = 0): void {
    this.items.inc(parsed);
    this.newItems.inc(fresh);
  }
  storiesSeen(n: number): void {
    this.stories.inc(n);
  }
  relevantStory(): void {
    this.relevant.inc();
  }
  delivery(platform: string, result: DeliveryResult): void {
    this.deliveries.inc({ platform, result });
  }
  classifierSeconds(seconds: number): void {
    this.classifier.observe(seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }
  metricsText(): Promise<string> {
    return this.registry.metrics();
  }
}
