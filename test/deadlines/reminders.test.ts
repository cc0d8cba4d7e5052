import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Story, Subscription } from '../../src/domain.js';
import type { AlertSink } from '../../src/delivery/port.js';
import { Store } from '../../src/store/store.js';
import { ReminderRunner, REMINDERS_NS, reminderId, type ReminderMark } from '../../src/deadlines/reminders.js';
import { allDeadlines, extractStoryDeadlines, recordStoryDeadlines, seedKbDeadlines, upcomingDeadlines } from '../../src/deadlines/model.js';
import { ChatFake, HttpChatSink } from '../helpers/chat-fake.js';
import { decision } from '../helpers/stories.js';
import { oldLinkedInKb } from '../freshness/kb-copy.js';

const tmp = mkdtempSync(join(tmpdir(), 'remind-'));
const old = oldLinkedInKb();
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old.dir, { recursive: true, force: true });
});

let fake: ChatFake;
let dbUrl: string;
let n = 0;
const open: Store[] = [];
beforeEach(async () => {
  fake = await new ChatFake().start();
  dbUrl = `sqlite://${join(tmp, `r${++n}.db`)}`;
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await fake.close();
});

async function openStore(): Promise<Store> {
  const s = await Store.open(dbUrl);
  open.push(s);
  return s;
}

function sub(channelId: string, filters: Subscription['filters'] = {}): Subscription {
  return { platform: 'slack', channelId, filters, createdAt: '2025-01-01T00:00:00Z' };
}

/** A sink that records every alert it is given, beside the HTTP fake. */
class RecordingSink extends HttpChatSink {
  alerts: Alert[] = [];
  override async post(channelId: string, alert: Alert) {
    this.alerts.push(alert);
    return super.post(channelId, alert);
  }
}

const FRENCH_STORY: Story = {
  id: 'fr-linkedin',
  title: 'LinkedIn va utiliser les données de ses membres pour entraîner son IA',
  content:
    "LinkedIn utilisera les données de ses membres européens à partir du 3 novembre 2025 ; vous pouvez vous y opposer avant cette date. " +
    "Pour cela, ouvrez Préférences et confidentialité, puis désactivez « Données pour l'amélioration de l'IA générative ».",
  link: 'https://www.example.fr/linkedin-ia',
  lang: 'fr',
  published: '2025-09-19T07:00:00Z',
  firstSeen: '2025-09-19T07:05:00Z',
  updatedAt: '2025-09-19T07:05:00Z',
  sources: [{ itemId: 'i1', sourceId: 'fr-news', sourceName: 'Exemple.fr', title: 'LinkedIn va utiliser…', link: 'https://www.example.fr/linkedin-ia' }],
  decision: decision({ lang: 'fr', platforms: ['LinkedIn'], regions: ['EU'] }),
};

describe('deadlines as data', () => {
  it('extracts the French start date as LinkedIn’s EU deadline, with the story that announced it', async () => {
    const store = await openStore();
    expect(extractStoryDeadlines(FRENCH_STORY, { kb: old.kb })).toEqual([
      { platformId: 'linkedin', platform: 'LinkedIn', date: '2025-11-03', regions: ['EU'], kind: 'start', quote: 'à partir du 3 novembre 2025' },
    ]);
    const [rec] = await recordStoryDeadlines(store, FRENCH_STORY, { kb: old.kb, now: new Date('2025-09-19T08:00:00Z') });
    expect(rec).toMatchObject({ id: 'linkedin:2025-11-03', date: '2025-11-03', sources: [{ kind: 'story', storyId: 'fr-linkedin', lang: 'fr' }] });
    // Recording again (a new outlet joined the story) changes nothing.
    await recordStoryDeadlines(store, FRENCH_STORY, { kb: old.kb });
    const all = await allDeadlines(store, { kb: old.kb });
    expect(all.filter((d) => d.platformId === 'linkedin')).toHaveLength(1);
    expect(all.find((d) => d.id === 'linkedin:2025-11-03')!.sources).toHaveLength(1);
  });

  it('seeds the KB’s deadlines once; a story giving the same date joins the KB record', async () => {
    const store = await openStore();
    const now = new Date('2025-05-01T00:00:00Z');
    const first = await seedKbDeadlines(store, { now });
    expect(first).toBeGreaterThan(3);
    expect(await seedKbDeadlines(store, { now })).toBe(0);
    await recordStoryDeadlines(store, FRENCH_STORY, { now });
    const li = (await allDeadlines(store)).find((d) => d.id === 'linkedin:2025-11-03')!;
    expect(li.sources.map((s) => s.kind)).toEqual(['kb', 'story']);
    expect(li.regions).toEqual(expect.arrayContaining(['EU', 'EEA', 'UK', 'CH']));
    const upcoming = await upcomingDeadlines(store, { now: new Date('2025-05-27T10:00:00Z') });
    expect(upcoming.map((d) => d.id)).not.toContain('meta-instagram:2025-05-27');
    expect(upcoming.map((d) => d.id)).toContain('linkedin:2025-11-03');
  });

  it('“until 26 May” joins the KB’s “before 27 May” deadline instead of making a second one', async () => {
    const store = await openStore();
    const de: Story = {
      ...FRENCH_STORY,
      id: 'de-meta',
      title: 'Meta nutzt ab 27. Mai öffentliche Beiträge für KI-Training',
      content: 'Nutzer von Instagram können bis zum 26. Mai 2025 über ein Formular widersprechen, bevor Meta ihre Beiträge für das KI-Training verwendet.',
      lang: 'de',
      published: '2025-04-15T08:00:00Z',
      decision: decision({ lang: 'de', platforms: ['Meta (Instagram)'] }),
    };
    const [rec] = await recordStoryDeadlines(store, de, { now: new Date('2025-04-15T09:00:00Z') });
    expect(rec!.id).toBe('meta-instagram:2025-05-27');
    await seedKbDeadlines(store);
    const ig = (await allDeadlines(store)).filter((d) => d.platformId === 'meta-instagram');
    expect(ig).toHaveLength(1);
    expect(ig[0]!.sources.map((x) => x.kind).sort()).toEqual(['kb', 'story']);
  });

  it('ignores start dates of pauses, dates in irrelevant stories and dates no platform sentence owns', () => {
    const pause: Story = { ...FRENCH_STORY, id: 'p', content: 'LinkedIn has paused the use of UK data for AI training from 20 September 2025.', lang: 'en', decision: decision({ platforms: ['LinkedIn'] }) };
    expect(extractStoryDeadlines(pause)).toEqual([]);
    expect(extractStoryDeadlines({ ...FRENCH_STORY, decision: decision({ relevant: false }) })).toEqual([]);
    const two: Story = {
      ...FRENCH_STORY,
      id: 't',
      content: 'Meta and LinkedIn both changed their terms this year. Users can object before 30 June 2025.',
      lang: 'en',
      decision: decision({ platforms: ['Meta (Facebook)', 'LinkedIn'] }),
    };
    expect(extractStoryDeadlines(two)).toEqual([]);
  });
});

