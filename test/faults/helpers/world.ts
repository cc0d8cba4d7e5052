// What the fault-injection runs share: a feed whose relevant stories appear
// one after another, switchable front doors for the Slack and Discord fakes
// (up, 503, or refusing connections on the same port), the environment that
// points a real `serve` at all of it, and the exactly-once check.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Store } from '../../../src/store/store.js';
import type { FakeSlack } from '../../slack/helpers/fake-slack.js';
import type { FakeDiscord } from '../../discord/fake-discord.js';

export const STORIES: [string, string][] = [
  ['LinkedIn will use members\u2019 posts to train its generative AI models', 'LinkedIn updated its privacy policy: member data and posts will train AI models unless members opt out in Settings.'],
  ['Meta to train AI on Facebook and Instagram posts of EU users', 'Meta says it will use public posts of adult users in the EU to train its AI models; users can object with a form.'],
  ['Reddit signs deal licensing user posts for AI training', 'Reddit will license its users\u2019 posts and comments to train AI models under a new data deal.'],
  ['Zoom changes terms to allow training AI on customer meeting data', 'Zoom\u2019s new terms of service let it use customer content from calls to train artificial intelligence models.'],
  ['X quietly lets Grok train on users\u2019 posts by default', 'X enabled a setting that lets its AI model Grok train on user posts and interactions; users can opt out in privacy settings.'],
  ['Adobe denies training AI on customers\u2019 files after terms backlash', 'Adobe clarified that it does not train its generative AI models on customer content stored in its cloud.'],
  ['Irish regulator asks Google about training AI on Europeans\u2019 personal data', 'The Data Protection Commission opened an inquiry into whether Google assessed the use of personal data to train its AI model.'],
  ['Tumblr and WordPress prepare to sell user content to train AI', 'Automattic plans to share posts from Tumblr and WordPress users with AI companies for model training; an opt-out is offered.'],
  ['Slack trains machine-learning models on customer messages, users must email to opt out', 'Slack\u2019s privacy principles say customer messages and files are used to train its models; workspace owners must email Slack to opt out.'],
  ['Microsoft to use Copilot chats to train AI models, with an opt-out', 'Microsoft said conversations with its Copilot assistant will be used to train its AI models unless users opt out in settings.'],
];

export interface ProgressiveFeed {
  url: string;
  visible: number;
  requests: number;
  close(): Promise<void>;
}

