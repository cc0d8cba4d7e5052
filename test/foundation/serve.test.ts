// `serve` as an operator runs it: health endpoints answer, the log says clearly
// that alerts go to the console, a first poll runs right after start, and
// SIGTERM/SIGINT stop it cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import { repoRoot } from '../helpers/env.js';
import { startServe, waitFor } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'serve-'));
let feeds: FeedServer;
let sourcesFile: string;

beforeAll(async () => {
  feeds = await serveFeeds(join(repoRoot, 'demo', 'feeds'));
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({ builtins: false, sources: [{ id: 'fr', name: 'Démo Actu Tech', url: `${feeds.baseUrl}/tech-fr.xml`, type: 'feed', kind: 'news', lang: 'fr' }] }),
  );
});
afterAll(async () => {
  await feeds?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('serve', () => {
  it('answers /healthz and /readyz, says it posts to the console, polls at start, exits 0 on SIGTERM', async () => {
    const bot = await startServe({ STORE_URL: `sqlite://${join(tmp, 'a.db')}`, SOURCES_FILE: sourcesFile, POLL_SCHEDULE: '0 0 1 1 *' });
    try {
      const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      expect(health.status).toBe(200);
      await waitFor(async () => (await fetch(`http://127.0.0.1:${bot.port}/readyz`)).status === 200, 10_000, '/readyz');
      expect(bot.logs()).toMatch(/no Slack or Discord credentials set.*alerts are posted to the console/);
      // Every log line is one JSON object.
      for (const line of bot.logs().trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
      await waitFor(() => /poll cycle done/.test(bot.logs()), 15_000, 'the first poll cycle');
      expect(bot.stdout()).toMatch(/LinkedIn/);
    } finally {
      const exit = await bot.stop('SIGTERM');
      expect(exit.code).toBe(0);
    }
    expect(bot.logs()).toMatch(/"msg":"stopped"/);
  });

  it('exits 0 on SIGINT too', async () => {
    const bot = await startServe({ STORE_URL: `sqlite://${join(tmp, 'b.db')}`, SOURCES_FILE: sourcesFile, POLL_SCHEDULE: '0 0 1 1 *' });
    const exit = await bot.stop('SIGINT');
    expect(exit.code).toBe(0);
  });
});
