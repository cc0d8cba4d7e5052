// A real bot for the web tests: SQLite store in a temp dir, the bundled demo
// feeds served on 127.0.0.1 plus one source that answers 404, one poll cycle,
// and the bot's HTTP server with the web routes on an ephemeral port.
// Chat platforms are stand-ins: a silent console and a Discord that answers 503.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Source, Story } from '../../src/domain.js';
import type { AlertSink, PostResult } from '../../src/delivery/port.js';
import { DeliveryError } from '../../src/delivery/port.js';
import { loadConfig } from '../../src/config/load.js';
import { createBot, type Bot } from '../../src/app.js';
import { startHttp } from '../../src/http/server.js';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import type { CycleReport } from '../../src/pipeline/poll.js';
import { webRoutes } from '../../src/web/routes.js';
import { repoRoot } from '../helpers/env.js';

class SilentConsole implements AlertSink {
  readonly platform = 'console' as const;
  posted: Alert[] = [];
  alertChannels() {
    return ['console'];
  }
  async post(_c: string, alert: Alert): Promise<PostResult> {
    this.posted.push(alert);
    return { messageId: `m${this.posted.length}` };
  }
  async update(): Promise<void> {}
}

class DownDiscord implements AlertSink {
  readonly platform = 'discord' as const;
  alertChannels() {
    return ['D-ALERTS'];
  }
  async post(): Promise<PostResult> {
    throw new DeliveryError('Discord answered 503 Service Unavailable', 'retry', undefined, 503);
  }
  async update(): Promise<void> {
    throw new DeliveryError('Discord answered 503 Service Unavailable', 'retry', undefined, 503);
  }
}

/** Everything a feed could throw at the page, in every field that reaches it. */
export const HOSTILE_TITLE = `<script>alert(1)</script>"><img src=x onerror=alert(2)> LinkedIn & Co \u0001trains AI`;
export const HOSTILE_EVIDENCE = `<iframe src="javascript:alert(3)"></iframe> ]]> --> <!--`;
export const HOSTILE_OUTLET = `<b onmouseover=alert(4)>Evil</b> "Outlet"`;

export function hostileStory(now: Date): Story {
  const t = now.toISOString();
  return {
    id: 'hostile1',
    title: HOSTILE_TITLE,
    summary: `Summary with <svg onload=alert(5)> and \uFFFE a non-character & 'quotes'.`,
    link: 'javascript:alert(6)',
    lang: 'en',
    published: t,
    firstSeen: t,
    updatedAt: t,
    sources: [{ itemId: 'evil-1', sourceId: 'evil', sourceName: HOSTILE_OUTLET, title: HOSTILE_TITLE, link: 'javascript:alert(7)', published: t }],
    decision: {
      relevant: true,
      score: 0.91,
      lang: 'en',
      platforms: ['<svg/onload=alert(8)>'],
      regulators: [],
      regions: ['EU'],
      greyZone: false,
      reasons: [{ concept: 'AI training', evidence: HOSTILE_EVIDENCE }],
    },
  };
}

export interface WebBot {
  bot: Bot;
  url: string;
  feeds: FeedServer;
  report: CycleReport;
  console: SilentConsole;
  close(): Promise<void>;
}

export async function startWebBot(opts: { hostile?: boolean } = {}): Promise<WebBot> {
  const tmp = mkdtempSync(join(tmpdir(), 'web-'));
  const feeds = await serveFeeds(join(repoRoot, 'demo', 'feeds'));
  const sources: Source[] = [
    { id: 'tech-en', name: 'Demo Tech Daily', url: `${feeds.baseUrl}/tech-en.xml`, type: 'feed', kind: 'news', lang: 'en', enabled: true },
    { id: 'tech-fr', name: 'Démo Actu Tech', url: `${feeds.baseUrl}/tech-fr.xml`, type: 'feed', kind: 'news', lang: 'fr', enabled: true },
    { id: 'regulator-de', name: 'Demo Datenschutzbehörde', url: `${feeds.baseUrl}/regulator-de.xml`, type: 'feed', kind: 'regulator', lang: 'de', enabled: true },
    { id: 'gone', name: 'Gone Gazette', url: `${feeds.baseUrl}/gone.xml`, type: 'feed', kind: 'news', lang: 'en', enabled: true },
  ];
  const config = loadConfig({ STORE_URL: `sqlite://${join(tmp, 'store.db')}`, LOG_LEVEL: 'silent' }, '');
  const consoleSink = new SilentConsole();
  const discord = new DownDiscord();
  const bot = await createBot(config, { sources, noChat: true, extraSinks: [discord], outbox: { sinks: [consoleSink, discord] } });
  let http: Awaited<ReturnType<typeof startHttp>> | undefined;
  try {
    const report = await bot.cycle();
    if (opts.hostile) {
      const now = new Date();
      await bot.store.stories.set('hostile1', hostileStory(now));
      await bot.store.subscriptions.set('slack:C-PAUSED', {
        platform: 'slack',
        channelId: 'C-PAUSED',
        filters: { platforms: ['LinkedIn'], minScore: 0.5 },
        createdAt: now.toISOString(),
        paused: { reason: 'cannot post to this channel (missing_scope <chat:write>)', at: now.toISOString() },
      });
      await bot.store.deliveries.set('slack:C-PAUSED:hostile1', {
        id: 'slack:C-PAUSED:hostile1',
        storyId: 'hostile1',
        platform: 'slack',
        channelId: 'C-PAUSED',
        state: 'dead',
        attempts: 1,
        lastError: 'rejected payload: <b>invalid_blocks</b>',
        updatedAt: now.toISOString(),
      });
    }
    http = await startHttp({
      port: 0,
      host: '127.0.0.1',
      ready: () => true,
      routes: [webRoutes({ store: bot.store, sources: () => bot.sources, metrics: bot.metrics })],
    });
    const h = http;
    return {
      bot,
      url: `http://127.0.0.1:${h.port}`,
      feeds,
      report,
      console: consoleSink,
      close: async () => {
        await h.close();
        await bot.close();
        await feeds.close();
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await http?.close();
    await bot.close();
    await feeds.close();
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
