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
    text = trimLeading(text);
    if (!text) return { ok: false, error: 'Not a feed: empty document' };
    if (text.startsWith('{')) return { ok: true, feed: parseJsonFeed(text, opts.url), warnings: [] };
    if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return { ok: false, error: 'Not a feed: got an HTML page' };
    const problem = structuralProblem(text);
    if (problem) return { ok: false, error: problem };
    if (!closesRoot(text)) return { ok: false, error: 'malformed feed: document is truncated (root element never closed)' };
    const feed: RawFeed = parseXmlFeed(stripDoctype(text), opts.url);
    const warnings: string[] = [];
    if (!feed.entries.length) warnings.push('feed has no entries');
    return { ok: true, feed, warnings };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Does the document end by closing an element (ignoring trailing comments/whitespace)? */
function closesRoot(text: string): boolean {
  const tail = text.slice(-4096).replace(/(\s|<!--[\s\S]*?-->|\u0000)+$/, '');
  return /<\/[A-Za-z_][\w:.-]*\s*>$/.test(tail) || /\/>$/.test(tail);
}
