// What both outgoing feeds say about a relevant story, computed once so the
// Atom and JSON versions cannot drift apart.
import { createHash } from 'node:crypto';
import type { Story } from '../domain.js';
import { safeHref, stripControls } from './html.js';

export interface FeedEntry {
  /** Stable across base-URL changes, so feed readers never show a story twice. */
  id: string;
  storyId: string;
  title: string;
  url: string;
  published: string;
  updated: string;
  summary: string;
  authors: { name: string; url?: string }[];
  tags: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
}

export const FEED_TITLE = 'optout-radar: AI trained on people’s data';
export const FEED_DESCRIPTION = 'Stories about organisations training AI on users’ data, with the platforms involved and how confident the classifier is.';

/** A name-based UUID (SHA-1, RFC 4122 v5 layout) of the story id, as an URN. */
export function storyUrn(storyId: string): string {
  const h = createHash('sha1').update(`optout-radar:story:${storyId}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** RFC 3339 for the feeds; a malformed stored date falls back instead of breaking the document. */
function rfc3339(iso: string | undefined, fallback: string): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

export function entrySummary(story: Story): string {
  const d = story.decision;
  const head = [d?.platforms.length ? `Platforms: ${d.platforms.join(', ')}` : undefined, d?.regions.length ? `Regions: ${d.regions.join(', ')}` : undefined, d ? `Score ${d.score.toFixed(2)}` : undefined]
    .filter(Boolean)
    .join(' · ');
  const body = story.summary ? stripControls(story.summary).slice(0, 600) : '';
  return body ? `${head}. ${body}` : head;
}

export function toEntry(story: Story, homeUrl: string, now: string): FeedEntry {
  const updated = rfc3339(story.updatedAt, now);
  const authors = new Map<string, string | undefined>();
  for (const s of story.sources) if (s.sourceName && !authors.has(s.sourceName)) authors.set(s.sourceName, safeHref(s.link));
  return {
    id: storyUrn(story.id),
    storyId: story.id,
    title: stripControls(story.title),
    url: safeHref(story.link) ?? `${homeUrl}#story-${encodeURIComponent(story.id)}`,
    published: rfc3339(story.published ?? story.firstSeen, updated),
    updated,
    summary: entrySummary(story),
    authors: [...authors].map(([name, url]) => ({ name: stripControls(name), ...(url ? { url } : {}) })),
    tags: story.decision?.platforms ?? [],
  };
}

export function feedMeta(baseUrl: string, entries: FeedEntry[], now: string): FeedMeta {
  const home = baseUrl.replace(/\/+$/, '');
  return {
    title: FEED_TITLE,
    description: FEED_DESCRIPTION,
    homeUrl: `${home}/`,
    atomUrl: `${home}/feed.xml`,
    jsonUrl: `${home}/feed.json`,
    updated: entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? '' : now),
  };
}
