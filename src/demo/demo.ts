// `optout-radar demo`: one offline cycle over bundled sample feeds, printed as
// the console adapter renders alerts. Uses a throw-away SQLite store so every
// run shows the same alerts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../domain.js';
import { loadConfig } from '../config/load.js';
import { setLogLevel } from '../log.js';
import { createBot } from '../app.js';
import { serveFeeds } from './feed-server.js';

/** demo/feeds at the package root, from src/demo or dist/src/demo. */
export function demoFeedsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'demo', 'feeds');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  throw new Error('demo feeds not found (expected demo/feeds in the package)');
}

const DEMO_SOURCES: { file: string; name: string; lang: string; kind: Source['kind'] }[] = [
  { file: 'tech-en.xml', name: 'Demo Tech Daily', lang: 'en', kind: 'news' },
  { file: 'tech-fr.xml', name: 'Démo Actu Tech', lang: 'fr', kind: 'news' },
  { file: 'regulator-de.xml', name: 'Demo Datenschutzbehörde', lang: 'de', kind: 'regulator' },
];

export async function runDemo(opts: { lang?: string } = {}): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'optout-radar-demo-'));
  const feeds = await serveFeeds(demoFeedsDir());
  // The demo never posts to real chat platforms, whatever the environment says.
  const config = loadConfig({ STORE_URL: `sqlite://${join(tmp, 'demo.db')}`, ALERT_LANG: opts.lang ?? 'en', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, '');
  setLogLevel(config.LOG_LEVEL);
  const sources: Source[] = DEMO_SOURCES.map((s) => ({
    id: `demo-${s.file.replace(/\.xml$/, '')}`,
    name: s.name,
    url: `${feeds.baseUrl}/${s.file}`,
    type: 'feed',
    kind: s.kind,
    lang: s.lang,
    enabled: true,
  }));
  const bot = await createBot(config, { sources, noChat: true, console: true });
  try {
    process.stdout.write(`optout-radar demo: ${sources.length} sample feeds served on ${feeds.baseUrl}\n\n`);
    const report = await bot.cycle();
    process.stdout.write(
      `demo: ${report.ingest.newItems} items read, ${report.stories} stories, ${report.relevant} relevant, ${report.posted} alerts printed; ` +
        `${report.stories - report.relevant} stories judged not relevant (nothing printed for them)\n`,
    );
  } finally {
    await bot.close();
    await feeds.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
