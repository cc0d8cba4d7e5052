// Poll benchmark (issue 3): 300 feeds on 30 loopback hosts (127.0.0.1–30),
// 100 ms server latency, 20 items each. Measures, in one run:
//   - a naive sequential fetch of every feed (the baseline),
//   - the whole `optout-radar poll --once --sources FILE` command twice
//     (first cycle, then feeds unchanged), start-up included, with peak RSS,
//   - the same two cycles with ingest() in-process.
// Run: npm run build && npx tsx bench/poll.ts   (add --no-cli to skip the CLI part)
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Source } from '../src/domain.js';
import { Store } from '../src/store/store.js';
import { ingest } from '../src/pipeline/ingest.js';

const HOSTS = 30;
const PER_HOST = 10;
const ITEMS = 20;
const LATENCY_MS = 100;
// Item ages: the newest is BENCH_FIRST_AGE_H old, then one every BENCH_ITEM_SPACING_H.
// Defaults: 1 h and 12 h, so 6 of 20 items per feed are younger than the 3-day
// no-flood limit and become stories on the first cycle (1,800 in all).
const ITEM_SPACING_H = Number(process.env.BENCH_ITEM_SPACING_H ?? 12);
const FIRST_AGE_H = Number(process.env.BENCH_FIRST_AGE_H ?? 1);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = Date.now();

const COMPANIES = ['Meta', 'LinkedIn', 'OpenAI', 'Google', 'Microsoft', 'Reddit', 'Zoom', 'Adobe', 'Anthropic', 'TikTok'];
const NOUNS = ['battery', 'router', 'compiler', 'satellite', 'keyboard', 'database', 'browser', 'drone', 'chip', 'camera', 'tablet', 'printer'];
const VERBS = ['ships', 'recalls', 'delays', 'previews', 'updates', 'discounts', 'benchmarks', 'open-sources'];

function feedXml(host: number, feed: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const n = host * 1000 + feed * 100 + i;
    const subject = i === 0 ? COMPANIES[(host + feed) % COMPANIES.length]! : `Vendor ${n}`;
    const title = `${subject} ${VERBS[n % VERBS.length]} its ${NOUNS[n % NOUNS.length]} line, model ${n}`;
    const date = new Date(NOW - (i * ITEM_SPACING_H + FIRST_AGE_H) * 3_600_000).toUTCString();
    items.push(`<item><title>${title}</title><link>https://h${host}.example/news/${feed}/${i}?utm_source=rss</link><guid>https://h${host}.example/news/${feed}/${i}</guid><pubDate>${date}</pubDate><description>&lt;p&gt;Story ${n} about the ${NOUNS[(n + 3) % NOUNS.length]} market, with some detail to make the body a realistic size for a news feed item.&lt;/p&gt;</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Host ${host} feed ${feed}</title><link>https://h${host}.example/</link>${items.join('')}</channel></rss>`;
}

interface Counters { requests: number; n304: number; bytes: number }
const counters: Counters = { requests: 0, n304: 0, bytes: 0 };

async function startServers(): Promise<{ servers: Server[]; sources: Source[] }> {
  const servers: Server[] = [];
  const sources: Source[] = [];
  for (let h = 1; h <= HOSTS; h++) {
    const host = `127.0.0.${h}`;
    const bodies = Array.from({ length: PER_HOST }, (_, f) => Buffer.from(feedXml(h, f)));
    const server = createServer((req, res) => {
      counters.requests++;
      const f = Number(/\/feed\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
      const body = bodies[f];
      setTimeout(() => {
        if (!body) return void res.writeHead(404).end();
        const etag = `"h${h}f${f}"`;
        if (req.headers['if-none-match'] === etag) {
          counters.n304++;
          return void res.writeHead(304, { etag }).end();
        }
        counters.bytes += body.length;
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'content-length': body.length }).end(body);
      }, LATENCY_MS);
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => server.listen(0, host, r));
    const { port } = server.address() as AddressInfo;
    for (let f = 0; f < PER_HOST; f++) {
      sources.push({ id: `bench-h${h}-f${f}`, name: `Bench ${h}/${f}`, url: `http://${host}:${port}/feed/${f}`, type: 'feed', kind: 'news', lang: 'en', enabled: true });
    }
    servers.push(server);
  }
  return { servers, sources };
}

function reset(): Counters {
  const c = { ...counters };
  counters.requests = 0; counters.n304 = 0; counters.bytes = 0;
  return c;
}

async function naiveBaseline(sources: Source[]): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  let bytes = 0;
  for (const s of sources) {
    const res = await fetch(s.url);
    bytes += (await res.arrayBuffer()).byteLength;
  }
  return { ms: performance.now() - t0, bytes };
}

/** Runs the CLI once; peak RSS comes from the child's own resource usage, printed at exit. */
function runCli(sourcesFile: string, storeUrl: string): Promise<{ ms: number; maxRssMb: number; code: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const t0 = performance.now();
    const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nBENCH_MAXRSS_KB "+process.resourceUsage().maxRSS+"\\n"))';
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...prof, '--import', hook, join(repoRoot, 'bin/optout-radar.js'), 'poll', '--once', '--sources', sourcesFile], {
      cwd: repoRoot,
      env: { ...process.env, STORE_URL: storeUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const kb = Number(/BENCH_MAXRSS_KB (\d+)/.exec(stderr)?.[1] ?? 0);
      resolveRun({ ms: performance.now() - t0, maxRssMb: kb / 1024, code, stderr });
    });
  });
}