/** An RSS feed listing the first `visible` stories (newest first), dated a few minutes ago. */
export async function progressiveFeed(host = '127.0.0.1'): Promise<ProgressiveFeed> {
  const started = Date.now();
  const state = { visible: 1, requests: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    state.requests++;
    const items = STORIES.slice(0, state.visible)
      .map(([title, summary], i) => `<item><title>${title}</title><link>https://news.example/story/${i}</link><guid>fault-${i}</guid><pubDate>${new Date(started - (60 - i) * 60_000).toUTCString()}</pubDate><description>${summary}</description></item>`)
      .reverse()
      .join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fault News</title><link>https://news.example/</link>${items}</channel></rss>`);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const url = `http://${host}:${(server.address() as AddressInfo).port}/feed.xml`;
  return {
    url,
    get visible() {
      return state.visible;
    },
    set visible(n: number) {
      state.visible = Math.max(0, Math.min(STORIES.length, n));
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export type SwitchMode = 'up' | '503' | 'refused';

/** A front door on a fixed port that forwards to a fake, answers 503, or is closed (connection refused). */
export class Switch {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  mode: SwitchMode = 'up';
  hits = { forwarded: 0, failed: 0 };

  constructor(private readonly targetPort: number) {}

  async start(): Promise<this> {
    await this.listen();
    return this;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      if (this.mode === '503') {
        this.hits.failed++;
        req.resume();
        return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"ok":false,"error":"service_unavailable","message":"503: Service Unavailable","code":0}');
      }
      this.hits.forwarded++;
      const up = request({ host: '127.0.0.1', port: this.targetPort, method: req.method, path: req.url, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async set(mode: SwitchMode): Promise<void> {
    if (mode === 'refused' && this.server) await this.closeServer();
    if (mode !== 'refused' && !this.server) await this.listen();
    this.mode = mode;
  }

  private closeServer(): Promise<void> {
    const s = this.server!;
    this.server = undefined;
    return new Promise<void>((r) => {
      for (const k of this.sockets) k.destroy();
      s.close(() => r());
    });
  }

  async close(): Promise<void> {
    if (this.server) await this.closeServer();
  }
}

export const SLACK_CHANNELS = ['C0FAULT1', 'C0FAULT2'];
export const DISCORD_CHANNELS = ['800000000000000021', '800000000000000022'];

/** The environment for a real `serve` against the fakes (through the switches). */
export function botEnv(o: { store: string; prefix: string; feedsFile: string; slackPort: number; discordPort: number; publicKey: string; extra?: Record<string, string> }): Record<string, string> {
  return {
    STORE_URL: o.store,
    STORE_PREFIX: o.prefix,
    SOURCES_FILE: o.feedsFile,
    LOG_LEVEL: 'info',
    POLL_SCHEDULE: '*/1 * * * * *',
    POLL_LOCK_SECONDS: '1',
    OUTBOX_LOCK_SECONDS: '2',
    FETCH_ARTICLES: 'false',
    SLACK_BOT_TOKEN: 'xoxb-fault-test',
    SLACK_SIGNING_SECRET: 'fault-signing-secret',
    SLACK_API_URL: `http://127.0.0.1:${o.slackPort}/api/`,
    SLACK_ALERT_CHANNELS: SLACK_CHANNELS.join(','),
    DISCORD_TOKEN: 'fault-bot-token-0123456789',
    DISCORD_APPLICATION_ID: '111111111111111111',
    DISCORD_PUBLIC_KEY: o.publicKey,
    DISCORD_API_URL: `http://127.0.0.1:${o.discordPort}/api`,
    DISCORD_ALERT_CHANNELS: DISCORD_CHANNELS.join(','),
    ...o.extra,
  };
}

/** Story ids of the alerts each channel holds, one entry per message. */
export function postedPerChannel(slack: FakeSlack, discord: FakeDiscord): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const ch of SLACK_CHANNELS) out[`slack:${ch}`] = slack.messages.filter((m) => m.channel === ch && m.metadata?.event_type === 'optout_radar_alert').map((m) => String(m.metadata!.event_payload.story_id));
  for (const ch of DISCORD_CHANNELS)
    out[`discord:${ch}`] = (discord.messages.get(ch) ?? []).flatMap((m) => m.embeds.map((e: { footer?: { text?: string } }) => /story (\S+)/.exec(e.footer?.text ?? '')?.[1]).filter((x): x is string => Boolean(x)).slice(0, 1));
  return out;
}

/** The relevant stories the bot has stored. */
export async function relevantStoryIds(storeUrl: string, prefix: string): Promise<string[]> {
  const store = await Store.open(storeUrl, { prefix });
  try {
    return (await store.stories.values()).filter((s) => s.decision?.relevant).map((s) => s.id).sort();
  } finally {
    await store.close();
  }
}

/** Every channel holds exactly one message per relevant story: [] when so, else the problems. */
export function exactlyOnceProblems(posted: Record<string, string[]>, relevant: string[]): string[] {
  const problems: string[] = [];
  for (const [ch, ids] of Object.entries(posted)) {
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, n] of counts) if (n > 1) problems.push(`${ch}: story ${id} posted ${n} times`);
    for (const id of relevant) if (!counts.has(id)) problems.push(`${ch}: story ${id} missing`);
    for (const id of counts.keys()) if (!relevant.includes(id)) problems.push(`${ch}: story ${id} is not a relevant stored story`);
  }
  return problems;
}

/** True when every channel has at least one message for each of `ids`. */
export function allDelivered(posted: Record<string, string[]>, ids: string[]): boolean {
  return Object.values(posted).every((list) => ids.every((id) => list.includes(id)));
}

/** Feed stories (by title) that no relevant stored story covers: a lost item shows up here. */
export async function uncoveredStories(storeUrl: string, prefix: string, visible = STORIES.length): Promise<string[]> {
  const store = await Store.open(storeUrl, { prefix });
  try {
    const titles = new Set((await store.stories.values()).filter((s) => s.decision?.relevant).flatMap((s) => s.sources.map((x) => x.title)));
    return STORIES.slice(0, visible).map(([t]) => t).filter((t) => !titles.has(t));
  } finally {
    await store.close();
  }
}
