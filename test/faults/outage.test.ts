// Slack and Discord down, then back, under a running bot (a real `serve`
// process with the real adapters): Slack refuses connections while Discord
// answers 503, new stories keep arriving, then both come back. Every alert
// arrives exactly once per channel, and the process never exits on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, waitFor, type RunningBot } from '../helpers/cli.js';
import { FakeSlack } from '../slack/helpers/fake-slack.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { makeKeys } from '../discord/interactions.js';
import { Switch, uncoveredStories, allDelivered, botEnv, exactlyOnceProblems, postedPerChannel, progressiveFeed, relevantStoryIds, type ProgressiveFeed } from './helpers/world.js';

const tmp = mkdtempSync(join(tmpdir(), 'fault-outage-'));
let slack: FakeSlack;
let discord: FakeDiscord;
let slackSw: Switch;
let discordSw: Switch;
let feed: ProgressiveFeed;
let sourcesFile: string;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  discord = await startFakeDiscord();
  slackSw = await new Switch(slack.port).start();
  discordSw = await new Switch(Number(new URL(discord.apiUrl).port)).start();
  feed = await progressiveFeed();
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify({ builtins: false, sources: [{ id: 'fault', name: 'Fault News', url: feed.url, type: 'feed', kind: 'news', lang: 'en' }] }));
});
afterAll(async () => {
  await slackSw?.close();
  await discordSw?.close();
  await slack?.close();
  await discord?.close();
  await feed?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const cycles = (bot: RunningBot) => (bot.logs().match(/"poll cycle done"/g) ?? []).length;

async function healthy(bot: RunningBot): Promise<void> {
  expect(bot.child.exitCode, 'the bot exited on its own').toBeNull();
  expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
}

describe('chat platforms down, then back', () => {
  it('Slack refusing connections and Discord answering 503 while stories arrive: after recovery every alert arrives once per channel', async () => {
    const store = `sqlite://${join(tmp, 'outage.db')}`;
    const prefix = 'outage_';
    feed.visible = 2;
    await slackSw.set('refused');
    await discordSw.set('503');
    const bot = await startServe(botEnv({ store, prefix, feedsFile: sourcesFile, slackPort: slackSw.port, discordPort: discordSw.port, publicKey: makeKeys().publicHex }), { timeoutMs: 30_000 });
    try {
      await waitFor(() => /"platform":"slack"[^\n]*delivery failed; will retry/.test(bot.logs()) && /"platform":"discord"[^\n]*delivery failed; will retry/.test(bot.logs()), 30_000, 'failed deliveries on both platforms');
      await healthy(bot);
      // More news during the outage.
      feed.visible = 5;
      const seen = feed.requests;
      const c0 = cycles(bot);
      await waitFor(() => feed.requests > seen && cycles(bot) > c0, 20_000, 'a poll during the outage');
      expect(slack.messages).toHaveLength(0);
      expect([...discord.messages.values()].flat()).toHaveLength(0);
      await healthy(bot);

      await slackSw.set('up');
      await discordSw.set('up');
      let ids: string[] = [];
      await waitFor(async () => {
        ids = await relevantStoryIds(store, prefix).catch(() => ids);
        return ids.length >= 3 && allDelivered(postedPerChannel(slack, discord), ids);
      }, 45_000, 'every alert delivered after recovery');
      await healthy(bot);
      console.info(`outage: ${ids.length} relevant stories; Slack refused connections, Discord answered 503 ${discordSw.hits.failed} times; all delivered after recovery`);
    } finally {
      const exit = await bot.stop('SIGTERM');
      expect(exit.code).toBe(0);
    }
    const relevant = await relevantStoryIds(store, prefix);
    expect(exactlyOnceProblems(postedPerChannel(slack, discord), relevant)).toEqual([]);
    expect(await uncoveredStories(store, prefix, 5)).toEqual([]);
  }, 120_000);
});
