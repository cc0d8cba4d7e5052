// Redis restarted under a polling bot: our own redis-server (append-only, so
// its data survives) is stopped with SIGTERM while the bot polls every second
// and new stories are arriving, then started again on the same port. The bot
// keeps running, recovers on its own, and every alert arrives once per channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, waitFor, type RunningBot } from '../helpers/cli.js';
import { requireOrSkip } from '../helpers/env.js';
import { FakeSlack } from '../slack/helpers/fake-slack.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { makeKeys } from '../discord/interactions.js';
import { RedisProcess, hasRedisServer } from './helpers/redis.js';
import { uncoveredStories, allDelivered, botEnv, exactlyOnceProblems, postedPerChannel, progressiveFeed, relevantStoryIds, type ProgressiveFeed } from './helpers/world.js';

const tmp = mkdtempSync(join(tmpdir(), 'fault-redis-'));
let slack: FakeSlack;
let discord: FakeDiscord;
let feed: ProgressiveFeed;
let redis: RedisProcess;
let sourcesFile: string;

const run = hasRedisServer || requireOrSkip('the Redis restart run', false, 'a redis-server binary on PATH');

beforeAll(async () => {
  if (!run) return;
  slack = await new FakeSlack().start();
  discord = await startFakeDiscord();
  feed = await progressiveFeed();
  redis = new RedisProcess(6390);
  await redis.start();
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify({ builtins: false, sources: [{ id: 'fault', name: 'Fault News', url: feed.url, type: 'feed', kind: 'news', lang: 'en' }] }));
});
afterAll(async () => {
  await slack?.close();
  await discord?.close();
  await feed?.close();
  await redis?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

async function healthy(bot: RunningBot): Promise<void> {
  expect(bot.child.exitCode, 'the bot exited on its own').toBeNull();
  expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
}

describe.runIf(run)('Redis restarted mid-cycle', () => {
  it('the bot keeps running, recovers, and nothing is lost or doubled', async () => {
    const prefix = 'restart_';
    const store = redis.url;
    feed.visible = 2;
    const bot = await startServe(botEnv({ store, prefix, feedsFile: sourcesFile, slackPort: slack.port, discordPort: Number(new URL(discord.apiUrl).port), publicKey: makeKeys().publicHex, extra: { LOG_LEVEL: process.env.FAULT_LEVEL ?? 'info' } }), { timeoutMs: 30_000 });
    let ids: string[] = [];
    const delivered = async (min: number) => {
      ids = await relevantStoryIds(store, prefix).catch(() => ids);
      return ids.length >= min && allDelivered(postedPerChannel(slack, discord), ids);
    };
    try {
      await waitFor(() => delivered(1), 30_000, 'the first alerts');
      const before = ids.length;
      // New stories, and Redis goes away while the bot is polling (every second).
      feed.visible = 6;
      const polled = feed.requests;
      await waitFor(() => feed.requests > polled, 10_000, 'the next poll');
      const logMark = bot.logs().length;
      await redis.stop();
      const downFor = Date.now();
      // The store's client queues commands until Redis is back: the cycle waits, the process stays up,
      // and readiness says "not ready" instead of hanging.
      await waitFor(async () => (await fetch(`http://127.0.0.1:${bot.port}/readyz`, { signal: AbortSignal.timeout(5_000) })).status === 503, 20_000, '/readyz to answer 503');
      await healthy(bot);
      await waitFor(() => (bot.logs().slice(logMark).match(/previous poll cycle still running|poll cycle failed|"level":50/g) ?? []).length >= 2, 20_000, 'ticks passing while Redis is down');
      await healthy(bot);
      await redis.start();
      console.info(`redis restart: down for ${Date.now() - downFor} ms`);
      await waitFor(() => delivered(before + 3), 60_000, 'recovery: every alert delivered');
      await healthy(bot);
      expect((await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status).toBe(200);
    } finally {
      const exit = await bot.stop('SIGTERM');
      if (process.env.FAULT_LOG) (await import('node:fs')).writeFileSync(process.env.FAULT_LOG, bot.logs());
      expect(exit.code, bot.logs().split('\n').slice(-25).join('\n')).toBe(0);
    }
    const relevant = await relevantStoryIds(store, prefix);
    expect(exactlyOnceProblems(postedPerChannel(slack, discord), relevant)).toEqual([]);
    expect(await uncoveredStories(store, prefix, 6)).toEqual([]);
    console.info(`redis restart: ${relevant.length} relevant stories delivered once to each of ${Object.keys(postedPerChannel(slack, discord)).length} channels`);
  }, 150_000);
});