/**
 * BENCH_WAL=1: put the bench's own database file in WAL mode before the run
 * (journal_mode is stored in the file, so the CLI's connections inherit it).
 * This shows what the store would gain from WAL; the store itself is unchanged.
 * sqlite3 is the driver @keyv/sqlite already uses.
 */
async function presetWal(file: string): Promise<void> {
  const { default: sqlite3 } = (await import('sqlite3')) as unknown as { default: { Database: new (f: string) => { exec(sql: string, cb: (e: Error | null) => void): void; close(cb: () => void): void } } };
  const db = new sqlite3.Database(file);
  await new Promise<void>((r, j) => db.exec('PRAGMA journal_mode=WAL;', (e) => (e ? j(e) : r())));
  await new Promise<void>((r) => db.close(r));
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (c: Counters) => `${c.requests ? ((100 * c.n304) / c.requests).toFixed(1) : '0'} % 304 (${c.n304}/${c.requests})`;

async function main(): Promise<void> {
  const withCli = !process.argv.includes('--no-cli');
  const { servers, sources } = await startServers();
  const tmp = mkdtempSync(join(tmpdir(), 'radar-bench-'));
  const sourcesFile = join(tmp, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify({ builtins: false, sources }));
  console.log(`poll bench${process.env.BENCH_WAL === '1' ? ' (database preset to WAL)' : ''}: ${sources.length} feeds on ${HOSTS} hosts (127.0.0.1–127.0.0.${HOSTS}), ${LATENCY_MS} ms latency, ${ITEMS} items each, newest ${FIRST_AGE_H} h old then one every ${ITEM_SPACING_H} h`);
  try {
    const base = process.argv.includes('--no-baseline') ? { ms: NaN, bytes: 0 } : await naiveBaseline(sources);
    reset();
    console.log(`  naive sequential fetch-all baseline: ${fmt(base.ms)}, ${(base.bytes / 1e6).toFixed(2)} MB`);

    if (withCli) {
      if (!existsSync(join(repoRoot, 'dist/src/cli/main.js'))) console.log('  CLI: dist/ missing, run `npm run build` first; skipping the CLI part');
      else {
        const dbFile = join(tmp, 'cli.db');
        if (process.env.BENCH_WAL === '1') await presetWal(dbFile);
        const storeUrl = `sqlite://${dbFile}`;
        const c1 = await runCli(sourcesFile, storeUrl);
        const n1 = reset();
        const c2 = await runCli(sourcesFile, storeUrl);
        const n2 = reset();
        const tail = (s: string) => s.split('\n').filter((l) => /^poll:/.test(l)).join(' ') || s.trim().split('\n').slice(-3).join(' | ');
        if (process.env.BENCH_LOG_LEVEL) console.log(c1.stderr.split("\n").filter((l) => /"ms"/.test(l)).join("\n"));
        console.log(`  CLI poll --once, 1st cycle: ${fmt(c1.ms)} wall (start-up included), peak RSS ${c1.maxRssMb.toFixed(0)} MB, ${(n1.bytes / 1e6).toFixed(2)} MB received, exit ${c1.code}; ${tail(c1.stderr)}`);
        console.log(`  CLI poll --once, 2nd cycle: ${fmt(c2.ms)} wall, ${pct(n2)}, ${(n2.bytes / 1e6).toFixed(3)} MB received, peak RSS ${c2.maxRssMb.toFixed(0)} MB, exit ${c2.code}; ${tail(c2.stderr)}`);
      }
    }

    if (process.env.BENCH_WAL === '1') await presetWal(join(tmp, 'inproc.db'));
    const store = await Store.open(`sqlite://${join(tmp, 'inproc.db')}`);
    try {
      const rssBefore = process.memoryUsage().rss;
      const t1 = performance.now();
      const r1 = await ingest({ store, sources, writeStories: true });
      const m1 = performance.now() - t1;
      const n1 = reset();
      const t2 = performance.now();
      const r2 = await ingest({ store, sources });
      const m2 = performance.now() - t2;
      const n2 = reset();
      console.log(`  in-process ingest(), 1st cycle: ${fmt(m1)}, fetched ${r1.fetched}, failed ${r1.failed}, ${r1.newItems} new items, ${r1.changes.length} story changes, ${(r1.bytes / 1e6).toFixed(2)} MB received (${(n1.bytes / 1e6).toFixed(2)} MB sent by servers); ms ${JSON.stringify(r1.timings)}`);
      console.log(`  in-process ingest(), 2nd cycle: ${fmt(m2)}, ${pct(n2)}, ${r2.changes.length} changes, ${r2.bytes} bytes of bodies; ms ${JSON.stringify(r2.timings)}`);
      console.log(`  bench process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (rss before ingest ${(rssBefore / 1048576).toFixed(0)} MB; includes the 30 servers)`);
    } finally {
      await store.close();
    }
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
