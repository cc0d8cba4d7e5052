// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
import type { RawEntry, RawFeed } from './types.js';
import { resolveUrl } from '../normalise/url.js';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;
}

export function parseJsonFeed(text: string, baseUrl?: string): RawFeed {
  const doc = JSON.parse(text) as Record<string, unknown>;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.items)) throw new Error('not a JSON Feed (no items array)');
  const base = str(doc.home_page_url) ?? baseUrl;
  const entries: RawEntry[] = [];
  for (const raw of doc.items as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Record<string, unknown>;
    const e: RawEntry = {};
    const id = str(it.id);
    if (id) e.guid = id;
    const title = str(it.title);
    if (title) e.title = title;
    const link = resolveUrl(str(it.url) ?? str(it.external_url), base);
    if (link) e.link = link;
    const html = str(it.content_html);
    const textContent = str(it.content_text);
    const summary = str(it.summary);
    if (summary) e.summary = summary;
    if (html) e.content = html;
    else if (textContent) e.content = textContent.replace(/[&<]/g, (c) => (c === '&' ? '&amp;' : '&lt;'));
    const pub = str(it.date_published) ?? str(it.date_modified);
    if (pub) e.published = pub;
    const lang = str(it.language);
    if (lang) e.lang = lang;
    const img = resolveUrl(str(it.image) ?? str(it.banner_image), base);
    if (img) e.media = [{ url: img, medium: 'image' }];
    entries.push(e);
  }
  const feed: RawFeed = { format: 'json', entries };
  const t = str(doc.title);
  if (t) feed.title = t;
  const home = str(doc.home_page_url);
  if (home) feed.link = home;
  const lang = str(doc.language);
  if (lang) feed.lang = lang;
  return feed;
}
