// Canonical URLs: one spelling per article so that the same link from two
// feeds (or with two tracking tags) is recognised as the same thing.
import { createHash } from 'node:crypto';

const TRACKING = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^gbraid$/i, /^wbraid$/i, /^msclkid$/i, /^mc_cid$/i, /^mc_eid$/i,
  /^igshid$/i, /^yclid$/i, /^_hsenc$/i, /^_hsmi$/i, /^mkt_tok$/i, /^oc$/i, /^ncid$/i, /^cmpid$/i, /^xtor$/i,
  /^ito$/i, /^at_(medium|campaign|source|term|content|custom\d*)$/i, /^ref_?src$/i, /^__twitter_impression$/i,
  /^s_cid$/i, /^sr_share$/i, /^smid$/i, /^guccounter$/i, /^guce_/i, /^wt_mc$/i, /^wt\.mc_id$/i, /^pk_(campaign|kwd|source|medium)$/i,
  /^mtm_/i, /^rss$/i, /^feed$/i, /^cid$/i, /^soc_(src|trk)$/i, /^spm$/i,
];

/** Only web links are kept; `javascript:`, `data:` and friends are dropped. */
export function isWebUrl(u: string): boolean {
  return /^https?:\/\//i.test(u);
}

/** Resolve `href` against `base`; undefined if it is not a usable http(s) URL. */
export function resolveUrl(href: string | undefined | null, base?: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h) return undefined;
  try {
    const u = base && isWebUrl(base) ? new URL(h, base) : new URL(h);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/**
 * Google News RSS links wrap the publisher URL. Old-style ids are base64 of a
 * protobuf that contains the URL in clear; the newer ones need a request to
 * Google, which we do not make (returns undefined then).
 */
export function unwrapGoogleNews(u: URL): string | undefined {
  if (!/(^|\.)news\.google\.com$/i.test(u.hostname)) return undefined;
  const direct = u.searchParams.get('url');
  if (direct && isWebUrl(direct)) return direct;
  const m = /\/(?:rss\/)?articles\/([A-Za-z0-9_-]+)/.exec(u.pathname);
  if (!m || !m[1]) return undefined;
  try {
    const bytes = Buffer.from(m[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const text = bytes.toString('latin1');
    const found = /https?:\/\/[\x21-\x7e]+/.exec(text);
    if (!found) return undefined;
    // The URL is length-prefixed inside the protobuf; trailing bytes may stick, cut at the first non-URL byte.
    const url = found[0].replace(/[\x00-\x20\x7f-\xff].*$/, '');
    return isWebUrl(url) && !/news\.google\.com/i.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Other well-known redirect wrappers whose target sits in a query parameter. */
function unwrapRedirect(u: URL): string | undefined {
  const host = u.hostname.toLowerCase();
  const keys =
    host === 'www.google.com' || host === 'google.com' ? ['url', 'q'] :
    host.endsWith('facebook.com') && u.pathname.startsWith('/l.php') ? ['u'] :
    host === 'out.reddit.com' ? ['url'] :
    host.endsWith('feedproxy.google.com') ? [] :
    [];
  for (const k of keys) {
    const v = u.searchParams.get(k);
    if (v && isWebUrl(v)) return v;
  }
  return undefined;
}

/** Canonical form of a link; undefined if unusable. */
export function canonicalUrl(href: string | undefined | null, base?: string): string | undefined {
  const abs = resolveUrl(href, base);
  if (!abs) return undefined;
  let u = new URL(abs);
  for (let i = 0; i < 2; i++) {
    const inner = unwrapGoogleNews(u) ?? unwrapRedirect(u);
    if (!inner) break;
    try { u = new URL(inner); } catch { break; }
  }
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const keep: [string, string][] = [];
  for (const [k, v] of u.searchParams) if (!TRACKING.some((re) => re.test(k))) keep.push([k, v]);
  if (keep.length !== [...u.searchParams].length) {
    u.search = '';
    for (const [k, v] of keep) u.searchParams.append(k, v);
  }
  let out = u.href;
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}

/** Key for "same article" comparisons: scheme, www. and trailing slash ignored. */
export function urlKey(canonical: string): string {
  return canonical.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/+(\?|$)/, '$1').toLowerCase();
}

export function shortHash(s: string, len = 16): string {
  return createHash('sha256').update(s).digest('hex').slice(0, len);
}
