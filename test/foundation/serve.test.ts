// `serve` as an operator runs it: health endpoints answer, the log says clearly
// that alerts go to the console, a first poll runs right after start, and
// SIGTERM/SIGINT stop it cleanly.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useDemoFeeds } from '../helpers/demo-feeds.js';
import { startServe, waitFor } from '../helpers/cli.js';

const demo = useDemoFeeds(['fr'], 'serve');

describe('serve', () => {
  it('answers /healthz and /readyz, says it posts to the console, polls at start, exits 0 on SIGTERM', async () => {
    const bot = await startServe({ STORE_URL: `sqlite://${join(demo.tmp, 'a.db')}`, SOURCES_FILE: demo.sourcesFile, POLL_SCHEDULE: '0 0 1 1 *' });
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
    const bot = await startServe({ STORE_URL: `sqlite://${join(demo.tmp, 'b.db')}`, SOURCES_FILE: demo.sourcesFile, POLL_SCHEDULE: '0 0 1 1 *' });
    const exit = await bot.stop('SIGINT');
    expect(exit.code).toBe(0);
  });
});
