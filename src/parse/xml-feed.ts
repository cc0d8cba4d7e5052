// RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and CDF, read with cheerio's forgiving XML
// mode and walked by local element name. We do not use rss-parser: it rejects
// feeds without a version attribute, throws TypeErrors on channel-less RSS and
// XHTML titles, and sax/xml2js give up on one stray '&'.
import * as cheerio from 'cheerio';
import type { RawEntry, RawFeed, FeedFormat } from './types.js';
import { resolveUrl } from '../normalise/url.js';
import { decodeEntities } from './text.js';

/** The subset of a domhandler node we rely on. */
interface Node {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  data?: string;
  parent?: Node | null;
}

const local = (n: Node): string => {
  const name = (n.name ?? '').toLowerCase();
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
};
const qname = (n: Node): string => (n.name ?? '').toLowerCase();
const isEl = (n: Node): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const kids = (n: Node): Node[] => (n.children ?? []).filter(isEl);

function attr(n: Node, name: string): string | undefined {
  const a = n.attribs;
  if (!a) return undefined;
  if (a[name] !== undefined) return a[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(a)) if (k.toLowerCase() === lower) return a[k];
  return undefined;
}

/** Concatenated text of a node: text and CDATA, markup of children dropped. */
function textOf(n: Node): string {
  if (n.type === 'text') return n.data ?? '';
  if (n.type === 'cdata') return (n.children ?? []).map(textOf).join('');
  if (n.type === 'comment' || n.type === 'directive') return '';
  return (n.children ?? []).map(textOf).join('');
}

/** Inner markup of a node, serialised back (for XHTML content). */
function innerXml($: cheerio.CheerioAPI, n: Node): string {
  return $(n as never).html() ?? '';
}

/** First child with this name: an exact (unprefixed) match wins over a prefixed one (<title> over <media:title>). */
interface ChildIndex { byQ: Map<string, Node>; byLocal: Map<string, Node> }
const indexCache = new WeakMap<Node, ChildIndex>();

/** First child of each qualified and local name, built once per element (items ask for many fields). */
function childIndex(n: Node): ChildIndex {
  let idx = indexCache.get(n);
  if (!idx) {
    idx = { byQ: new Map(), byLocal: new Map() };
    for (const k of kids(n)) {
      const q = qname(k);
      if (!idx.byQ.has(q)) idx.byQ.set(q, k);
      const l = local(k);
      if (!idx.byLocal.has(l)) idx.byLocal.set(l, k);
    }
    indexCache.set(n, idx);
  }
  return idx;
}

function child(n: Node, ...names: string[]): Node | undefined {
  const idx = childIndex(n);
  for (const name of names) {
    const hit = idx.byQ.get(name) ?? (name.includes(':') ? undefined : idx.byLocal.get(name));
    if (hit) return hit;
  }
  return undefined;
}

function childText(n: Node, ...names: string[]): string | undefined {
  for (const name of names) {
    const c = child(n, name);
    if (c) {
      const t = decodeEntities(textOf(c)).trim();
      if (t) return t;
    }
  }
  return undefined;
}

/** xml:base chain of a node resolved against the document URL; unsafe bases are ignored. */
function baseOf(n: Node | null | undefined, docUrl: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let p: Node | null | undefined = n; p; p = p.parent) {
    const b = p.attribs?.['xml:base'];
    if (b !== undefined) chain.unshift(b);
  }
  let base = docUrl;
  for (const b of chain) base = resolveUrl(b, base) ?? base;
  return base;
}

