// End to end through a real poll cycle: a French story served from a local
// feed, against a KB copy whose LinkedIn guide still says Europe is excluded.
// The cycle records the story's deadline and marks the guide; /radar deadlines,
// /optout, the status page and `kb check` show it; reminders follow a fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Alert } from '../../src/domain.js';
import type { AlertSink, PostResult } from '../../src/delivery/port.js';
import { loadConfig } from '../../src/config/load.js';
import { createBot, type Bot } from '../../src/app.js';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import { Store } from '../../src/store/store.js';
import { runTextCommand } from '../../commands/index.js';
import type { CommandContext } from '../../commands/types.js';
import { loadStatus } from '../../src/web/status-data.js';
import { freshnessSection } from '../../src/web/sections.js';
import { registerKbCommand } from '../../src/cli/kb-command.js';
import { allDeadlines } from '../../src/deadlines/model.js';
import { oldLinkedInKb } from './kb-copy.js';

class Recorder implements AlertSink {
  readonly platform = 'slack' as const;
  posted: { channel: string; alert: Alert }[] = [];
  alertChannels() {
    return [];
  }
  async post(channel: string, alert: Alert): Promise<PostResult> {
    this.posted.push({ channel, alert });
    return { messageId: `m${this.posted.length}` };
  }
  async update(): Promise<void> {}
  async findMessage(channel: string, id: string): Promise<string | undefined> {
    const i = this.posted.findIndex((p) => p.channel === channel && p.alert.storyId === id);
    return i >= 0 ? `m${i + 1}` : undefined;
  }
}

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Actu Test</title><link>http://feeds.test/</link><description>test</description><language>fr-FR</language>
<item>
  <title>LinkedIn va entraîner son IA avec les données de ses membres européens</title>
  <link>https://actu.example/linkedin-ia-europe</link>
  <guid isPermaLink="false">fr-li-1</guid>
  <pubDate>Fri, 19 Sep 2025 07:00:00 GMT</pubDate>
  <description><![CDATA[<p>LinkedIn utilisera les données de ses membres européens à partir du 3 novembre 2025 pour entraîner ses modèles d'intelligence artificielle générative ; vous pouvez vous y opposer avant cette date. Pour refuser, ouvrez Préférences et confidentialité, puis Confidentialité des données, et désactivez « Données pour l'amélioration de l'IA générative ». Le refus ne s'applique pas aux entraînements déjà effectués.</p>]]></description>
</item>
</channel></rss>`;

const old = oldLinkedInKb('2025-09-01');
const tmp = mkdtempSync(join(tmpdir(), 'fresh-e2e-'));
let feeds: FeedServer;
let bot: Bot;
let now = new Date('2025-09-19T09:00:00Z');
const rec = new Recorder();
let storyId = '';

beforeAll(async () => {
  // The pipeline, /optout and the status page read the KB from OPTOUT_KB_DIR (loaded on first use).
  process.env.OPTOUT_KB_DIR = old.dir;
  writeFileSync(join(tmp, 'news.xml'), FEED);
  feeds = await serveFeeds(tmp);
  const config = loadConfig({ STORE_URL: `sqlite://${join(tmp, 'store.db')}`, LOG_LEVEL: 'silent' }, '');
  bot = await createBot(config, {
    sources: [{ id: 'actu', name: 'Actu Test', url: `${feeds.baseUrl}/news.xml`, type: 'feed', kind: 'news', lang: 'fr', enabled: true }],
    noChat: true,
    extraSinks: [rec],
    outbox: { sinks: [rec] },
    now: () => now,
  });
  await bot.store.subscriptions.set('slack:C-FR', { platform: 'slack', channelId: 'C-FR', filters: { platforms: ['linkedin'], lang: 'fr' }, createdAt: now.toISOString() });
  const report = await bot.cycle();
  expect(report.relevant).toBe(1);
  storyId = report.decisions.find((d) => d.decision.relevant)!.storyId;
});

afterAll(async () => {
  await bot?.close();
  await feeds?.close();
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old.dir, { recursive: true, force: true });
  delete process.env.OPTOUT_KB_DIR;
});

const ctx = (): CommandContext => ({ platform: 'slack', channelId: 'C-FR', userId: 'U1', isChannelManager: false, services: { store: bot.store, now: () => now } });

