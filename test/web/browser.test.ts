// What a person sees: the status page of a running bot (one poll done, one
// source answering 404) in headless Chromium, on a desktop and on a phone.
// Debian's /usr/bin/chromium, driven by playwright-core; no browser download.
// Screenshots go to test-output/web/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, requireOrSkip } from '../helpers/env.js';
import { startWebBot, HOSTILE_OUTLET, type WebBot } from './harness.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = join(repoRoot, 'test-output', 'web');

const run = requireOrSkip('the status page in headless Chromium', existsSync(CHROMIUM), `${CHROMIUM} (apt-get install -y chromium)`);

describe.runIf(run)('status page in headless Chromium', () => {
  let w: WebBot;
  let profile: string;
  let context: BrowserContext;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    w = await startWebBot({ hostile: true });
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
      timeout: 30_000,
    });
    // Anything the page tries beyond its own origin, any dialog (a hostile
    // title that ran), any CSP violation or page error is a failure.
    context.on('request', (r) => requests.push(r.url()));
    context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    context.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
    });
    context.on('weberror', (e) => problems.push(e.error().message));
  });

  afterAll(async () => {
    await context?.close();
    await w?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const res = await page.goto(`${w.url}/`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    return page;
  }

  it('shows sources, the LinkedIn story with its score and reasons, subscriptions and the outbox', async () => {
    const page = await open({ width: 1280, height: 900 });
    await expect.poll(() => page.title()).toBe('optout-radar status');

    // The failing source, shown as failing, with its error.
    const gone = page.locator('tr[data-source="gone"]');
    await gone.waitFor();
    expect(await gone.locator('.badge').innerText()).toBe('failing');
    expect(await gone.innerText()).toContain('HTTP 404');
    expect(await page.locator('tr[data-source="tech-en"] .badge').innerText()).toBe('ok');

    // The LinkedIn story as a person reads it.
    const story = (await w.bot.store.stories.values()).find((s) => /LinkedIn/.test(s.title) && s.decision?.relevant)!;
    const row = page.locator(`tr[data-story="${story.id}"]`);
    expect(await row.getByRole('link', { name: story.title }).isVisible()).toBe(true);
    expect(await row.locator('.score').innerText()).toBe(story.decision!.score.toFixed(2));
    expect(await row.locator('.badge').innerText()).toMatch(/^relevant/i);
    const reasons = await row.locator('ul.reasons li').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join('\n')).toContain(story.decision!.reasons[0]!.concept);

    // Subscriptions, the paused one flagged with its reason.
    const paused = page.locator('tr[data-subscription="slack:C-PAUSED"]');
    expect(await paused.locator('.badge').innerText()).toBe('paused');
    expect(await paused.innerText()).toContain('missing_scope <chat:write>');

    // Outbox numbers: the Discord stand-in is down, so its alerts wait; one dead letter.
    expect(Number(await page.getByTestId('outbox-waiting').innerText())).toBe(w.report.relevant);
    expect(Number(await page.getByTestId('outbox-dead').innerText())).toBe(1);
    expect(await page.locator('#outbox table').innerText()).toContain('rejected payload: <b>invalid_blocks</b>');

    // The inline stylesheet applied under the CSP: failing badges are coloured, not default black.
    const color = await gone.locator('.badge').evaluate((el) => getComputedStyle(el).color);
    expect(color).not.toBe('rgb(0, 0, 0)');
    expect(color).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g, b] = color.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r).toBeGreaterThan(g + b / 2); // a red

    await page.screenshot({ path: join(OUT, 'status-desktop.png'), fullPage: true });
    await page.close();
  });

  it('shows hostile feed text as text: nothing runs, nothing loads', async () => {
    const page = await open({ width: 1280, height: 900 });
    const row = page.locator('tr[data-story="hostile1"]');
    const shown = await row.innerText();
    expect(shown).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)>');
    expect(shown).toContain(HOSTILE_OUTLET);
    expect(await page.locator('img, iframe, svg, script').count()).toBe(0);
    expect(await row.locator('a').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('fits a phone screen: no sideways scrolling, tables become cards', async () => {
    const page = await open({ width: 390, height: 844 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // Column headers give way to per-cell labels on narrow screens.
    expect(await page.locator('#sources thead').isVisible()).toBe(false);
    const label = await page
      .locator('tr[data-source="gone"] td[data-label="Health"]')
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toContain('Health');
    const story = page.locator('tr[data-story]').first();
    const box = await story.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    const fontSize = await page.locator('body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: join(OUT, 'status-phone.png'), fullPage: true });
    await page.screenshot({ path: join(OUT, 'status-phone-first-screen.png') });
    await page.close();
  });

  it('raised no CSP violation or page error and asked for nothing but the page', () => {
    expect(problems).toEqual([]);
    expect(requests.every((u) => u.startsWith(`${w.url}/`)), requests.join('\n')).toBe(true);
    expect(existsSync(join(OUT, 'status-desktop.png'))).toBe(true);
    expect(existsSync(join(OUT, 'status-phone.png'))).toBe(true);
  });
});
