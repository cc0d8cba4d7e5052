// 50 runs of the real bot killed (SIGKILL) at random moments — during start-up,
// polling and delivery — each followed at once by the next run, while new
// stories keep appearing; then one run left to finish. Every channel ends with
// exactly one message per relevant story, and no run ever exited on its own.
// Seeded: a failure names its seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, cleanEnv, startServe, waitFor } from '../helpers/cli.js';
import { repoRoot, requireOrSkip, uniquePrefix } from '../helpers/env.js';
import { rng } from '../helpers/random.js';
import { FakeSlack } from '../slack/helpers/fake-slack.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord.js';
import { makeKeys } from '../discord/interactions.js';
import { RedisProcess, hasRedisServer } from './helpers/redis.js';
import { Store } from '../../src/store/store.js';
import { STORIES, uncoveredStories, allDelivered, botEnv, exactlyOnceProblems, postedPerChannel, progressiveFeed, relevantStoryIds, type ProgressiveFeed } from './helpers/world.js';

const tmp = mkdtempSync(join(tmpdir(), 'fault-kill-'));
const feeds: Record<string, { feed: ProgressiveFeed; sourcesFile: string }> = {};
let redis: RedisProcess | undefined;
const publicKey = makeKeys().publicHex;

beforeAll(async () => {
  // One feed per backend: the two runs go side by side.
  for (const name of ['sqlite', 'redis', 'postgres']) {
    const feed = await progressiveFeed();
    const sourcesFile = join(tmp, `sources-${name}.json`);
    writeFileSync(sourcesFile, JSON.stringify({ builtins: false, sources: [{ id: 'fault', name: 'Fault News', url: feed.url, type: 'feed', kind: 'news', lang: 'en' }] }));
    feeds[name] = { feed, sourcesFile };
  }
  if (hasRedisServer) {
    redis = new RedisProcess(6392);
    await redis.start();
  } else console.warn('\n  SKIPPED: the Redis kill runs (redis-server is not installed)\n');
});
afterAll(async () => {
  for (const f of Object.values(feeds)) await f.feed.close();
  await redis?.destroy();
  rmSync(tmp, { recursive: true, force: true });
});

interface Run {
  delayMs: number;
  listening: boolean;
  polled: boolean;
  postsBefore: number;
}

/**
 * Starts `serve`, kills it `delayMs` after spawning it (or, with `afterListen`, after
 * it started listening: on a loaded machine start-up alone can take longer than the
 * whole random delay), after checking it had not exited and (if listening) answered /healthz.
 */
