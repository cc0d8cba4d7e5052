// Deadline reminders: a channel whose filters match a deadline gets a short
// message a few days before it (REMINDER_DAYS, default 7 and 1), with the
// opt-out steps again. Each (channel, deadline, offset) is posted at most
// once: a write-ahead mark is stored before posting, and after a crash the
// channel is searched for the reminder id before anything is posted again.
import cron, { type ScheduledTask } from 'node-cron';
import type { Alert, AlertGuide, Decision, Subscription } from '../domain.js';
import type { Store } from '../store/store.js';
import type { AlertSink } from '../delivery/port.js';
import { subscriptionKey } from '../delivery/outbox.js';
import { subscriptionWants } from '../delivery/match.js';
import { localClock } from '../delivery/digest.js';
import { buildGuide, formatDate, getKb, localize, regionName, type Kb } from '../kb/index.js';
import { fill, labelsFor } from '../compose/labels/index.js';
import { cutAtWord } from '../compose/text.js';
import { logger } from '../log.js';
import { allDeadlines, daysUntil, seedKbDeadlines, type DeadlineRecord } from './model.js';

const log = logger.child({ module: 'reminders' });

export const REMINDERS_NS = 'reminders';
export const DEFAULT_REMINDER_DAYS = [7, 1];

export interface ReminderMark {
  state: 'sending' | 'done' | 'skipped';
  reminderId: string;
  messageId?: string;
  at: string;
}

export interface ReminderOptions {
  store: Store;
  sinks: AlertSink[];
  defaultLang: string;
  /** Days before a deadline at which to remind (REMINDER_DAYS). */
  days?: number[];
  /** Minimum score when a channel sets none (CLASSIFIER_THRESHOLD). */
  threshold?: number;
  now?: () => Date;
  kb?: Kb;
}

/** The id a reminder carries in its footer, so a channel can be searched for it. */
export function reminderId(d: Pick<DeadlineRecord, 'platformId' | 'date'>, offset: number): string {
  return `reminder-${d.platformId}-${d.date}-${offset}d`;
}

/** Whether a channel's filters want reminders for this deadline. */
export function channelWantsDeadline(sub: Subscription, d: DeadlineRecord, threshold = 0.5): boolean {
  const stories = d.sources.filter((s) => s.kind === 'story');
  const fromKb = d.sources.some((s) => s.kind === 'kb');
  const { languages, ...rest } = sub.filters;
  // Story-language filters apply to deadlines only stories announced; the KB speaks every language.
  if (languages?.length && !fromKb && !stories.some((s) => s.lang && languages.includes(s.lang))) return false;
  const decision: Decision = {
    relevant: true,
    score: fromKb ? 1 : Math.max(0, ...stories.map((s) => s.score ?? 0)),
    lang: stories[0]?.lang ?? 'en',
    platforms: [d.platform, d.platformId],
    regulators: [],
    regions: d.regions,
    greyZone: !fromKb && stories.length > 0 && stories.every((s) => s.greyZone),
    reasons: [],
  };
  return subscriptionWants({ ...sub, filters: rest }, decision, threshold);
}

function sourceName(link: string | undefined): string {
  if (!link) return 'story';
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return 'story';
  }
}

/** The reminder as an Alert every renderer already knows how to show. */
export function reminderAlert(d: DeadlineRecord, daysLeft: number, lang: string, id: string, kb: Kb = getKb()): Alert {
  const { lang: l, labels: L } = labelsFor(lang);
  const fr = l === 'fr';
  const when = formatDate(d.date, l);
  const days = fr ? `${daysLeft} jour${daysLeft > 1 ? 's' : ''}` : `${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  const headline = fr
    ? `Rappel : plus que ${days} pour refuser — ${d.platform}, avant le ${when}`
    : `Reminder: ${days} left to opt out — ${d.platform}, before ${when}`;
  const entry = kb.platforms.find((p) => p.id === d.platformId);
  // The KB's own words for the date, in the channel's language when it has them.
  const kbEvent = entry?.keyDates.find((k) => k.date === d.date);
  const summary: string[] = [];
  if (kbEvent) summary.push(localize(kbEvent.event, l));
  else if (d.event) summary.push(d.event);
  else
    summary.push(
      d.kind === 'start'
        ? fr
          ? `${d.platform} commence à utiliser ces données le ${when} : refusez ou opposez-vous avant cette date.`
          : `${d.platform} starts using this data on ${when}: opt out or object before then.`
        : fr
          ? `Date limite pour refuser ou s'opposer : ${when}.`
          : `Deadline to opt out or object: ${when}.`,
    );
  for (const s of d.sources.filter((x) => x.kind === 'story').slice(0, 2)) {
    summary.push(cutAtWord(fr ? `Annoncé par : « ${s.title} »${s.quote ? ` (${s.quote})` : ''}` : `Announced in “${s.title}”${s.quote ? ` (${s.quote})` : ''}`, 280));
  }
  const affected = d.regions.length ? [`${L.regions}: ${d.regions.map((r) => regionName(r, l)).join(', ')}`] : [];
  const guides: AlertGuide[] = [];
  if (entry) {
    const { regionsNote: _r, notes, ...g } = buildGuide(entry, { lang: l });
    guides.push({ ...g, notes: (notes ?? []).slice(0, 3) });
  }
  const pastTraining = entry?.undoesPastTraining === false ? L.pastNotUndone : entry?.undoesPastTraining === true ? L.pastUndone : undefined;
  const sources = d.sources
    .filter((s) => s.kind === 'story')
    .map((s) => ({ name: sourceName(s.link), title: s.title, ...(s.link ? { link: s.link } : {}) }));
  if (entry && d.sources.some((s) => s.kind === 'kb')) {
    const official = entry.links.find((x) => x.kind === 'announcement' || x.kind === 'help') ?? entry.links[0];
    sources.push({ name: fr ? 'Base de connaissances' : 'Knowledge base', title: entry.name, ...(official ? { link: official.url } : {}) });
  }
  return {
    storyId: id,
    lang: l,
    headline,
    summary,
    affected,
    guides,
    articleSteps: [],
    deadline: fill(L.deadlineBefore, { date: when }),
    ...(pastTraining ? { pastTraining } : {}),
    sources,
    footer: { score: 1, storyId: id, why: fr ? 'Toutes les échéances : /radar deadlines' : 'All deadlines: /radar deadlines' },
    labels: { ...L },
  };
}

