// Google News RSS search feeds as a source type (query, language, region).
import type { Source } from '../domain.js';

export interface GoogleNewsQuery {
  q: string;
  lang: string; // "en", "fr", "pt-BR", "es-419" …
  region: string; // "US", "FR", "BR" …
}

/** https://news.google.com/rss/search?q=…&hl=…&gl=…&ceid=REGION:lang */
export function googleNewsUrl(query: GoogleNewsQuery): string {
  const region = query.region.toUpperCase();
  const lang = query.lang;
  const base = lang.split('-')[0]!.toLowerCase();
  // ceid uses the bare language except for the regional Spanish/Portuguese editions.
  const ceidLang = lang === 'pt-BR' ? 'pt-419' : /-419$/.test(lang) ? lang : base;
  const p = new URLSearchParams({ q: query.q, hl: lang, gl: region, ceid: `${region}:${ceidLang}` });
  return `https://news.google.com/rss/search?${p.toString()}`;
}

export function googleNewsSource(id: string, name: string, query: GoogleNewsQuery, extra: Partial<Source> = {}): Source {
  return {
    id,
    name,
    url: googleNewsUrl(query),
    type: 'google-news',
    kind: 'news',
    lang: query.lang.split('-')[0]!.toLowerCase(),
    jurisdiction: query.region.toUpperCase(),
    enabled: true,
    evidence: 'Google News RSS search URL scheme (q, hl, gl, ceid), seen in many public configs; see sources-facts.md',
    query: { ...query },
    ...extra,
  };
}
