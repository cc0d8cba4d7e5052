// Reading the expectations that peer suites state, for the peer-feeds test:
// rss-parser's golden JSON, feed-rs's serde JSON and feedparser's `Expect:`
// comment (simple `==` on titles and links only; the rest is Python).

export interface Expectation {
  where: string; // "feed" or "entries[3]"
  field: 'title' | 'link';
  value: string;
}

/** Python string literal body → JS string (\xNN, \uNNNN, \UNNNNNNNN, \n, \t, \\, quotes). */
export function pyUnescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|n|t|r|\\|'|")/g, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? e;
  });
}

/** HTTP headers a feedparser test file asks its server to send (`Header: Name: value`). */
export function feedparserHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^Header:\s*([\w-]+)\s*:\s*(.*?)\s*$/gm)) out[m[1]!.toLowerCase()] = m[2]!;
  return out;
}

/** `Expect:` line of a feedparser test file. */
export function feedparserExpectations(text: string): Expectation[] | undefined {
  const m = /^Expect:\s*(.*)$/m.exec(text);
  if (!m) return undefined;
  const expr = m[1]!;
  const out: Expectation[] = [];
  // A value is one or more string literals joined with '+'.
  const LIT = `u?(?:'(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*")`;
  const re = new RegExp(`(feed|entries\\[(\\d+)\\])\\['(title|link)'\\]\\s*==\\s*(${LIT}(?:\\s*\\+\\s*${LIT})*)`, 'g');
  let x: RegExpExecArray | null;
  while ((x = re.exec(expr))) {
    const value = [...x[4]!.matchAll(new RegExp(LIT, 'g'))].map((l) => pyUnescape(l[0].replace(/^u?(['"])([\s\S]*)\1$/, '$2'))).join('');
    out.push({ where: x[1] === 'feed' ? 'feed' : `entries[${x[2]}]`, field: x[3] as 'title' | 'link', value });
  }
  // Only plain conjunctions of equalities are taken; anything with `or`/`not` around our fields is left alone.
  if (/\bor\b/.test(expr)) return [];
  return out;
}

export function rssParserExpectations(json: unknown): Expectation[] {
  const feed = (json as { feed?: { title?: unknown; items?: { title?: unknown; link?: unknown }[] } }).feed;
  const out: Expectation[] = [];
  (feed?.items ?? []).forEach((it, i) => {
    if (typeof it.title === 'string') out.push({ where: `entries[${i}]`, field: 'title', value: it.title });
    if (typeof it.link === 'string') out.push({ where: `entries[${i}]`, field: 'link', value: it.link });
  });
  return out;
}

export function feedRsExpectations(json: unknown): (Expectation & { alternatives?: string[] })[] {
  const doc = json as { entries?: { title?: { content?: string } | null; links?: { href: string }[] }[] };
  const out: (Expectation & { alternatives?: string[] })[] = [];
  (doc.entries ?? []).forEach((e, i) => {
    if (e.title?.content) out.push({ where: `entries[${i}]`, field: 'title', value: e.title.content });
    if (e.links?.length) out.push({ where: `entries[${i}]`, field: 'link', value: e.links[0]!.href, alternatives: e.links.map((l) => l.href) });
  });
  return out;
}
