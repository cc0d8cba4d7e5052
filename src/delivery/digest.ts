// Daily digests: channels subscribed in digest mode collect their matching
// stories (as `digest` deliveries) and get one message a day at their local
// time, none on days without stories. A node-cron job ticks every minute.
import cron, { type ScheduledTask } from 'node-cron';
import type { Alert, Delivery, Story, Subscription } from '../domain.js';
import type { Store } from '../store/store.js';
import type { AlertSink } from './port.js';
import { subscriptionKey } from './outbox.js';
import { openDeliveries, saveDelivery } from './records.js';
import { logger } from '../log.js';

const log = logger.child({ module: 'digest' });

interface DigestMark {
  date: string; // local date of the last digest handled
  state: 'sending' | 'done';
  messageId?: string;
  deliveryIds?: string[];
}

/** Local date (YYYY-MM-DD) and time (HH:MM) in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export interface DigestOptions {
  store: Store;
  sinks: AlertSink[];
  compose: (story: Story, lang: string) => Alert;
  defaultLang: string;
  now?: () => Date;
}

export class DigestRunner {
  private task?: ScheduledTask;
  private running?: Promise<number>;
  constructor(private readonly o: DigestOptions) {}

  start(): void {
    this.task = cron.schedule('* * * * *', () => void this.tick(), { noOverlap: true, name: 'digests' });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    await this.running;
  }

  /** Posts every digest that is due now; returns how many were posted. */
  tick(): Promise<number> {
    this.running ??= this.runDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDue(): Promise<number> {
    const now = (this.o.now ?? (() => new Date()))();
    let posted = 0;
    const subs = (await this.o.store.subscriptions.values()).filter((s) => s.filters.mode === 'digest' && !s.paused);
    for (const sub of subs) {
      try {
        if (await this.runOne(sub, now)) posted++;
      } catch (err) {
        log.warn({ platform: sub.platform, channelId: sub.channelId, err: err instanceof Error ? err.message : String(err) }, 'digest failed; will retry next minute');
      }
    }
    return posted;
  }

  private async runOne(sub: Subscription, now: Date): Promise<boolean> {
    const sink = this.o.sinks.find((s) => s.platform === sub.platform);
    if (!sink) return false;
    const { date, time } = localClock(now, sub.filters.timeZone ?? 'UTC');
    if (time < (sub.filters.digestTime ?? '09:00')) return false;
    const markKey = `digest:${subscriptionKey(sub.platform, sub.channelId)}`;
    const mark = (await this.o.store.meta.get(markKey)) as DigestMark | undefined;
    if (mark?.date === date && mark.state === 'done') return false;
    const digestId = `digest-${date}`;

    // A digest whose post may have landed before a crash: look before posting again.
    if (mark?.date === date && mark.state === 'sending' && sink.findMessage) {
      const found = await sink.findMessage(sub.channelId, digestId);
      if (found) {
        await this.markSent(mark.deliveryIds ?? [], found);
        await this.o.store.meta.set(markKey, { date, state: 'done', messageId: found } satisfies DigestMark);
        return false;
      }
    }
    const pending = (await openDeliveries(this.o.store))
      .filter((d) => d.mode === 'digest' && d.state === 'pending' && d.platform === sub.platform && d.channelId === sub.channelId)
      .sort((a, b) => (a.order ?? '').localeCompare(b.order ?? ''));
    const stories: Story[] = [];
    for (const d of pending) {
      const s = await this.o.store.stories.get(d.storyId);
      if (s) stories.push(s);
    }
    if (stories.length === 0) {
      await this.o.store.meta.set(markKey, { date, state: 'done' } satisfies DigestMark);
      return false;
    }
    const alert = this.digestAlert(stories, sub.filters.lang ?? this.o.defaultLang, digestId, date);
    const ids = pending.map((d) => d.id);
    await this.o.store.meta.set(markKey, { date, state: 'sending', deliveryIds: ids } satisfies DigestMark);
    const { messageId } = await sink.post(sub.channelId, alert);
    await this.markSent(ids, messageId);
    await this.o.store.meta.set(markKey, { date, state: 'done', messageId } satisfies DigestMark);
    log.info({ platform: sub.platform, channelId: sub.channelId, stories: stories.length }, 'digest posted');
    return true;
  }

  private async markSent(ids: string[], messageId: string): Promise<void> {
    const t = new Date().toISOString();
    for (const id of ids) {
      const d = await this.o.store.deliveries.get(id);
      if (d) await saveDelivery(this.o.store, { ...d, state: 'sent', messageId, attempts: d.attempts + 1, updatedAt: t } satisfies Delivery);
    }
  }

  /** One message listing the day's stories, in the shape every renderer knows. */
  private digestAlert(stories: Story[], lang: string, digestId: string, date: string): Alert {
    const first = this.o.compose(stories[0]!, lang);
    const fr = lang === 'fr';
    return {
      ...first,
      storyId: digestId,
      headline: fr ? `Résumé du ${date} : ${stories.length} article(s)` : `Daily digest ${date}: ${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`,
      summary: stories.map((s) => `${s.title}${s.decision?.platforms.length ? ` [${s.decision.platforms.join(', ')}]` : ''} (/radar why ${s.id})`).slice(0, 25),
      affected: [],
      guides: [],
      articleSteps: [],
      deadline: undefined,
      pastTraining: undefined,
      sources: stories.map((s) => ({ name: s.sources[0]?.sourceName ?? '', title: s.title, link: s.link ?? s.sources[0]?.link })),
      footer: { score: Math.max(...stories.map((s) => s.decision?.score ?? 0)), storyId: digestId, why: fr ? 'Détails : /optout <plateforme>' : 'Details: /optout <platform>' },
    };
  }
}