describe('reminders with a fake clock', () => {
  it('reminds 7 days and 1 day before a KB deadline, only channels whose filters match, never after the deadline', async () => {
    const store = await openStore();
    let now = new Date('2025-05-19T09:00:00Z'); // 8 days before Meta's 27 May 2025 deadline
    const sink = new RecordingSink(fake.url, [], 'slack');
    await store.subscriptions.set('slack:IG', sub('IG', { platforms: ['instagram'] }));
    await store.subscriptions.set('slack:US', sub('US', { platforms: ['instagram'], regions: ['US'] }));
    await store.subscriptions.set('slack:LI', sub('LI', { platforms: ['linkedin'] }));
    const runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', now: () => now });
    expect(await runner.tick()).toBe(0);
    now = new Date('2025-05-20T06:00:00Z'); // 7 days left
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0); // same day: nothing more
    expect(fake.inChannel('IG').map((m) => m.storyId)).toEqual([reminderId({ platformId: 'meta-instagram', date: '2025-05-27' }, 7)]);
    const alert = sink.alerts[0]!;
    expect(alert.headline).toMatch(/7 days left/);
    expect(alert.headline).toContain('Meta (Instagram)');
    expect(alert.guides[0]!.steps.length).toBeGreaterThan(0); // the opt-out steps again
    expect(alert.footer.storyId).toBe('reminder-meta-instagram-2025-05-27-7d');
    expect(alert.summary[0]).toMatch(/object before this date/);
    expect(alert.deadline).toBe('Before 27 May 2025');
    for (const day of ['2025-05-21', '2025-05-24', '2025-05-25']) {
      now = new Date(`${day}T12:00:00Z`);
      expect(await runner.tick()).toBe(0);
    }
    now = new Date('2025-05-26T08:00:00Z'); // 1 day left
    expect(await runner.tick()).toBe(1);
    expect(sink.alerts[1]!.headline).toMatch(/1 day left/);
    for (const day of ['2025-05-27', '2025-05-28', '2025-06-03']) {
      now = new Date(`${day}T12:00:00Z`);
      expect(await runner.tick()).toBe(0);
    }
    expect(fake.inChannel('IG')).toHaveLength(2);
    expect(fake.inChannel('US')).toHaveLength(0); // the deadline is for the EU
    expect(fake.inChannel('LI')).toHaveLength(0);
  });

  it('reminds at 7 and 1 days for the deadline of a French story, in French for a French channel; none repeated after a restart', async () => {
    const kb = old.kb; // the KB itself does not know this date
    let now = new Date('2025-09-19T08:00:00Z');
    let store = await openStore();
    await recordStoryDeadlines(store, FRENCH_STORY, { kb, now });
    await store.subscriptions.set('slack:FR', sub('FR', { regions: ['EU'], lang: 'fr', languages: ['fr'] }));
    await store.subscriptions.set('slack:DE', sub('DE', { languages: ['de'] }));
    const sink = new RecordingSink(fake.url, [], 'slack');
    let runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', kb, now: () => now });
    expect(await runner.tick()).toBe(0);

    now = new Date('2025-10-27T07:00:00Z'); // 7 days before 3 November
    expect(await runner.tick()).toBe(1);
    expect(sink.alerts[0]!.headline).toBe('Rappel : plus que 7 jours pour refuser — LinkedIn, avant le 3 novembre 2025');
    expect(sink.alerts[0]!.summary.join(' ')).toContain('à partir du 3 novembre 2025');
    expect(sink.alerts[0]!.sources[0]!.link).toBe('https://www.example.fr/linkedin-ia');

    // Restart: a new store connection and a new runner on the same SQLite file, same day.
    await runner.stop();
    await store.close();
    open.splice(open.indexOf(store), 1);
    store = await openStore();
    runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', kb, now: () => now });
    expect(await runner.tick()).toBe(0);

    now = new Date('2025-11-02T09:00:00Z');
    expect(await runner.tick()).toBe(1);
    // Restart again after the 1-day reminder.
    await store.close();
    open.splice(open.indexOf(store), 1);
    store = await openStore();
    runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', kb, now: () => now });
    expect(await runner.tick()).toBe(0);
    now = new Date('2025-11-03T09:00:00Z');
    expect(await runner.tick()).toBe(0);
    expect(fake.inChannel('FR').map((m) => m.storyId)).toEqual(['reminder-linkedin-2025-11-03-7d', 'reminder-linkedin-2025-11-03-1d']);
    expect(fake.inChannel('DE')).toHaveLength(0);
  });

  it('after a crash between posting and recording, finds the reminder in the channel instead of posting it again', async () => {
    const store = await openStore();
    const now = new Date('2025-05-20T09:00:00Z');
    await store.subscriptions.set('slack:IG', sub('IG', { platforms: ['instagram'] }));
    const sink = new HttpChatSink(fake.url, [], 'slack');
    const id = 'reminder-meta-instagram-2025-05-27-7d';
    // The post landed, then the process died before marking it done.
    await sink.post('IG', { storyId: id, sources: [] } as unknown as Alert);
    await store.ns<ReminderMark>(REMINDERS_NS).set('slack:IG:meta-instagram:2025-05-27:7', { state: 'sending', reminderId: id, at: now.toISOString() });
    const runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', now: () => now });
    expect(await runner.tick()).toBe(0);
    expect(fake.inChannel('IG')).toHaveLength(1);
    expect((await store.ns<ReminderMark>(REMINDERS_NS).get('slack:IG:meta-instagram:2025-05-27:7'))?.state).toBe('done');
  });

  it('a deadline learnt late gets one reminder now, not a late 7-day one as well; a failed post is retried next tick', async () => {
    const store = await openStore();
    let now = new Date('2025-05-24T09:00:00Z'); // 3 days left
    await store.subscriptions.set('slack:IG', sub('IG', { platforms: ['instagram'], minScore: 0.95 }));
    const sink = new HttpChatSink(fake.url, [], 'slack');
    const runner = new ReminderRunner({ store, sinks: [sink], defaultLang: 'en', days: [7, 1], now: () => now });
    fake.failNext = { status: 503, count: 1 };
    expect(await runner.tick()).toBe(0);
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0);
    now = new Date('2025-05-26T09:00:00Z');
    expect(await runner.tick()).toBe(1);
    expect(fake.inChannel('IG').map((m) => m.storyId)).toEqual(['reminder-meta-instagram-2025-05-27-7d', 'reminder-meta-instagram-2025-05-27-1d']);
  });

  it('two replicas ticking at the same time post each reminder once', async () => {
    const a = await openStore();
    const b = await openStore();
    const now = new Date('2025-05-20T09:00:00Z');
    await a.subscriptions.set('slack:IG', sub('IG', { platforms: ['instagram'] }));
    const sink = new HttpChatSink(fake.url, [], 'slack');
    const ra = new ReminderRunner({ store: a, sinks: [sink], defaultLang: 'en', now: () => now });
    const rb = new ReminderRunner({ store: b, sinks: [sink], defaultLang: 'en', now: () => now });
    await Promise.all([ra.tick(), rb.tick()]);
    await Promise.all([ra.tick(), rb.tick()]);
    expect(fake.inChannel('IG')).toHaveLength(1);
  });

  it('a console-like sink without findMessage still gets each reminder once', async () => {
    const store = await openStore();
    const posted: string[] = [];
    const consoleSink: AlertSink = { platform: 'console', alertChannels: () => [], post: async (_c, a) => (posted.push(a.storyId), { messageId: 'x' }), update: async () => undefined };
    await store.subscriptions.set('console:out', { platform: 'console', channelId: 'out', filters: { platforms: ['claude'] }, createdAt: 'x' });
    const runner = new ReminderRunner({ store, sinks: [consoleSink], defaultLang: 'en', now: () => new Date('2025-09-21T09:00:00Z') });
    expect(await runner.tick()).toBe(1);
    expect(await runner.tick()).toBe(0);
    expect(posted).toEqual(['reminder-anthropic-claude-2025-09-28-7d']);
  });
});