/** Atom text construct (type text/html/xhtml; Atom 0.3 mode escaped/base64/xml) → string (markup allowed). */
function atomText($: cheerio.CheerioAPI, n: Node | undefined): string | undefined {
  if (!n) return undefined;
  const type = (attr(n, 'type') ?? '').toLowerCase();
  const mode = (attr(n, 'mode') ?? '').toLowerCase();
  // RFC 4287 §4.1.3.3: a MIME type that is neither text nor XML means base64.
  const binary = /^[a-z]+\/[\w.+-]+$/.test(type) && !type.startsWith('text/') && !/[+/]xml$/.test(type) && type !== 'xhtml' && type !== 'html';
  if (mode === 'base64' || binary) {
    try { return Buffer.from(textOf(n).trim(), 'base64').toString('utf8'); } catch { return undefined; }
  }
  if (type === 'xhtml' || type.endsWith('xhtml+xml') || mode === 'xml' || (kids(n).length > 0 && type !== 'html' && type !== 'text')) {
    return innerXml($, n);
  }
  const t = textOf(n);
  return type === 'html' || type === 'text/html' || mode === 'escaped' ? t : t.replace(/&(?![a-z#][a-z0-9]*;)/gi, '&amp;').replace(/</g, '&lt;');
}

function mediaOf(n: Node, base: string | undefined): RawEntry['media'] {
  const out: NonNullable<RawEntry['media']> = [];
  const seen = new Set<string>();
  const visit = (el: Node, depth: number) => {
    for (const k of kids(el)) {
      const q = qname(k);
      const l = local(k);
      if (l === 'enclosure' || q === 'media:content' || q === 'media:thumbnail' || (l === 'link' && attr(k, 'rel') === 'enclosure')) {
        const url = resolveUrl(attr(k, 'url') ?? attr(k, 'href'), base);
        if (url && !seen.has(url)) {
          seen.add(url);
          const m: { url: string; type?: string; medium?: string } = { url };
          const type = attr(k, 'type');
          if (type) m.type = type;
          const medium = attr(k, 'medium') ?? (q === 'media:thumbnail' ? 'image' : undefined);
          if (medium) m.medium = medium;
          out.push(m);
        }
      } else if (q === 'media:group' && depth < 2) visit(k, depth + 1);
    }
  };
  visit(n, 0);
  return out.length ? out : undefined;
}

function atomLink(n: Node, base: string | undefined): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const k of kids(n)) {
    if (local(k) !== 'link') continue;
    const href = attr(k, 'href') ?? textOf(k).trim();
    if (!href) continue;
    const rel = (attr(k, 'rel') ?? 'alternate').toLowerCase();
    const type = (attr(k, 'type') ?? '').toLowerCase();
    let score = rel === 'alternate' ? 10 : rel === 'self' || rel === 'enclosure' || rel === 'replies' || rel === 'edit' ? 0 : 2;
    if (rel === 'alternate' && (type === '' || type.includes('html'))) score += 5;
    if (score > bestScore) {
      const url = resolveUrl(href, baseOf(k, base)) ?? (/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^(javascript|data|vbscript):/i.test(href) ? href : undefined);
      if (url) { best = url; bestScore = score; }
    }
  }
  return best;
}

function rssItem($: cheerio.CheerioAPI, n: Node, docUrl: string | undefined): RawEntry {
  const base = baseOf(n, docUrl);
  const e: RawEntry = {};
  const titleEl = child(n, 'title') ?? child(n, 'dc:title');
  if (titleEl) {
    const t = kids(titleEl).length ? innerXml($, titleEl) : decodeEntities(textOf(titleEl));
    if (t.trim()) e.title = t;
  }
  const guidEl = child(n, 'guid') ?? child(n, 'id');
  const guid = guidEl ? decodeEntities(textOf(guidEl)).trim() : attr(n, 'rdf:about');
  if (guid) e.guid = guid;
  const linkText = childText(n, 'feedburner:origlink') ?? (() => {
    const l = child(n, 'link');
    if (!l) return undefined;
    return attr(l, 'href') ?? decodeEntities(textOf(l)).trim();
  })();
  let link = resolveUrl(linkText, base) ?? atomLink(n, base);
  if (!link && guidEl && attr(guidEl, 'isPermaLink') !== 'false') link = resolveUrl(guid, base);
  if (!link && attr(n, 'href')) link = resolveUrl(attr(n, 'href'), base); // CDF
  if (!link) {
    const about = attr(n, 'rdf:about');
    if (about) link = resolveUrl(about, base);
  }
  if (link) e.link = link;
  const desc = child(n, 'description') ?? child(n, 'summary') ?? child(n, 'dc:description') ?? child(n, 'abstract');
  if (desc) {
    const d = kids(desc).length ? innerXml($, desc) : textOf(desc);
    if (d.trim()) e.summary = d;
  }
  const content = child(n, 'content:encoded') ?? child(n, 'encoded') ?? child(n, 'xhtml:body') ?? child(n, 'body') ?? child(n, 'fullitem');
  if (content) {
    const c = kids(content).length ? innerXml($, content) : textOf(content);
    if (c.trim()) e.content = c;
  }
  const date = childText(n, 'pubdate', 'dc:date', 'date', 'published', 'issued', 'dcterms:created', 'created', 'updated', 'modified', 'dcterms:modified', 'lastbuilddate');
  if (date) e.published = date;
  const lang = attr(n, 'xml:lang') ?? childText(n, 'dc:language', 'language');
  if (lang) e.lang = lang;
  const media = mediaOf(n, base);
  if (media) e.media = media;
  const author = childText(n, 'author', 'dc:creator', 'creator');
  if (author) e.authors = [author];
  return e;
}

function atomEntry($: cheerio.CheerioAPI, n: Node, docUrl: string | undefined): RawEntry {
  const base = baseOf(n, docUrl);
  const e: RawEntry = {};
  const title = atomText($, child(n, 'title'));
  if (title?.trim()) e.title = title;
  const id = childText(n, 'id');
  if (id) e.guid = id;
  const link = atomLink(n, base);
  if (link) e.link = link;
  const summary = atomText($, child(n, 'summary'));
  if (summary?.trim()) e.summary = summary;
  const contentEl = child(n, 'content');
  if (contentEl && !attr(contentEl, 'src')) {
    const c = atomText($, contentEl);
    if (c?.trim()) e.content = c;
  }
  const date = childText(n, 'published', 'issued', 'created', 'updated', 'modified', 'dc:date');
  if (date) e.published = date;
  const updated = childText(n, 'updated', 'modified');
  if (updated) e.updated = updated;
  const lang = attr(n, 'xml:lang');
  if (lang) e.lang = lang;
  const media = mediaOf(n, base);
  if (media) e.media = media;
  const author = child(n, 'author');
  if (author) {
    const name = childText(author, 'name') ?? decodeEntities(textOf(author)).trim();
    if (name) e.authors = [name];
  }
  return e;
}

/** Entries under `root`: elements named `name`, not nested inside another one (nested empty <item/> is junk). */
function collect(root: Node, name: string, stopAt: string[]): Node[] {
  const out: Node[] = [];
  const walk = (n: Node, depth: number) => {
    if (depth > 12) return;
    for (const k of kids(n)) {
      const l = local(k);
      if (l === name) out.push(k);
      else if (!stopAt.includes(l)) walk(k, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

export function parseXmlFeed(xml: string, docUrl?: string): RawFeed {
  const $ = cheerio.load(xml, { xml: { xmlMode: true, decodeEntities: true, recognizeCDATA: true } } as never);
  const rootNode = $.root()[0] as unknown as Node;
  const root = kids(rootNode)[0];
  if (!root) throw new Error('Not a feed: empty document');
  const rootName = local(root);
  let format: FeedFormat;
  if (rootName === 'rss') format = 'rss';
  else if (rootName === 'rdf') format = 'rdf';
  else if (rootName === 'feed') format = 'atom';
  else if (rootName === 'channel') format = 'cdf';
  else if (rootName === 'entry') format = 'atom';
  else throw new Error(`Not a feed: root element <${root.name}>`);

  const feed: RawFeed = { format, entries: [] };
  const docBase = baseOf(root, docUrl);
  if (format === 'atom') {
    const entries = rootName === 'entry' ? [root] : collect(root, 'entry', ['entry']);
    feed.entries = entries.map((n) => atomEntry($, n, docUrl));
    const t = atomText($, child(root, 'title'));
    if (t) feed.title = t;
    const l = atomLink(root, docBase);
    if (l) feed.link = l;
    const lang = attr(root, 'xml:lang');
    if (lang) feed.lang = lang;
  } else {
    const channel = format === 'cdf' ? root : child(root, 'channel');
    const items = collect(root, 'item', ['item']);
    feed.entries = items.filter((n) => kids(n).length > 0 || textOf(n).trim() || attr(n, 'href')).map((n) => rssItem($, n, docUrl));
    if (channel) {
      const t = childText(channel, 'title');
      if (t) feed.title = t;
      const l = resolveUrl(childText(channel, 'link') ?? attr(channel, 'href'), docBase);
      if (l) feed.link = l;
      const lang = childText(channel, 'language', 'dc:language') ?? attr(root, 'xml:lang');
      if (lang) feed.lang = lang;
    }
  }
  return feed;
}