async function killedRun(env: Record<string, string>, delayMs: number, posts: () => number, afterListen = false): Promise<Run> {
  const child = spawn(process.execPath, [binPath, 'serve'], { cwd: repoRoot, env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stderr!.on('data', (d) => (logs += d));
  child.stdout!.resume();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const postsBefore = posts();
  if (afterListen) await waitFor(() => /http server listening/.test(logs) || child.exitCode !== null, 30_000, 'the bot to listen');
  // The fault itself: a kill at a random moment (this wait is the injected timing, not a wait for an event).
  await new Promise((r) => setTimeout(r, delayMs));
  if (child.exitCode !== null) throw new Error(`the bot exited on its own (code ${child.exitCode}) after ${delayMs} ms:\n${logs.slice(-3000)}`);
  const port = /"port":(\d+)[^\n]*http server listening/.exec(logs)?.[1];
  if (port) {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
  }
  child.kill('SIGKILL');
  await exited;
  return { delayMs, listening: Boolean(port), polled: /"poll cycle done"/.test(logs), postsBefore };
}

const backends = [
  { name: 'sqlite', runs: Number(process.env.KILL_RUNS ?? 50), url: () => `sqlite://${join(tmp, 'kill.db')}` as string | undefined },
  { name: 'redis', runs: 12, url: () => redis?.url },
  { name: 'postgres', runs: 12, url: () => process.env.DATABASE_URL },
];
const pgAvailable = process.env.DATABASE_URL !== undefined || requireOrSkip('the PostgreSQL kill runs', false, 'DATABASE_URL');

describe.concurrent('killed at random moments, restarted', () => {
  for (const b of backends) {
    it.runIf(b.name === 'sqlite' || (b.name === 'redis' && hasRedisServer) || (b.name === 'postgres' && pgAvailable))(`${b.runs} SIGKILLs on ${b.name}: exactly one message per relevant story per channel, no run exits on its own`, async () => {
      const seed = 4242 + b.runs;
      const r = rng(seed);
      const slack = await new FakeSlack().start();
      const discord = await startFakeDiscord();
      const store = b.url()!;
      // A shared PostgreSQL keeps earlier runs' rows: a fresh prefix per run.
      const prefix = b.name === 'postgres' ? uniquePrefix('killpg') : `kill${b.name}_`;
      const { feed, sourcesFile } = feeds[b.name]!;
      const env = botEnv({ store, prefix, feedsFile: sourcesFile, slackPort: slack.port, discordPort: Number(new URL(discord.apiUrl).port), publicKey });
      const posts = () => slack.callsOf('chat.postMessage').length + discord.calls.filter((c) => c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path)).length;
      const runs: Run[] = [];
      const t0 = Date.now();
      try {
        for (let i = 0; i < b.runs; i++) {
          feed.visible = 1 + Math.floor((i * STORIES.length) / b.runs);
          // Two kills in three land after start-up, at a random point of polling and delivery.
          const afterListen = r() < 2 / 3;
          runs.push(await killedRun(env, Math.round(afterListen ? r() * 1_500 : 120 + r() * 1_580), posts, afterListen));
        }
        feed.visible = STORIES.length;
        const bot = await startServe(env, { timeoutMs: 30_000 });
        let ids: string[] = [];
        try {
          await waitFor(async () => {
            if (b.name === 'sqlite' && !/"poll cycle done"/.test(bot.logs())) return false;
            ids = await relevantStoryIds(store, prefix).catch(() => ids);
            return ids.length >= 5 && allDelivered(postedPerChannel(slack, discord), ids);
          }, 60_000, 'every relevant story in every channel').catch(async (err: Error) => {
            const st = await Store.open(store, { prefix });
            const deliveries = (await st.deliveries.values()).map((d) => `${d.id} ${d.state} a=${d.attempts} ${d.lastError ?? ''} next=${d.nextAttempt ?? ''}`);
            await st.close();
            throw new Error(`${err.message}\nrelevant: ${ids.join(',')}\nposted: ${JSON.stringify(postedPerChannel(slack, discord))}\ndeliveries:\n${deliveries.join('\n')}\nlogs:\n${bot.logs().split('\n').filter((l) => /outbox|delivery|error|warn/i.test(l)).slice(-15).join('\n')}`);
          });
          expect(bot.child.exitCode).toBeNull();
          expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
        } finally {
          const exit = await bot.stop('SIGTERM');
          expect(exit.code).toBe(0);
        }
        const relevant = await relevantStoryIds(store, prefix);
        const posted = postedPerChannel(slack, discord);
        const problems = exactlyOnceProblems(posted, relevant);
        const duringDelivery = runs.filter((x, i) => (runs[i + 1]?.postsBefore ?? posts()) > x.postsBefore).length;
        console.info(
          `${b.name}: ${runs.length} kills in ${Math.round((Date.now() - t0) / 1000)} s (seed ${seed}); ${runs.filter((x) => x.listening).length} after the server was up, ${runs.filter((x) => x.polled).length} after a full poll cycle, ${duringDelivery} runs posted something before dying; ${relevant.length} relevant stories × ${Object.keys(posted).length} channels, ${posts()} posts in all`,
        );
        expect(problems, `seed ${seed}`).toEqual([]);
        // Nothing lost on the way in either: every story of the feed is in a delivered relevant story.
        expect(await uncoveredStories(store, prefix), `seed ${seed}`).toEqual([]);
      } finally {
        await slack.close();
        await discord.close();
      }
    }, 240_000);
  }
});
