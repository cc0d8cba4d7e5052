// OPML 1.0/2.0 import and export. Our own attributes (radar:*) carry what OPML
// has no words for: kind, jurisdiction, the scraping recipe is not exported.
import * as cheerio from 'cheerio';
import type { Source, SourceKind } from '../domain.js';
import { shortHash } from '../normalise/url.js';

const KINDS: SourceKind[] = ['news', 'regulator', 'advocacy'];

export function slugId(name: string, url: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `${base || 'feed'}-${shortHash(url, 6)}`;
}

/** OPML text → sources (feed outlines only; nesting/categories flattened). */
export function parseOpml(xml: string): Source[] {
  const $ = cheerio.load(xml, { xml: true });
  if (!$('opml').length) throw new Error('not an OPML document (no <opml> root)');
  const out: Source[] = [];
  const seen = new Set<string>();
  $('outline').each((_, el) => {
    const a = (el as unknown as { attribs: Record<string, string> }).attribs;
    const get = (k: string) => a[k] ?? a[k.toLowerCase()] ?? Object.entries(a).find(([n]) => n.toLowerCase() === k.toLowerCase())?.[1];
    const url = get('xmlUrl')?.trim();
    if (!url || !/^https?:\/\//i.test(url)) return;
    const name = (get('title') ?? get('text') ?? url).trim();
    const kindAttr = get('radar:kind') as SourceKind | undefined;
    const id = (get('radar:id') ?? slugId(name, url)).trim();
    if (seen.has(id)) return;
    seen.add(id);
    const s: Source = {
      id,
      name,
      url,
      type: /news\.google\.com\/rss\/search/i.test(url) ? 'google-news' : 'feed',
      kind: kindAttr && KINDS.includes(kindAttr) ? kindAttr : 'news',
      enabled: get('radar:enabled') !== 'false',
    };
    const lang = get('radar:lang') ?? get('language');
    if (lang) s.lang = lang;
    const j = get('radar:jurisdiction');
    if (j) s.jurisdiction = j;
    const ev = get('radar:evidence');
    s.evidence = ev ?? 'imported from OPML';
    out.push(s);
  });
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sources → OPML 2.0, grouped by kind. HTML-scraped sources are exported with their page URL as htmlUrl only. */
export function toOpml(sources: Source[], title = 'optout-radar sources'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0" xmlns:radar="urn:optout-radar:opml">',
    `  <head><title>${esc(title)}</title><dateCreated>${new Date().toUTCString()}</dateCreated></head>`,
    '  <body>',
  ];
  for (const kind of KINDS) {
    const group = sources.filter((s) => s.kind === kind);
    if (!group.length) continue;
    lines.push(`    <outline text="${kind}" title="${kind}">`);
    for (const s of group) {
      const attrs = [
        `type="${s.type === 'html' ? 'link' : 'rss'}"`,
        `text="${esc(s.name)}"`,
        `title="${esc(s.name)}"`,
        s.type === 'html' ? `url="${esc(s.url)}"` : `xmlUrl="${esc(s.url)}"`,
        `radar:id="${esc(s.id)}"`,
        `radar:kind="${s.kind}"`,
        s.lang ? `radar:lang="${esc(s.lang)}"` : '',
        s.jurisdiction ? `radar:jurisdiction="${esc(s.jurisdiction)}"` : '',
        s.enabled ? '' : 'radar:enabled="false"',
      ].filter(Boolean);
      lines.push(`      <outline ${attrs.join(' ')}/>`);
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
