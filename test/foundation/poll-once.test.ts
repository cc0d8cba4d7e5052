// A user's view of `poll --once`: alerts the first time, nothing the second time
// over unchanged feeds (also after a restart: each run is a new process), on
// every store backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import { requireOrSkip, repoRoot, storeBackends, uniquePrefix } from '../helpers/env.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'poll-once-'));
let feeds: FeedServer;
let sourcesFile: string;

beforeAll(async () => {
  feeds = await serveFeeds(join(repoRoot, 'demo', 'feeds'));
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(
    sourcesFile,
    JSON.stringify({
      builtins: false,
      sources: [
        { id: 'en', name: 'Demo Tech Daily', url: `${feeds.baseUrl}/tech-en.xml`, type: 'feed', kind: 'news', lang: 'en' },
        { id: 'fr', name: 'Démo Actu Tech', url: `${feeds.baseUrl}/tech-fr.xml`, type: 'feed', kind: 'news', lang: 'fr' },
      ],
    }),
  );
});
afterAll(async () => {
  await feeds?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const alertsIn = (stdout: string) => (stdout.match(/^score [\d.]+ · story /gm) ?? []).length;

for (const backend of storeBackends(tmp)) {
  const hint = backend.name === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
  const run = backend.url !== undefined || requireOrSkip(`poll --once on ${backend.name}`, false, hint);
  describe.runIf(run)(`poll --once on ${backend.name}`, () => {
    const env = () => ({ STORE_URL: backend.url!, STORE_PREFIX: uniquePrefixFor(backend.name), LOG_LEVEL: 'info' });

    it('a dry run prints alerts but stores nothing; then the first real poll alerts, the second posts nothing', async () => {
      const e = env();
      const dry = await runCli(['poll', '--once', '--dry-run', '--sources', sourcesFile], e, { timeoutMs: 30_000 });
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/LinkedIn/);
      expect(dry.stderr).toMatch(/dry run: nothing stored/);

      const first = await runCli(['poll', '--once', '--sources', sourcesFile], e, { timeoutMs: 30_000 });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/LinkedIn/);
      const posted = Number(/(\d+) posted/.exec(first.stderr)?.[1]);
      expect(posted).toBeGreaterThanOrEqual(2);
      expect(alertsIn(first.stdout)).toBe(alertsIn(dry.stdout));

      const second = await runCli(['poll', '--once', '--sources', sourcesFile], e, { timeoutMs: 30_000 });
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