describe('a poll cycle records the deadline and marks the guide', () => {
  it('stores the deadline with the story that announced it', async () => {
    const d = (await allDeadlines(bot.store)).find((x) => x.id === 'linkedin:2025-11-03');
    expect(d).toMatchObject({ platform: 'LinkedIn', regions: ['EU'], sources: [{ kind: 'story', storyId }] });
  });

  it('/radar deadlines lists it with platform, region, date, days left and source', async () => {
    const r = await runTextCommand('/radar', 'deadlines', ctx());
    expect(r.error).toBeFalsy();
    expect(r.fallback).toContain(`3 November 2025 — LinkedIn (EU) — 45 days left — source: story ${storyId}`);
    const none = await runTextCommand('/radar', 'deadlines tiktok', ctx());
    expect(none.fallback).toMatch(/No upcoming deadline known for “tiktok”/);
  });

  it('/optout shows the mark and the story that triggered it', async () => {
    const r = await runTextCommand('/optout', 'linkedin', ctx());
    const warning = r.blocks.filter((b) => b.type === 'context').map((b) => (b as { text: string }).text).join('\n');
    expect(warning).toContain('may be out of date since “LinkedIn va entraîner son IA avec les données de ses membres européens”');
    expect(warning).toContain('region newly included');
    expect(warning).toContain('new deadline');
    // Another guide is not marked.
    const other = await runTextCommand('/optout', 'reddit', ctx());
    expect(other.fallback).not.toContain('out of date');
  });

  it('the status page lists the guide with its stories', async () => {
    const d = await loadStatus(bot.store, bot.sources, now);
    expect(d.freshness?.map((g) => g.platformId)).toEqual(['linkedin']);
    const html = freshnessSection(d).value;
    expect(html).toContain('data-guide="linkedin"');
    expect(html).toContain('https://actu.example/linkedin-ia-europe');
    expect(html).toContain('EU included');
  });

  it('`kb check` prints every guide with its last-verified date and the marked one with its stories', async () => {
    let out = '';
    const program = new Command().exitOverride();
    registerKbCommand(program, { openStore: () => Store.open(bot.config.STORE_URL), staleDays: () => 180, now: () => now, out: (s) => (out += s) });
    await program.parseAsync(['kb', 'check'], { from: 'user' });
    expect(out).toContain(`LinkedIn (linkedin) — last verified 2025-09-01 — MAY BE OUT OF DATE since ${storyId}`);
    expect(out).toContain(`story ${storyId}: LinkedIn va entraîner son IA`);
    expect(out).toMatch(/Reddit \(reddit\) — last verified \d{4}-\d{2}-\d{2} — ok/);
    expect(out).toMatch(/guides, 1 to re-check/);
    // Months later, the unverified guide is stale as well.
    out = '';
    const later = new Command().exitOverride();
    registerKbCommand(later, { openStore: () => Store.open(bot.config.STORE_URL), staleDays: () => 180, now: () => new Date('2026-04-01T00:00:00Z'), out: (s) => (out += s) });
    await later.parseAsync(['kb', 'check'], { from: 'user' });
    expect(out).toContain('not verified for 212 days');
  });

  it('bot.reminders posts the 7-day and 1-day reminders once each, with the steps again', async () => {
    const alertsBefore = rec.posted.length;
    // Only the Slack channel here: the console's configured channel would print the reminders too.
    for (const sub of await bot.store.subscriptions.values()) if (sub.platform === 'console') await bot.store.subscriptions.delete(`console:${sub.channelId}`);
    now = new Date('2025-10-27T08:00:00Z');
    expect(await bot.reminders.tick()).toBe(1);
    now = new Date('2025-11-02T08:00:00Z');
    expect(await bot.reminders.tick()).toBe(1);
    expect(await bot.reminders.tick()).toBe(0);
    now = new Date('2025-11-04T08:00:00Z');
    expect(await bot.reminders.tick()).toBe(0);
    const reminders = rec.posted.slice(alertsBefore);
    expect(reminders.map((p) => p.alert.storyId)).toEqual(['reminder-linkedin-2025-11-03-7d', 'reminder-linkedin-2025-11-03-1d']);
    expect(reminders[1]!.alert.headline).toMatch(/^Rappel : plus que 1 jour/);
    expect(reminders[1]!.alert.guides[0]!.steps.length).toBeGreaterThan(0);
  });
});
