// What the end-to-end suites share: a fake Discord, feeds on 127.0.0.1, and
// the bot built by createBot with the Discord runtime registered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config/load.js';
import { createBot, runtimeFactories, type Bot } from '../../src/app.js';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import type { Source } from '../../src/domain.js';
import { createDiscordRuntime, type DiscordRuntime } from '../../src/adapters/discord/index.js';
import { startFakeDiscord, type FakeDiscord, APP_ID } from './fake-discord.js';
import { messageOf, messageProblems } from './check.js';

export const CHANNEL_A = '800000000000000011';
export const CHANNEL_B = '800000000000000012';
export const WEBHOOK_ID = '900000000000000077';
export const WEBHOOK_TOKEN = `hook-${'t'.repeat(60)}`;
export const BOT_TOKEN = 'fake-bot-token-0123456789';

const feedsDir = join(dirname(fileURLToPath(import.meta.url)), 'feeds');

export interface World {
  fake: FakeDiscord;
  feeds: FeedServer;
  config: Config;
  bot: Bot;
  runtime: DiscordRuntime;
  source(id: 'fr' | 'later'): Source;
  close(): Promise<void>;
}

export async function startWorld(env: Record<string, string>, opts: { heartbeatMs?: number } = {}): Promise<World> {
  const tmp = mkdtempSync(join(tmpdir(), 'discord-e2e-'));
  const fake = await startFakeDiscord(opts);
  const feeds = await serveFeeds(feedsDir);
  const config = loadConfig(
    {
      STORE_URL: `sqlite://${join(tmp, 'store.db')}`,
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_ALERT_CHANNELS: `${CHANNEL_A},${CHANNEL_B},https://discord.com/api/webhooks/${WEBHOOK_ID}/${WEBHOOK_TOKEN}`,
      ...env,
    },
    '',
  );
  // The lead wires the factory into the CLI; here it is registered directly.
  if (!runtimeFactories.includes(createDiscordRuntime)) runtimeFactories.push(createDiscordRuntime);
  const source = (id: 'fr' | 'later'): Source =>
    id === 'fr'
      ? { id: 'fr', name: 'Démo Actu Tech', url: `${feeds.baseUrl}/tech-fr.xml`, type: 'feed', kind: 'news', lang: 'fr', enabled: true }
      : { id: 'later', name: 'Autre Journal', url: `${feeds.baseUrl}/later-fr.xml`, type: 'feed', kind: 'news', lang: 'fr', enabled: true };
  const bot = await createBot(config, { sources: [source('fr')] });
  const runtime = bot.runtimes.find((r) => r.name === 'discord') as DiscordRuntime | undefined;
  if (!runtime) throw new Error('the Discord runtime was not created');
  return {
    fake,
    feeds,
    config,
    bot,
    runtime,
    source,
    close: async () => {
      await bot.close();
      await feeds.close();
      await fake.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Every message the fake received carries empty allowed mentions and fits Discord's limits. */
export function expectEveryMessageSafe(fake: FakeDiscord): number {
  let n = 0;
  for (const c of fake.calls) {
    const msg = messageOf(c);
    if (msg === undefined) continue;
    n++;
    expect(messageProblems(msg), `${c.method} ${c.path}`).toEqual([]);
  }
  return n;
}

/** A poll that posts to each channel, then a later source that edits each message. */
export async function pollPostsThenEdits(w: World): Promise<string> {
  const { fake, bot } = w;
  const first = await bot.cycle();
  expect(first.posted).toBe(3);
  const posts = fake.calls.filter((c) => c.method === 'POST' && (/^\/channels\/\d+\/messages$/.test(c.path) || c.path.startsWith(`/webhooks/${WEBHOOK_ID}/`)));
  expect(posts.map((c) => c.path).sort()).toEqual([`/channels/${CHANNEL_A}/messages`, `/channels/${CHANNEL_B}/messages`, `/webhooks/${WEBHOOK_ID}/${WEBHOOK_TOKEN}`].sort());
  const hook = posts.find((c) => c.path.startsWith('/webhooks/'))!;
  expect(hook.query.get('wait')).toBe('true');
  expect(hook.auth).toBeUndefined(); // webhooks need no bot token
  const channelPost = posts.find((c) => c.path.startsWith('/channels/'))!;
  expect(channelPost.auth).toBe(`Bot ${BOT_TOKEN}`);
  const embed = channelPost.body.embeds[0];
  expect(embed.title).toMatch(/LinkedIn/);
  expect(embed.description).toMatch(/LinkedIn/);
  const storyId = /story (\S+)/.exec(embed.footer.text)![1]!;
  expect(embed.fields.find((f: any) => /^Sources/.test(f.name)).value).toMatch(/Démo Actu Tech/);
  expect(channelPost.body.components[0].components[0]).toMatchObject({ type: 2, style: 5 });

  // A second outlet covers the same story: each message is edited, none is added.
  bot.sources.push(w.source('later'));
  const before = fake.calls.length;
  const second = await bot.cycle();
  expect(second.updated).toBe(3);
  expect(second.posted).toBe(0);
  const later = fake.calls.slice(before);
  expect(later.filter((c) => c.method === 'POST' && (c.path.startsWith('/channels/') || c.path.startsWith(`/webhooks/${WEBHOOK_ID}`)))).toHaveLength(0);
  const edits = later.filter((c) => c.method === 'PATCH');
  expect(edits).toHaveLength(3);
  for (const ch of [CHANNEL_A, CHANNEL_B]) {
    const posted = fake.messages.get(ch)!;
    expect(posted).toHaveLength(1);
    expect(edits.map((e) => e.path)).toContain(`/channels/${ch}/messages/${posted[0]!.id}`);
    const sources = posted[0]!.embeds[0].fields.find((f: any) => /^Sources/.test(f.name));
    expect(sources.name).toMatch(/\(2\)/);
    expect(sources.value).toMatch(/Autre Journal/);
  }
  const hooked = fake.messages.get(`webhook:${WEBHOOK_ID}`)!;
  expect(hooked).toHaveLength(1);
  expect(edits.map((e) => e.path)).toContain(`/webhooks/${WEBHOOK_ID}/${WEBHOOK_TOKEN}/messages/${hooked[0]!.id}`);
  return storyId;
}
