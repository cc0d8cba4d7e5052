// Listing pages of sites without feeds, read with a per-source cheerio recipe.
import * as cheerio from 'cheerio';
import type { HtmlRecipe } from '../domain.js';
import type { RawEntry, RawFeed } from './types.js';
import { resolveUrl } from '../normalise/url.js';

const MAX_ITEMS = 100;

/** A date hidden in a permalink such as /2025/20250527.html or /2025/05/27/slug. */
function dateFromUrl(url: string): string | undefined {
  const m = /\/(20\d{2})(\d{2})(\d{2})(?:[./_-]|$)/.exec(url) ?? /\/(20\d{2})\/(\d{2})\/(\d{2})\//.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function scrapeHtml(html: string, recipe: HtmlRecipe, pageUrl: string): RawFeed {
  const $ = cheerio.load(html);
  const base = resolveUrl($('base[href]').attr('href'), pageUrl) ?? pageUrl;
  const entries: RawEntry[] = [];
  $(recipe.item).slice(0, MAX_ITEMS).each((_, el) => {
    const box = $(el);
    const titleEl = box.find(recipe.title).first();
    const title = titleEl.text().replace(/\s+/g, ' ').trim();
    const linkEl = recipe.link ? box.find(recipe.link).first() : titleEl.is('a') ? titleEl : titleEl.find('a').first().length ? titleEl.find('a').first() : titleEl.closest('a');
    const href = linkEl.attr('href') ?? (box.is('a') ? box.attr('href') : undefined);
    const link = resolveUrl(href, base);
    if (!title && !link) return;
    const e: RawEntry = {};
    if (title) e.title = title;
    if (link) e.link = link;
    if (recipe.date) {
      const d = box.find(recipe.date).first();
      const raw = d.attr('datetime') ?? d.attr('content') ?? d.text();
      if (raw?.trim()) e.published = raw.trim();
    }
    if (!e.published && link) {
      const d = dateFromUrl(link);
      if (d) e.published = d;
    }
    if (recipe.summary) {
      const s = box.find(recipe.summary).first().html();
      if (s?.trim()) e.summary = s;
    }
    entries.push(e);
  });
  const feed: RawFeed = { format: 'html', entries, link: pageUrl };
  const t = $('title').first().text().trim();
  if (t) feed.title = t;
  const lang = $('html').attr('lang');
  if (lang) feed.lang = lang;
  return feed;
}
