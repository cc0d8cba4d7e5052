// Three `serve` replicas sharing one Redis or PostgreSQL store: each cycle one
// replica polls, every alert is printed once across all of them, and killing
// the poller lets another take over within one lock period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireOrSkip, uniquePrefix } from '../helpers/env.js';
import { startServe, waitFor, type RunningBot } from '../helpers/cli.js';

const STORIES = [
  ['Reddit signs deal letting Google train AI models on users’ posts', 'The licensing agreement gives Google access to Reddit user posts and comments to train its AI models.'],
  ['Zoom rewrites its terms after outcry over training AI on customer calls', 'Zoom says it will not use audio, video or chat content from customers to train its AI models without consent.'],
  ['X changes privacy policy to let third parties train AI on users’ posts', 'The new terms allow X to share user posts with collaborators that train artificial intelligence models.'],
  ['Adobe clarifies terms after users fear their work trains its AI', 'Adobe says it does not train its generative AI models on customer content stored in Creative Cloud.'],
  ['WeTransfer drops clause that would let it train AI on uploaded files', 'After a backlash, WeTransfer removed wording that would have let it use users’ files to train machine learning models.'],
  ['Anthropic will train Claude on consumer chats unless users opt out', 'Claude users have until a deadline to choose whether their chat transcripts can be used to train future models.'],
];

const tmp = mkdtempSync(join(tmpdir(), 'replicas-'));
let published = 0;
let server: Server;
let feedUrl = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    const now = Date.now();
    const items = STORIES.slice(0, published)
      .map(([t, d], i) => `<item><title>${t}</title><link>http://news.invalid/r${i}</link><guid>r${i}</guid><pubDate>${new Date(now - (10 - i) * 60_000).toUTCString()}</pubDate><description>${d}</description></item>`)
      .join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Replica news</title><link>http://news.invalid/</link><description>x</description>${items}</channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  writeFileSync(join(tmp, 'sources.json'), JSON.stringify({ builtins: false, sources: [{ id: 'rep', name: 'Replica news', url: feedUrl, type: 'feed', kind: 'news', lang: 'en' }] }));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

const LOCK_SECONDS = 2;
const polls = (bots: RunningBot[]) =>
  bots
    .flatMap((b, i) => b.logs().split('\n').filter((l) => l.includes('"replica polled"')).map((l) => ({ replica: i, tick: (JSON.parse(l) as { tick: string }).tick })))
    .sort((a, b) => a.tick.localeCompare(b.tick));
const alerts = (bots: RunningBot[]) => bots.flatMap((b) => [...b.stdout().matchAll(/^score [\d.]+ · story (\S+)/gm)].map((m) => m[1]!));

for (const backend of [
  { name: 'redis', url: process.env.REDIS_URL, hint: 'REDIS_URL' },
  { name: 'postgres', url: process.env.DATABASE_URL, hint: 'DATABASE_URL' },
]) {
  const run = backend.url !== undefined || requireOrSkip(`three replicas on ${backend.name}`, false, backend.hint);
  describe.runIf(run)(`three replicas on ${backend.name}`, () => {
    it('one poller per cycle, every alert once, fail-over within one lock period', async () => {
      published = 2;
      const env = {
        STORE_URL: backend.url!,
        STORE_PREFIX: uniquePrefix('rep'),
        SOURCES_FILE: join(tmp, 'sources.json'),
        POLL_SCHEDULE: '* * * * * *',
        POLL_LOCK_SECONDS: String(LOCK_SECONDS),
        LOG_LEVEL: 'info',
      };
      const bots = await Promise.all([0, 1, 2].map(() => startServe(env)));
      try {
        await waitFor(() => alerts(bots).length >= 2, 15_000, 'the first two alerts');
        published = 4;
        await waitFor(() => alerts(bots).length >= 4, 15_000, 'four alerts');
        await waitFor(() => polls(bots).length >= 6, 15_000, 'several cycles');

        // Exactly one replica polled in each one-second cycle.
        const bySecond = new Map<string, Set<number>>();
        for (const p of polls(bots)) bySecond.set(p.tick.slice(0, 19), (bySecond.get(p.tick.slice(0, 19)) ?? new Set()).add(p.replica));
        for (const [second, replicas] of bySecond) expect(replicas.size, `cycle ${second}`).toBe(1);

        // Kill the poller; another replica takes over within one lock period (plus one tick).
        const poller = polls(bots).at(-1)!.replica;
        const killedAt = Date.now();
        await bots[poller]!.stop('SIGKILL');
        await waitFor(() => polls(bots).some((p) => p.replica !== poller && Date.parse(p.tick) > killedAt), (LOCK_SECONDS + 3) * 1000, 'another replica to poll').catch((err: Error) => {
          throw new Error(`${err.message}\n${bots.map((b, i) => `replica ${i}:\n${b.logs().split('\n').slice(-6).join('\n')}`).join('\n')}`);
        });
        const takeover = polls(bots).find((p) => p.replica !== poller && Date.parse(p.tick) > killedAt)!;
        const gapMs = Date.parse(takeover.tick) - killedAt;
        console.log(`${backend.name}: fail-over after ${gapMs} ms (lock period ${LOCK_SECONDS * 1000} ms)`);
        expect(gapMs).toBeLessThanOrEqual(LOCK_SECONDS * 1000 + 1100);

        published = 6;
        await waitFor(() => new Set(alerts(bots)).size >= 6, 15_000, 'all six alerts after fail-over');
        const all = alerts(bots);
        expect(all.length, all.join(',')).toBe(new Set(all).size); // each alert once across replicas
        expect(new Set(all).size).toBe(6);
      } finally {
        await Promise.all(bots.map((b) => b.stop('SIGTERM')));
      }
    }, 90_000);
  });
}
