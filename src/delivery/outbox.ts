// The persistent outbox: every (story, channel) pair that matches becomes one
// Delivery record before anything is sent, and its state is written ahead of
// each step. That is what makes delivery exactly-once per channel across
// crashes:
//   pending ──claim──▶ sending ──platform accepted──▶ sent
// A record found in `sending` when a drain starts belongs to an attempt that
// died midway (drains are exclusive through a store lock), so the platform
// may or may not have the message: the sink looks it up by the story id the
// bot embeds in every alert, and only posts when it is not there.
import type { Alert, Delivery, Story, Subscription } from '../domain.js';
import type { Store } from '../store/store.js';
import { DeliveryError, type AlertSink } from './port.js';
import { subscriptionWants } from './match.js';
import { openDeliveries, saveDelivery } from './records.js';
import { logger } from '../log.js';
import { noopMetrics, type DeliveryResult, type PipelineMetrics } from '../metrics/metrics.js';

const log = logger.child({ module: 'outbox' });

export interface OutboxOptions {
  store: Store;
  sinks: AlertSink[];
  /** Builds the alert for a story in a channel's label language. */
  compose: (story: Story, lang: string) => Alert;
  threshold: number;
  defaultLang: string;
  now?: () => Date;
  maxAttempts?: number;
  /** Channels drained in parallel (each channel stays in order). */
  concurrency?: number;
  /** Identifies this process in the drain lock. */
  owner?: string;
  backoffBaseMs?: number;
  /** How long the drain lock outlives a crashed holder (renewed while draining). */
  lockTtlMs?: number;
  backoffMaxMs?: number;
  /** Test hook: called between the steps of one delivery (crash injection). */
  onStep?: (step: 'claimed' | 'accepted' | 'recorded', d: Delivery) => void | Promise<void>;
  /** Counts deliveries by platform and result for /metrics. */
  metrics?: PipelineMetrics;
}

export interface DrainReport {
  posted: number;
  updated: number;
  reconciled: number;
  retried: number;
  dead: number;
  skipped: boolean;
}

export function deliveryId(platform: string, channelId: string, storyId: string): string {
  return `${platform}:${channelId}:${storyId}`;
}

export function subscriptionKey(platform: string, channelId: string): string {
  return `${platform}:${channelId}`;
}

/** Channels listed in configuration are subscribed with default filters. */
export async function ensureConfiguredSubscriptions(store: Store, sinks: AlertSink[], now: Date): Promise<void> {
  for (const sink of sinks) {
    for (const channelId of sink.alertChannels()) {
      const key = subscriptionKey(sink.platform, channelId);
      if (!(await store.subscriptions.get(key)))
        await store.subscriptions.set(key, { platform: sink.platform, channelId, filters: {}, createdBy: 'config', createdAt: now.toISOString() });
    }
  }
}

export class Outbox {
  private readonly now: () => Date;
  private readonly owner: string;
  private draining?: Promise<DrainReport>;

  constructor(private readonly o: OutboxOptions) {
    this.now = o.now ?? (() => new Date());
    this.owner = o.owner ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  }

  private count(d: Delivery, result: DeliveryResult): void {
    (this.o.metrics ?? noopMetrics).delivery(d.platform, result);
  }

  private get maxAttempts() {
    // With the default backoff (2 s doubling, capped at 10 min, jittered) 20 attempts
    // span one to two hours: an outage that long still ends in delivery, not a dead letter.
    return this.o.maxAttempts ?? 20;
  }

  /** Records a delivery for every subscribed channel that wants this story (or marks posted ones for an edit). */
  async enqueue(story: Story): Promise<number> {
    const decision = story.decision;
    if (!decision?.relevant) return 0;
    const platforms = new Set(this.o.sinks.map((s) => s.platform));
    const subs = (await this.o.store.subscriptions.values()).filter((s) => platforms.has(s.platform));
    let created = 0;
    for (const sub of subs) {
      if (!subscriptionWants(sub, decision, this.o.threshold)) continue;
      const id = deliveryId(sub.platform, sub.channelId, story.id);
      const existing = await this.o.store.deliveries.get(id);
      const t = this.now().toISOString();
      if (existing) {
        if (existing.state === 'sent' && existing.mode !== 'digest' && (existing.sourcesPosted ?? 0) < story.sources.length && !existing.pendingUpdate)
          await saveDelivery(this.o.store, { ...existing, pendingUpdate: true, updatedAt: t });
        continue;
      }
      await saveDelivery(this.o.store, {
        id,
        storyId: story.id,
        platform: sub.platform,
        channelId: sub.channelId,
        state: 'pending',
        attempts: 0,
        mode: sub.filters.mode === 'digest' ? 'digest' : 'realtime',
        order: `${story.firstSeen}|${story.id}`,
        createdAt: t,
        updatedAt: t,
      });
      created++;
    }
    return created;
  }

