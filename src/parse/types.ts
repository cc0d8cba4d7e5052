// What the parse stage hands to normalisation: raw strings straight from the
// document (HTML still in place), links already resolved against xml:base.

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'cdf' | 'html';

export interface RawEntry {
  guid?: string;
  title?: string; // may contain markup
  link?: string; // absolute when resolvable
  summary?: string; // HTML or text
  content?: string; // HTML or text
  published?: string; // raw date text
  updated?: string;
  lang?: string;
  media?: { url: string; type?: string; medium?: string }[];
  authors?: string[];
}

export interface RawFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  lang?: string;
  entries: RawEntry[];
}

export type ParseResult =
  | { ok: true; feed: RawFeed; warnings: string[] }
  | { ok: false; error: string };
