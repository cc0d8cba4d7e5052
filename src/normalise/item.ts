// Raw parsed entries → domain Items: canonical link, clean text, stable id.
import type { Item } from '../domain.js';
import type { RawEntry } from '../parse/types.js';
import { cleanText, htmlToText } from '../parse/text.js';
import { parseDate } from '../parse/dates.js';
import { canonicalUrl, shortHash } from './url.js';

export interface NormaliseOptions {
  sourceId: string;
  baseUrl?: string;
  feedLang?: string;
  now?: Date;
}

/**
 * Stable id: the guid when it is globally meaningful (a URL/URN/tag), else the
 * canonical link, else a hash of title and date. Bare guids such as "1234" are
 * only unique inside one feed, so they are scoped by the source.
 */
export function itemId(e: { guid?: string; link?: string; title?: string; published?: string }, sourceId: string): string {
  const guid = e.guid?.trim();
  if (guid) {
    const asUrl = canonicalUrl(guid);
    if (asUrl) return `u:${shortHash(asUrl)}`;
    if (/^(urn|tag):/i.test(guid)) return `g:${shortHash(guid.toLowerCase())}`;
    return `g:${shortHash(`${sourceId}\n${guid}`)}`;
  }
  if (e.link) return `u:${shortHash(e.link)}`;
  return `h:${shortHash(`${sourceId}\n${(e.title ?? '').toLowerCase()}\n${e.published ?? ''}`)}`;
}

export function normaliseEntry(e: RawEntry, o: NormaliseOptions): Item | undefined {
  const now = (o.now ?? new Date()).getTime();
  const title = cleanText(e.title, 500);
  const summaryText = e.summary ? htmlToText(e.summary, 4000) : '';
  const contentText = e.content ? htmlToText(e.content, 20_000) : '';
  const link = canonicalUrl(e.link, o.baseUrl);
  if (!title && !summaryText && !link) return undefined;
  let published = e.published ? (parseDate(e.published, now) ?? (isIso(e.published) ? e.published : undefined)) : undefined;
  // A date more than a day ahead is a feed bug; treat it as unknown rather than "forever new".
  if (published && Date.parse(published) > now + 86_400_000) published = undefined;
  const item: Item = {
    id: itemId({ guid: e.guid, link, title, published }, o.sourceId),
    sourceId: o.sourceId,
    title: title || summaryText.slice(0, 120) || link || '(untitled)',
    fetchedAt: new Date(now).toISOString(),
  };
  if (summaryText) item.summary = summaryText;
  if (contentText && contentText !== summaryText) item.content = contentText;
  if (link) item.link = link;
  if (published) item.published = published;
  const lang = e.lang ?? o.feedLang;
  if (lang) item.lang = lang.toLowerCase().slice(0, 2);
  return item;
}

function isIso(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s);
}