export class ReminderRunner {
  private task?: ScheduledTask;
  private running?: Promise<number>;
  private seeded = false;
  private readonly owner = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly days: number[];

  constructor(private readonly o: ReminderOptions) {
    this.days = [...new Set(o.days?.length ? o.days : DEFAULT_REMINDER_DAYS)].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
  }

  private now(): Date {
    return (this.o.now ?? (() => new Date()))();
  }

  start(): void {
    this.task = cron.schedule('* * * * *', () => void this.tick(), { noOverlap: true, name: 'reminders' });
    // Seed the KB's deadlines right away, so /radar deadlines and the first tick see them.
    void this.seed().catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not store the knowledge base deadlines'));
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    await this.running;
  }

  /** Stores the KB's deadlines (idempotent). */
  async seed(): Promise<void> {
    if (this.seeded) return;
    await seedKbDeadlines(this.o.store, { ...(this.o.kb ? { kb: this.o.kb } : {}), now: this.now() });
    this.seeded = true;
  }

  /** Posts every reminder that is due now; returns how many were posted. */
  tick(): Promise<number> {
    this.running ??= this.runDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDue(): Promise<number> {
    const now = this.now();
    await this.seed();
    // Replicas share the marks; one of them posts per tick, so a reminder is never sent twice at once.
    if (!(await this.o.store.locks.acquire('reminders', this.owner, 60_000))) return 0;
    try {
      return await this.postDue(now);
    } finally {
      await this.o.store.locks.release('reminders', this.owner).catch(() => undefined);
    }
  }

  private async postDue(now: Date): Promise<number> {
    const deadlines = await allDeadlines(this.o.store, { ...(this.o.kb ? { kb: this.o.kb } : {}), now });
    const subs = (await this.o.store.subscriptions.values()).filter((s) => !s.paused);
    let posted = 0;
    for (const sub of subs) {
      const sink = this.o.sinks.find((s) => s.platform === sub.platform);
      if (!sink) continue;
      const today = localClock(now, sub.filters.timeZone ?? 'UTC').date;
      for (const d of deadlines) {
        const left = daysUntil(d.date, today);
        if (left < 1) continue; // on or after the day: too late to remind
        const due = this.days.filter((k) => left <= k);
        if (!due.length || !channelWantsDeadline(sub, d, this.o.threshold)) continue;
        try {
          if (await this.remind(sub, sink, d, left, due, now)) posted++;
        } catch (err) {
          log.warn(
            { platform: sub.platform, channelId: sub.channelId, deadline: d.id, err: err instanceof Error ? err.message : String(err) },
            'reminder failed; will retry on the next tick',
          );
        }
      }
    }
    return posted;
  }

  private markKey(sub: Subscription, d: DeadlineRecord, offset: number): string {
    return `${subscriptionKey(sub.platform, sub.channelId)}:${d.id}:${offset}`;
  }

  private async remind(sub: Subscription, sink: AlertSink, d: DeadlineRecord, left: number, due: number[], now: Date): Promise<boolean> {
    const marks = this.o.store.ns<ReminderMark>(REMINDERS_NS);
    const [target, ...missed] = due;
    // Earlier reminders whose day passed unsent (bot down, deadline learnt late) are not sent late:
    // the closest one covers them.
    for (const k of missed) {
      const key = this.markKey(sub, d, k);
      if (!(await marks.get(key))) await marks.set(key, { state: 'skipped', reminderId: reminderId(d, k), at: now.toISOString() });
    }
    const key = this.markKey(sub, d, target!);
    const id = reminderId(d, target!);
    const mark = await marks.get(key);
    if (mark?.state === 'done' || mark?.state === 'skipped') return false;
    if (mark?.state === 'sending' && sink.findMessage) {
      const found = await sink.findMessage(sub.channelId, id);
      if (found) {
        await marks.set(key, { state: 'done', reminderId: id, messageId: found, at: now.toISOString() });
        return false;
      }
    }
    const alert = reminderAlert(d, left, sub.filters.lang ?? this.o.defaultLang, id, this.o.kb ?? getKb());
    await marks.set(key, { state: 'sending', reminderId: id, at: now.toISOString() });
    const { messageId } = await sink.post(sub.channelId, alert);
    await marks.set(key, { state: 'done', reminderId: id, messageId, at: now.toISOString() });
    log.info({ platform: sub.platform, channelId: sub.channelId, deadline: d.id, daysLeft: left }, 'deadline reminder posted');
    return true;
  }
}
