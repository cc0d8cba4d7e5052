// Atom 1.0 (RFC 4287) of the relevant stories. Text constructs are type="text"
// and escaped, so nothing from a feed can become markup in a reader.
import { escapeHtml as esc } from './html.js';
import type { FeedEntry, FeedMeta } from './feed-model.js';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

export function atomFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${esc(meta.atomUrl)}</id>`,
    `  <title type="text">${esc(meta.title)}</title>`,
    `  <subtitle type="text">${esc(meta.description)}</subtitle>`,
    `  <updated>${esc(meta.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(meta.atomUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(meta.homeUrl)}"/>`,
    `  <link rel="alternate" type="application/feed+json" href="${esc(meta.jsonUrl)}"/>`,
    '  <author><name>optout-radar</name></author>',
    '  <generator>optout-radar</generator>',
  ];
  for (const e of entries) {
    out.push(
      '  <entry>',
      `    <id>${esc(e.id)}</id>`,
      `    <title type="text">${esc(e.title)}</title>`,
      `    <link rel="alternate" href="${esc(e.url)}"/>`,
      `    <published>${esc(e.published)}</published>`,
      `    <updated>${esc(e.updated)}</updated>`,
      ...e.authors.map((a) => `    <author><name>${esc(a.name)}</name>${a.url ? `<uri>${esc(a.url)}</uri>` : ''}</author>`),
      ...e.tags.map((t) => `    <category term="${esc(t)}"/>`),
      `    <summary type="text">${esc(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
