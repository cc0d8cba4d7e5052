// The parse stage: bytes or text of a fetched source → raw entries. Never throws.
import { gunzipSync } from 'node:zlib';
import type { ParseResult, RawFeed } from './types.js';
import { decodeBody } from '../fetch/charset.js';
import { parseXmlFeed } from './xml-feed.js';
import { parseJsonFeed } from './json-feed.js';
import { stripDoctype, structuralProblem, trimLeading } from './preprocess.js';

export type { RawEntry, RawFeed, ParseResult, FeedFormat } from './types.js';
export { htmlToText, cleanText, decodeEntities } from './text.js';
export { parseDate } from './dates.js';
export { scrapeHtml } from './html-source.js';

export interface ParseOptions {
  url?: string; // document URL, the base for relative links
  contentType?: string | null;
  maxBytes?: number;
}

const MAX_INFLATE = 16 * 1024 * 1024;

export function parseFeed(input: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  try {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      let bytes = input;
      // A gzip body nobody decompressed (wrong or missing Content-Encoding).
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: opts.maxBytes ?? MAX_INFLATE });
      text = decodeBody(bytes, opts.contentType).text;
    }
    const head = text.replace(/^[\ufeff\s]+/, '');
    if (head.startsWith('{')) return { ok: true, feed: parseJsonFeed(head, opts.url), warnings: [] };
    text = trimLeading(text);
    if (!text) return { ok: false, error: 'Not a feed: empty document' };
    if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return { ok: false, error: 'Not a feed: got an HTML page' };
    const problem = structuralProblem(text);
    if (problem) return { ok: false, error: problem };
    text = stripDoctype(text); // internal-subset entities substituted once, never recursively
    const root = rootName(text);
    if (!root) return { ok: false, error: 'Not a feed: no root element' };
    if (!FEED_ROOTS.has(root.replace(/^.*:/, '').toLowerCase())) return { ok: false, error: `Not a feed: root element <${root}>` };
    if (!closesRoot(text, root)) return { ok: false, error: 'malformed feed: document is truncated (root element never closed)' };
    const feed: RawFeed = parseXmlFeed(text, opts.url);
    const warnings: string[] = [];
    if (!feed.entries.length) warnings.push('feed has no entries');
    return { ok: true, feed, warnings };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel', 'entry']);

/** Name of the first element, skipping the prolog, comments and a DOCTYPE. */
function rootName(text: string): string | undefined {
  const head = text.slice(0, 8192).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi, '');
  return /<([A-Za-z_][\w:.-]*)[\s>/]/.exec(head)?.[1];
}

/** Does the document end by closing its root element (ignoring trailing comments/whitespace)? */
function closesRoot(text: string, root: string): boolean {
  const tail = text.slice(-4096).replace(/(\s|<!--[\s\S]*?-->|\u0000)+$/, '');
  if (/\/>$/.test(tail) && !/<\/[^<]*$/.test(tail)) return true; // <rss/> style empty root
  // "</rss" without its '>' is a complete document missing one character; accept it.
  const last = /<\/([A-Za-z_][\w:.-]*)\s*>?$/.exec(tail);
  return Boolean(last && last[1]!.toLowerCase() === root.toLowerCase());
}
