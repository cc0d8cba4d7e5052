// The status page over HTTP, read as markup: what it says about sources,
// stories, subscriptions and the outbox, that nothing from a feed becomes
// markup, and that its CSP allows exactly its own stylesheet and nothing else.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { countOutbox } from '../../src/metrics/outbox-depth.js';
import { startWebBot, HOSTILE_EVIDENCE, HOSTILE_OUTLET, HOSTILE_TITLE, type WebBot } from './harness.js';

let w: WebBot;
let res: Response;
let body: string;
let $: cheerio.CheerioAPI;

beforeAll(async () => {
  w = await startWebBot({ hostile: true });
  res = await fetch(`${w.url}/`);
  body = await res.text();
  $ = cheerio.load(body);
});
afterAll(async () => {
  await w?.close();
});

const text = (sel: string) => $(sel).text().replace(/\s+/g, ' ').trim();

describe('GET /', () => {
  it('is HTML with a strict Content-Security-Policy and no script at all', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|script-src|\*/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The one inline stylesheet is allowed by its exact hash.
    const css = $('style').first().html() ?? '';
    const hash = createHash('sha256').update(css).digest('base64');
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect($('script').length).toBe(0);
    expect($('meta[name=viewport]').attr('content')).toContain('width=device-width');
  });

  it('shows each source with its health; the 404 source as failing with its error', () => {
    expect($('tr[data-source]').length).toBe(4);
    const gone = $('tr[data-source="gone"]');
    expect(gone.find('.badge').text()).toBe('failing');
    expect(gone.text()).toContain('HTTP 404');
    expect($('tr[data-source="tech-en"] .badge').text()).toBe('ok');
    // Problems first.
    expect($('tr[data-source]').first().attr('data-source')).toBe('gone');
  });

  it('shows recent stories with decision, score and reasons', async () => {
    const linkedin = (await w.bot.store.stories.values()).find((s) => /LinkedIn/.test(s.title) && s.decision?.relevant)!;
    expect(linkedin).toBeDefined();
    const row = $(`tr[data-story="${linkedin.id}"]`);
    expect(row.find('a').first().text()).toBe(linkedin.title);
    expect(row.find('.badge').text()).toMatch(/^relevant/);
    expect(row.find('.score').text()).toBe(linkedin.decision!.score.toFixed(2));
    expect(row.find('ul.reasons li').length).toBeGreaterThan(0);
    expect(row.text()).toContain(linkedin.decision!.reasons[0]!.concept);
    expect(row.text()).toContain('LinkedIn');
    const boring = $('tr[data-story]').filter((_i, el) => $(el).find('.badge').text() === 'not relevant');
    expect(boring.length).toBeGreaterThan(0);
  });

  it('shows subscriptions, the paused one with its reason', () => {
    expect(text('tr[data-subscription="console:console"]')).toContain('active');
    const paused = text('tr[data-subscription="slack:C-PAUSED"]');
    expect(paused).toContain('paused');
    expect(paused).toContain('missing_scope <chat:write>');
    expect(paused).toContain('platforms LinkedIn');
  });

  it('shows outbox numbers equal to the store, and the dead letter with its error', async () => {
    const counts = countOutbox(await w.bot.store.deliveries.values());
    expect(Number($('[data-testid=outbox-waiting]').text())).toBe(counts.waiting);
    expect(Number($('[data-testid=outbox-dead]').text())).toBe(1);
    for (const s of ['pending', 'failed', 'sent', 'dead'] as const) expect(Number($(`#outbox [data-state=${s}]`).text())).toBe(counts.byState[s]);
    expect(text('#outbox table')).toContain('rejected payload: <b>invalid_blocks</b>');
  });

  it('renders hostile feed text as text: no element, attribute or link comes from it', () => {
    expect($('img, iframe, svg, object, embed, b[onmouseover]').length).toBe(0);
    $('*').each((_i, el) => {
      for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) expect(name.startsWith('on'), name).toBe(false);
    });
    $('a[href]').each((_i, el) => {
      const href = $(el).attr('href')!;
      expect(href, href).toMatch(/^(https?:\/\/|feed\.(xml|json)$|metrics$)/);
    });
    const row = $('tr[data-story="hostile1"]');
    expect(row.find('td').first().contents().first().text().trim()).toBe(HOSTILE_TITLE.replace('\u0001', ''));
    expect(row.text()).toContain(HOSTILE_EVIDENCE);
    expect(row.text()).toContain(HOSTILE_OUTLET);
    expect(row.find('a').length).toBe(0); // its javascript: link was dropped
    expect(body).not.toContain('<script>alert');
  });
});
