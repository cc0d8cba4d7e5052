// /feed.xml and /feed.json of a bot that has polled once (plus one story with
// hostile text): valid Atom 1.0 and JSON Feed 1.1, only relevant stories, the
// same stable ids in both, and hostile text carried as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { z } from 'zod';
import type { Story } from '../../src/domain.js';
import { storyUrn } from '../../src/web/feed-model.js';
import { startWebBot, HOSTILE_OUTLET, HOSTILE_TITLE, type WebBot } from './harness.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ATOM_NS = 'http://www.w3.org/2005/Atom';
const CLEAN_TITLE = HOSTILE_TITLE.replace('\u0001', '');

let w: WebBot;
let relevant: Story[];

beforeAll(async () => {
  w = await startWebBot({ hostile: true });
  relevant = (await w.bot.store.stories.values()).filter((s) => s.decision?.relevant);
});
afterAll(async () => {
  await w?.close();
});

describe('GET /feed.xml', () => {
  let res: Response;
  let xml: string;
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    res = await fetch(`${w.url}/feed.xml`);
    xml = await res.text();
    $ = cheerio.load(xml, { xml: true });
  });

  it('is served as Atom', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('has the required feed elements of RFC 4287', () => {
    const feed = $('feed');
    expect(feed.length).toBe(1);
    expect(feed.attr('xmlns')).toBe(ATOM_NS);
    expect($('feed > id').text()).toBe(`${w.url}/feed.xml`);
    expect($('feed > title').text()).toMatch(/optout-radar/);
    expect($('feed > updated').text()).toMatch(RFC3339);
    expect($('feed > link[rel=self]').attr('href')).toBe(`${w.url}/feed.xml`);
    expect($('feed > author > name').text()).toBe('optout-radar');
  });

  it('has one entry per relevant story, each with id, title, updated and link', () => {
    const entries = $('feed > entry');
    expect(entries.length).toBe(relevant.length);
    expect(relevant.length).toBeGreaterThanOrEqual(3);
    const ids = new Set<string>();
    entries.each((_i, el) => {
      const e = $(el);
      const id = e.children('id').text();
      expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
      expect(e.children('title').text().length).toBeGreaterThan(0);
      expect(e.children('updated').text()).toMatch(RFC3339);
      expect(e.children('published').text()).toMatch(RFC3339);
      expect(e.children('link[rel=alternate]').attr('href')).toMatch(/^https?:\/\//);
      expect(e.children('author').length).toBeGreaterThan(0);
      expect(e.children('summary').text()).toMatch(/Score \d\.\d\d/);
    });
    expect(ids.size).toBe(entries.length);
    expect([...ids].sort()).toEqual(relevant.map((s) => storyUrn(s.id)).sort());
  });

  it('carries the LinkedIn story with its platform and outlets', () => {
    const story = relevant.find((s) => s.decision!.platforms.includes('LinkedIn'))!;
    const e = $('feed > entry').filter((_i, el) => $(el).children('id').text() === storyUrn(story.id));
    expect(e.children('title').text()).toBe(story.title);
    expect(e.children('category').map((_i, c) => $(c).attr('term')).get()).toContain('LinkedIn');
    expect(e.children('summary').text()).toContain('Platforms: LinkedIn');
    expect(e.find('author > name').map((_i, n) => $(n).text()).get()).toEqual([...new Set(story.sources.map((s) => s.sourceName))]);
  });

  it('keeps hostile text as text and drops a javascript: link', () => {
    const e = $('feed > entry').filter((_i, el) => $(el).children('id').text() === storyUrn('hostile1'));
    expect(e.children('title').text()).toBe(CLEAN_TITLE);
    expect(e.children('title').children().length).toBe(0);
    expect(e.find('author > name').text()).toBe(HOSTILE_OUTLET);
    expect(e.children('link').attr('href')).toBe(`${w.url}/#story-hostile1`);
    expect(xml).not.toMatch(/javascript:|<script|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
  });

  it('parses back with rss-parser (strict XML)', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toMatch(/optout-radar/);
    expect(feed.items.length).toBe(relevant.length);
    expect(feed.items.map((i) => i.title)).toContain(CLEAN_TITLE);
    for (const item of feed.items) expect(item.link).toMatch(/^https?:\/\//);
  });
});

const JsonFeed = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  authors: z.array(z.object({ name: z.string().optional(), url: z.url().optional() })).optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: z.url().optional(),
        title: z.string().optional(),
        content_text: z.string().optional(),
        content_html: z.string().optional(),
        summary: z.string().optional(),
        date_published: z.string().regex(RFC3339).optional(),
        date_modified: z.string().regex(RFC3339).optional(),
        authors: z.array(z.object({ name: z.string().optional(), url: z.url().optional() })).optional(),
        tags: z.array(z.string()).optional(),
      })
      // JSON Feed 1.1: an item has content_html or content_text.
      .refine((i) => i.content_text !== undefined || i.content_html !== undefined, 'item without content'),
  ),
});

const FEED_KEYS = ['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'language', 'expired', 'hubs', 'items'];
const ITEM_KEYS = ['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments'];

describe('GET /feed.json', () => {
  let res: Response;
  let doc: z.infer<typeof JsonFeed>;
  let raw: string;
  beforeAll(async () => {
    res = await fetch(`${w.url}/feed.json`);
    raw = await res.text();
    doc = JsonFeed.parse(JSON.parse(raw));
  });

  it('is served as JSON Feed and has the 1.1 required fields', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(doc.feed_url).toBe(`${w.url}/feed.json`);
    expect(doc.home_page_url).toBe(`${w.url}/`);
  });

  it('uses only fields the spec defines, extensions start with "_"', () => {
    const parsed = JSON.parse(raw) as Record<string, unknown> & { items: Record<string, unknown>[] };
    for (const k of Object.keys(parsed)) if (!k.startsWith('_')) expect(FEED_KEYS, k).toContain(k);
    for (const item of parsed.items) for (const k of Object.keys(item)) if (!k.startsWith('_')) expect(ITEM_KEYS, k).toContain(k);
  });

  it('lists the same relevant stories with the same ids as the Atom feed', async () => {
    expect(doc.items.map((i) => i.id).sort()).toEqual(relevant.map((s) => storyUrn(s.id)).sort());
    const again = JsonFeed.parse(await (await fetch(`${w.url}/feed.json`)).json());
    expect(again.items.map((i) => i.id)).toEqual(doc.items.map((i) => i.id));
    const linkedin = relevant.find((s) => s.decision!.platforms.includes('LinkedIn'))!;
    const item = doc.items.find((i) => i.id === storyUrn(linkedin.id))!;
    expect(item.title).toBe(linkedin.title);
    expect(item.tags).toContain('LinkedIn');
    expect(item.content_text).toContain(`Score ${linkedin.decision!.score.toFixed(2)}`);
    expect(item.authors?.map((a) => a.name)).toEqual([...new Set(linkedin.sources.map((s) => s.sourceName))]);
  });

  it('round-trips hostile text exactly, with no raw markup characters in the document', () => {
    const item = doc.items.find((i) => i.id === storyUrn('hostile1'))!;
    expect(item.title).toBe(CLEAN_TITLE);
    expect(item.authors?.[0]?.name).toBe(HOSTILE_OUTLET);
    expect(item.url).toBe(`${w.url}/#story-hostile1`);
    expect(raw).not.toMatch(/[<>]|javascript:/);
  });
});
