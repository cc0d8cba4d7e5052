// A user's view of `poll --once`: alerts the first time, nothing the second time
// over unchanged feeds (also after a restart: each run is a new process), on
// every store backend.
import { describe, expect, it } from 'vitest';
import { requireOrSkip, storeBackends, uniquePrefix } from '../helpers/env.js';
import { runCli } from '../helpers/cli.js';
import { useDemoFeeds } from '../helpers/demo-feeds.js';

const demo = useDemoFeeds(['en', 'fr'], 'poll-once');

const alertsIn = (stdout: string) => (stdout.match(/^score [\d.]+ · story /gm) ?? []).length;

for (const backend of storeBackends(demo.tmp)) {
  const hint = backend.name === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
  const run = backend.url !== undefined || requireOrSkip(`poll --once on ${backend.name}`, false, hint);
  describe.runIf(run)(`poll --once on ${backend.name}`, () => {
    const env = () => ({ STORE_URL: backend.url!, STORE_PREFIX: uniquePrefixFor(backend.name), LOG_LEVEL: 'info' });

    it('a dry run prints alerts but stores nothing; then the first real poll alerts, the second posts nothing', async () => {
      const e = env();
      const dry = await runCli(['poll', '--once', '--dry-run', '--sources', demo.sourcesFile], e, { timeoutMs: 30_000 });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/LinkedIn/);
      expect(dry.stderr).toMatch(/dry run: nothing stored/);

      const first = await runCli(['poll', '--once', '--sources', demo.sourcesFile], e, { timeoutMs: 30_000 });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/LinkedIn/);
      const posted = Number(/(\d+) posted/.exec(first.stderr)?.[1]);
      expect(posted).toBeGreaterThanOrEqual(2);
      expect(alertsIn(first.stdout)).toBe(alertsIn(dry.stdout));

      const second = await runCli(['poll', '--once', '--sources', demo.sourcesFile], e, { timeoutMs: 30_000 });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/ 0 posted, 0 updated/);
      expect(second.stdout.trim()).toBe('');
    });
  });
}

const prefixes = new Map<string, string>();
function uniquePrefixFor(name: string): string {
  if (!prefixes.has(name)) prefixes.set(name, uniquePrefix(name));
  return prefixes.get(name)!;
}