  /** Sends what is due. Only one drain runs at a time, per process and across replicas. */
  drain(): Promise<DrainReport> {
    this.draining ??= this.drainOnce().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainOnce(): Promise<DrainReport> {
    const report: DrainReport = { posted: 0, updated: 0, reconciled: 0, retried: 0, dead: 0, skipped: false };
    const lockTtl = this.o.lockTtlMs ?? 15_000;
    if (!(await this.o.store.locks.acquire('outbox', this.owner, lockTtl))) {
      report.skipped = true;
      return report;
    }
    const renew = setInterval(() => void this.o.store.locks.renew('outbox', this.owner, lockTtl).catch(() => undefined), lockTtl / 3);
    renew.unref();
    try {
      const now = this.now().getTime();
      const waiting = (await openDeliveries(this.o.store)).filter((d) => d.mode !== 'digest');
      const byChannel = new Map<string, Delivery[]>();
      for (const d of waiting) {
        const key = subscriptionKey(d.platform, d.channelId);
        byChannel.set(key, [...(byChannel.get(key) ?? []), d]);
      }
      const queues = [...byChannel.values()].map((q) => q.sort((a, b) => (a.order ?? '').localeCompare(b.order ?? '')));
      const workers = Math.max(1, Math.min(this.o.concurrency ?? 256, queues.length));
      let next = 0;
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (next < queues.length) {
            const queue = queues[next++]!;
            for (const d of queue) {
              // Keep the channel's order: a delivery still waiting out its backoff holds the ones after it.
              if (d.nextAttempt && Date.parse(d.nextAttempt) > now) break;
              const ok = await this.deliverOne(d, report);
              if (!ok) break;
            }
          }
        }),
      );
    } finally {
      clearInterval(renew);
      await this.o.store.locks.release('outbox', this.owner).catch(() => undefined);
    }
    return report;
  }

  /** One delivery, one step at a time, each step recorded before the next. Returns false when the channel must wait. */
  private async deliverOne(d: Delivery, report: DrainReport): Promise<boolean> {
    const { store } = this.o;
    const sink = this.o.sinks.find((s) => s.platform === d.platform);
    if (!sink) return true;
    const story = await store.stories.get(d.storyId);
    if (!story?.decision) {
      await this.finish(d, 'dead', 'story no longer in the store', report);
      return true;
    }
    const sub = await store.subscriptions.get(subscriptionKey(d.platform, d.channelId));
    if (!sub) {
      // Unsubscribed after the alert was queued: nothing to send.
      await saveDelivery(store, { ...d, state: 'dead', lastError: 'channel unsubscribed', updatedAt: this.now().toISOString() });
      return true;
    }
    if (sub.paused) return true;
    const alert = this.o.compose(story, sub.filters.lang ?? this.o.defaultLang);
    try {
      if (d.state === 'sent' && d.pendingUpdate && d.messageId) {
        await sink.update(d.channelId, d.messageId, alert);
        await saveDelivery(store, { ...d, pendingUpdate: false, sourcesPosted: alert.sources.length, updatedAt: this.now().toISOString() });
        report.updated++;
        this.count(d, 'updated');
        return true;
      }
      let messageId: string | undefined;
      if (d.state === 'sending' && sink.findMessage) {
        messageId = await sink.findMessage(d.channelId, d.storyId);
        if (messageId) {
          report.reconciled++;
          this.count(d, 'reconciled');
        }
      }
      const claimed: Delivery = { ...d, state: 'sending', attempts: d.attempts + 1, updatedAt: this.now().toISOString() };
      if (!messageId) {
        await saveDelivery(store, claimed);
        await this.o.onStep?.('claimed', claimed);
        messageId = (await sink.post(d.channelId, alert)).messageId;
        await this.o.onStep?.('accepted', claimed);
        report.posted++;
        this.count(d, 'posted');
      }
      const sent: Delivery = { ...claimed, state: 'sent', messageId, sourcesPosted: alert.sources.length, pendingUpdate: false, lastError: undefined, nextAttempt: undefined, updatedAt: this.now().toISOString() };
      await saveDelivery(store, sent);
      await this.o.onStep?.('recorded', sent);
      // Sources may have arrived while the post was in flight.
      if (story.sources.length > alert.sources.length) await saveDelivery(store, { ...sent, pendingUpdate: true });
      return true;
    } catch (err) {
      return this.failed(d, sink, story, err, report);
    }
  }

  private async failed(d: Delivery, sink: AlertSink, story: Story, err: unknown, report: DrainReport): Promise<boolean> {
    const message = err instanceof Error ? err.message : String(err);
    const kind = err instanceof DeliveryError ? err.kind : 'retry';
    const attempts = d.state === 'sending' ? d.attempts : d.attempts + 1;
    const ctx = { storyId: d.storyId, platform: d.platform, channelId: d.channelId, attempts, err: message };
    if (kind === 'payload') {
      log.error({ ...ctx, title: story.title }, 'BUG: the platform rejected the alert payload; not retrying');
      await this.finish({ ...d, attempts }, 'dead', `rejected payload: ${message}`, report);
      return true;
    }
    if (kind === 'channel') {
      const reason = `cannot post to this channel (${message}); alerts are paused until a manager fixes permissions and runs /radar subscribe again`;
      log.warn({ ...ctx }, 'channel unavailable: pausing its subscription');
      const key = subscriptionKey(d.platform, d.channelId);
      const sub = await this.o.store.subscriptions.get(key);
      if (sub) await this.o.store.subscriptions.set(key, { ...sub, paused: { reason, at: this.now().toISOString() } } satisfies Subscription);
      await sink.notice?.(d.channelId, `optout-radar: ${reason}`).catch(() => undefined);
      this.count(d, 'paused');
      // Kept as failed (not dead) so a re-subscribe delivers what was missed, in order.
      await saveDelivery(this.o.store, { ...d, state: 'failed', attempts, lastError: message, updatedAt: this.now().toISOString() });
      return false;
    }
    if (attempts >= this.maxAttempts) {
      log.error({ ...ctx }, 'delivery failed too many times: dead letter');
      await this.finish({ ...d, attempts }, 'dead', message, report);
      return true;
    }
    const base = this.o.backoffBaseMs ?? 2_000;
    const backoff = Math.min(this.o.backoffMaxMs ?? 600_000, base * 2 ** (attempts - 1));
    const wait = Math.max(err instanceof DeliveryError && err.retryAfterMs ? err.retryAfterMs : 0, backoff * (0.5 + Math.random() / 2));
    log.warn({ ...ctx, retryInMs: Math.round(wait) }, 'delivery failed; will retry');
    // A failed post is certain not to have landed only when the platform said so; a
    // network error after sending stays "sending" so the next try looks before posting.
    const uncertain = !(err instanceof DeliveryError) && d.state !== 'sent';
    await saveDelivery(this.o.store, {
      ...d,
      state: d.state === 'sent' ? 'sent' : uncertain ? 'sending' : 'failed',
      attempts,
      lastError: message,
      nextAttempt: new Date(this.now().getTime() + wait).toISOString(),
      updatedAt: this.now().toISOString(),
    });
    report.retried++;
    this.count(d, 'retry');
    return false;
  }

  private async finish(d: Delivery, state: 'dead', lastError: string, report: DrainReport): Promise<void> {
    await saveDelivery(this.o.store, { ...d, state, lastError, nextAttempt: undefined, updatedAt: this.now().toISOString() });
    report.dead++;
    this.count(d, 'dead');
  }

  /** The earliest time a waiting delivery becomes due, for the retry timer. */
  async nextDue(): Promise<number | undefined> {
    const times = (await openDeliveries(this.o.store))
      .filter((d) => d.mode !== 'digest')
      .map((d) => (d.nextAttempt ? Date.parse(d.nextAttempt) : 0));
    return times.length ? Math.min(...times) : undefined;
  }
}
