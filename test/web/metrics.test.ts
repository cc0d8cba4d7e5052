// /metrics of a bot that has polled once, read through a strict Prometheus
// text-format parser: every line valid, every family with HELP and TYPE, and
// the numbers matching what the cycle did and what the store holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/metrics/metrics.js';
import { countOutbox } from '../../src/metrics/outbox-depth.js';
import { parsePrometheusText, sampleValue, PromParseError, type Family } from './prom-text.js';
import { startWebBot, type WebBot } from './harness.js';

describe('the strict Prometheus text parser', () => {
  const ok = '# HELP a_total A thing.\n# TYPE a_total counter\na_total{x="1",y="q\\"\\\\\\n"} 3\n';
  it('reads a valid exposition, escapes included', () => {
    const f = parsePrometheusText(ok);
    expect(f.get('a_total')?.samples[0]).toMatchObject({ labels: { x: '1', y: 'q"\\\n' }, value: 3 });
  });
  it.each([
    ['a sample without TYPE', 'b 1\n'],
    ['a bad label escape', '# TYPE a counter\na{x="\\t"} 1\n'],
    ['an unquoted label value', '# TYPE a gauge\na{x=1} 1\n'],
    ['a value that is not a number', '# TYPE a gauge\na 1,5\n'],
    ['a duplicate series', '# TYPE a gauge\na{x="1"} 1\na{x="1"} 2\n'],
    ['a negative counter', '# TYPE a counter\na -1\n'],
    ['a family split in two groups', '# TYPE a gauge\n# TYPE b gauge\na 1\nb 1\na{x="2"} 1\n'],
    ['a histogram without +Inf', '# TYPE h histogram\nh_bucket{le="1"} 1\nh_count 1\nh_sum 1\n'],
    ['a missing final newline', '# TYPE a gauge\na 1'],
  ])('rejects %s', (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow(PromParseError);
  });
});

