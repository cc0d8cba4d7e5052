// Classifier throughput on one core (issue 4): items/second over the labelled
// corpus (title + summary), and in the same run the cost of rss-parser parsing
// the same items serialised as one RSS document, printed as a ratio.
// Run: npx tsx bench/classify.ts [rounds]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { classify, type ClassifyInput } from '../src/classify/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'test/fixtures/classifier');
const items: ClassifyInput[] = ['tune.jsonl', 'holdout.jsonl'].flatMap((f) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ClassifyInput)
    .map(({ id, title, summary, lang }) => ({ id, title, summary, lang })),
);
const rounds = Number(process.argv[2] ?? 40);

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const rss =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench</title><link>http://127.0.0.1/</link><description>bench</description>' +
  items
    .map((it, i) => `<item><title>${esc(it.title)}</title><link>http://127.0.0.1/${i}</link><guid>${esc(it.id ?? String(i))}</guid><description>${esc(it.summary ?? '')}</description></item>`)
    .join('') +
  '</channel></rss>';

// Warm-up: regex compilation and JIT are a one-off cost, not per-item cost.
for (const it of items) classify(it);
const parser = new Parser();
await parser.parseString(rss);

// CPU time of this process as well as wall time: on a shared machine the wall
// clock also counts time spent waiting for a core.
function cpuNs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

let sink = 0;
const c0 = cpuNs();
const t0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const it of items) sink += classify(it).score;
const classifyNs = Number(process.hrtime.bigint() - t0);
const classifyCpuNs = cpuNs() - c0;

let parsed = 0;
const c1 = cpuNs();
const t1 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) parsed += (await parser.parseString(rss)).items.length;
const parseNs = Number(process.hrtime.bigint() - t1);
const parseCpuNs = cpuNs() - c1;

const n = items.length * rounds;
const perSec = n / (classifyNs / 1e9);
const parsePerSec = parsed / (parseNs / 1e9);
console.log(`corpus: ${items.length} items × ${rounds} rounds (title + summary), one core`);
const fmt = (x: number) => Math.round(x).toLocaleString('en');
console.log(`classify:   ${fmt(perSec)} items/s wall, ${fmt(n / (classifyCpuNs / 1e9))} items/s per CPU-second (${(classifyNs / n / 1000).toFixed(1)} µs/item wall)`);
console.log(`rss-parser: ${fmt(parsePerSec)} items/s wall, ${fmt(parsed / (parseCpuNs / 1e9))} items/s per CPU-second (${(parseNs / parsed / 1000).toFixed(1)} µs/item wall)`);
console.log(`ratio classify/parse: ${(classifyNs / parseNs).toFixed(2)} wall, ${(classifyCpuNs / parseCpuNs).toFixed(2)} CPU (classifying an item costs that many times parsing it from RSS)`);
if (sink < 0) console.log(sink);