describe('GET /metrics after one poll cycle', () => {
  let w: WebBot;
  let families: Map<string, Family>;
  let contentType: string | null;

  beforeAll(async () => {
    w = await startWebBot();
    const res = await fetch(`${w.url}/metrics`);
    expect(res.status).toBe(200);
    contentType = res.headers.get('content-type');
    families = parsePrometheusText(await res.text());
  });
  afterAll(async () => {
    await w?.close();
  });

  const v = (name: string, labels?: Record<string, string>) => sampleValue(families, name, labels);

  it('is Prometheus text 0.0.4 where every family has HELP and TYPE', () => {
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(families.size).toBeGreaterThan(15);
    for (const f of families.values()) {
      expect(f.help, `HELP of ${f.name}`).toBeTruthy();
      expect(f.type, `TYPE of ${f.name}`).toBeDefined();
    }
  });

  it('has the bot metrics with the types an operator expects', () => {
    const want: Record<string, string> = {
      optout_radar_polls_total: 'counter',
      optout_radar_fetches_total: 'counter',
      optout_radar_items_total: 'counter',
      optout_radar_stories_total: 'counter',
      optout_radar_relevant_stories_total: 'counter',
      optout_radar_deliveries_total: 'counter',
      optout_radar_outbox_depth: 'gauge',
      optout_radar_outbox_deliveries: 'gauge',
      optout_radar_classifier_seconds: 'histogram',
      optout_radar_poll_duration_seconds: 'histogram',
      process_cpu_user_seconds_total: 'counter',
      nodejs_heap_size_used_bytes: 'gauge',
    };
    for (const [name, type] of Object.entries(want)) expect(families.get(name)?.type, name).toBe(type);
  });

  it('counts what the cycle did', () => {
    const r = w.report;
    expect(v('optout_radar_polls_total', { result: 'ok' })).toBe(1);
    expect(v('optout_radar_polls_total', { result: 'error' })).toBe(0);
    expect(v('optout_radar_fetches_total', { source: 'tech-en', result: 'fetched' })).toBe(1);
    expect(v('optout_radar_fetches_total', { source: 'gone', result: 'error' })).toBe(1);
    expect(v('optout_radar_items_total')).toBe(r.ingest.items);
    expect(v('optout_radar_new_items_total')).toBe(r.ingest.newItems);
    expect(v('optout_radar_stories_total')).toBe(r.stories);
    expect(r.relevant).toBeGreaterThanOrEqual(2);
    expect(v('optout_radar_relevant_stories_total')).toBe(r.relevant);
    expect(v('optout_radar_classifier_seconds_count')).toBe(r.stories);
    expect(v('optout_radar_classifier_seconds_sum')).toBeGreaterThan(0);
    expect(v('optout_radar_poll_duration_seconds_count')).toBe(1);
    expect(v('optout_radar_last_poll_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 120);
  });

  it('counts deliveries by platform and result: posted on the console, retried on the Discord that is down', () => {
    expect(v('optout_radar_deliveries_total', { platform: 'console', result: 'posted' })).toBe(w.console.posted.length);
    expect(w.console.posted.length).toBe(w.report.relevant);
    // The first failure holds the channel's queue (alerts stay in order), so one retry per drain.
    expect(v('optout_radar_deliveries_total', { platform: 'discord', result: 'retry' })).toBe(1);
  });

  it('reads the outbox depth from the store on each scrape', async () => {
    const counts = countOutbox(await w.bot.store.deliveries.values());
    expect(counts.waiting).toBe(w.report.relevant); // every Discord alert still waits
    expect(v('optout_radar_outbox_depth')).toBe(counts.waiting);
    expect(v('optout_radar_outbox_deliveries', { state: 'sent' })).toBe(counts.byState.sent);
    expect(v('optout_radar_outbox_deliveries', { state: 'dead' })).toBe(0);

    const t = new Date().toISOString();
    await w.bot.store.deliveries.set('console:extra:x1', { id: 'console:extra:x1', storyId: 'x1', platform: 'console', channelId: 'extra', state: 'pending', attempts: 0, updatedAt: t });
    const again = parsePrometheusText(await (await fetch(`${w.url}/metrics`)).text());
    expect(sampleValue(again, 'optout_radar_outbox_depth')).toBe(counts.waiting + 1);
    expect(sampleValue(again, 'optout_radar_outbox_deliveries', { state: 'pending' })).toBe(counts.byState.pending + 1);
    await w.bot.store.deliveries.delete('console:extra:x1');
  });

  it('a second poll over unchanged feeds adds a poll and no items', async () => {
    await w.bot.cycle();
    const f = parsePrometheusText(await (await fetch(`${w.url}/metrics`)).text());
    expect(sampleValue(f, 'optout_radar_polls_total', { result: 'ok' })).toBe(2);
    expect(sampleValue(f, 'optout_radar_new_items_total')).toBe(w.report.ingest.newItems);
    expect(sampleValue(f, 'optout_radar_relevant_stories_total')).toBe(w.report.relevant);
  });

  // Last in this block: it closes the bot's store.
  it('when the store is gone: the poll counts as an error, /metrics still answers, the page says unavailable', async () => {
    await w.bot.store.close();
    await expect(w.bot.cycle()).rejects.toThrow();
    const res = await fetch(`${w.url}/metrics`);
    expect(res.status).toBe(200);
    const f = parsePrometheusText(await res.text());
    expect(sampleValue(f, 'optout_radar_polls_total', { result: 'error' })).toBe(1);
    const page = await fetch(`${w.url}/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toMatch(/unavailable/);
  });
});

describe('Metrics', () => {
  it('keeps a private registry per bot, so several bots can live in one process', async () => {
    const a = new Metrics({ processMetrics: false });
    const b = new Metrics({ processMetrics: false });
    a.pollDone('ok', 1);
    a.fetchResult('src "1"\n', 'error');
    a.pollDone('error');
    const fa = parsePrometheusText(await a.metricsText());
    const fb = parsePrometheusText(await b.metricsText());
    expect(sampleValue(fa, 'optout_radar_polls_total', { result: 'ok' })).toBe(1);
    expect(sampleValue(fa, 'optout_radar_polls_total', { result: 'error' })).toBe(1);
    // A label value that needs escaping survives the round trip.
    expect(sampleValue(fa, 'optout_radar_fetches_total', { source: 'src "1"\n' })).toBe(1);
    expect(sampleValue(fb, 'optout_radar_polls_total', { result: 'ok' })).toBe(0);
    expect(sampleValue(fb, 'optout_radar_fetches_total', { source: 'src "1"\n' })).toBeUndefined();
  });

  it('still answers a scrape when the store cannot be read', async () => {
    const m = new Metrics({ processMetrics: false, outboxCounts: () => Promise.reject(new Error('store down')) });
    const f = parsePrometheusText(await m.metricsText());
    expect(f.get('optout_radar_outbox_depth')?.type).toBe('gauge');
  });
});
