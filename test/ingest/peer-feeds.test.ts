// Every file of ../shared/fixtures/peer-feeds through the parser: no crash, no
// unhandled rejection, none over 1 s, and the titles/links the peer suites
// state match ours (except the divergences listed below, each with its reason).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed, cleanText, type ParseResult } from '../../src/parse/index.js';
import { normaliseEntry } from '../../src/normalise/item.js';
import { decodeBody } from '../../src/fetch/charset.js';
import { feedparserExpectations, feedparserHeaders, rssParserExpectations, feedRsExpectations, type Expectation } from './peer-expect.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PEER = resolve(repoRoot, '../shared', 'fixtures/peer-feeds');
const present = existsSync(PEER);
if (!present) console.warn(`\n[peer-feeds] SKIPPED: ${PEER} is absent (../shared not checked out next to the repo)\n`);

/** Where we knowingly differ from a peer's stated output, and why. */
const DIVERGENCES: [RegExp, 'title' | 'link', string][] = [
  [/entities\/(lang|rang)\.xml$/, 'title', 'HTML5 maps &lang;/&rang; to U+27E8/U+27E9; feedparser uses the HTML 4 code points U+2329/U+232A'],
  [/sanitize\/(entry|feed)_title_crazy\.xml$/, 'title', 'feedparser keeps the text inside <script>; we drop scripts entirely'],
  [/sanitize\/xml_malicious_comment\.xml$/, 'title', 'HTML5 comment parsing ends the comment at "-->" only, so "fe" is inside it; feedparser closes it at ">"'],
  [/rss_2\.0_rps\.xml$|rbren-rss-parser\/test\/input\/encoding\.rss$/, 'link', 'we prefer feedburner:origLink (the publisher URL) over the FeedBurner proxy link'],
];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

const isInput = (f: string) =>
  !/(LICENSE[^/]*|MANIFEST\.md)$/.test(f) && !f.endsWith('.serde.json') && !f.includes('rbren-rss-parser/test/output/');

/** The expectations a suite states for one input file, and how to "serve" it. */
function expectationsFor(file: string, bytes: Buffer): { exp: (Expectation & { alternatives?: string[] })[]; url: string; contentType?: string } {
  if (file.includes('/kurtmckee-feedparser/')) {
    const text = decodeBody(bytes).text; // UTF-16/32 files carry the comment in that encoding
    const headers = feedparserHeaders(text);
    let url = `http://127.0.0.1:8097${file.slice(file.indexOf('/tests/'))}`;
    if (headers['content-location']) url = new URL(headers['content-location'], url).href;
    const out: ReturnType<typeof expectationsFor> = { exp: feedparserExpectations(text) ?? [], url };
    if (headers['content-type']) out.contentType = headers['content-type'];
    return out;
  }
  if (file.includes('/rbren-rss-parser/test/input/')) {
    const golden = file.replace('/input/', '/output/').replace(/\.[a-z]+$/, '.json');
    // encoding.rss's golden file is itself Latin-1 (see MANIFEST).
    const exp = existsSync(golden) ? rssParserExpectations(JSON.parse(readFileSync(golden, file.endsWith('encoding.rss') ? 'latin1' : 'utf8'))) : [];
    return file.endsWith('encoding.rss') ? { exp, url: 'http://example.com/feed', contentType: 'text/xml; charset=latin1' } : { exp, url: 'http://example.com/feed' };
  }
  if (file.includes('/feed-rs-feed-rs/') && /\.(xml|json)$/.test(file)) {
    const golden = file.replace(/\.(xml|json)$/, '.serde.json');
    const exp = existsSync(golden) ? feedRsExpectations(JSON.parse(readFileSync(golden, 'utf8'))) : [];
    const url = file.endsWith('atom_relative.xml') ? 'https://example.com/blog/feed.xml' : file.endsWith('rss_2.0_relurl_2.xml') ? 'http://example.com' : 'http://example.com/feed';
    return { exp, url };
  }
  return { exp: [], url: 'http://example.com/feed' };
}

const norm = (s: string) => cleanText(s, 100_000).normalize('NFC');

function titleMatches(got: string | undefined, want: string): boolean {
  const g = norm(got ?? '');
  if (g === norm(want) || g === want.replace(/\s+/g, ' ').trim()) return true;
  // Goldens made by reading Latin-1 bytes as UTF-8 hold U+FFFD where we decoded correctly.
  if (want.includes('\ufffd')) {
    const re = new RegExp(`^${norm(want).split('\ufffd').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.{1,2}')}$`, 'u');
    return re.test(g);
  }
  return false;
}

function linkMatches(got: string | undefined, want: string, base: string, alternatives: string[] = []): boolean {
  if (!got) return false;
  const resolved = (u: string) => { try { return new URL(u, base).href; } catch { return u; } };
  return [want, ...alternatives].some((w) => w === got || resolved(w) === got);
}

describe.runIf(present)('peer feed corpus', () => {
  it('parses every file without crashing, under 1 s each, and matches stated titles/links', () => {
    const files = listFiles(PEER).filter(isInput);
    const rejections: unknown[] = [];
    const onRejection = (r: unknown) => rejections.push(r);
    process.on('unhandledRejection', onRejection);
    let withItems = 0;
    let errors = 0;
    let slowest = { file: '', ms: 0 };
    let checked = 0;
    let diverged = 0;
    const mismatches: string[] = [];
    const badDates: string[] = [];
    try {
      for (const file of files) {
        const bytes = readFileSync(file);
        const { exp, url, contentType } = expectationsFor(file, bytes);
        const t0 = performance.now();
        let r: ParseResult;
        try {
          r = parseFeed(bytes, { url, ...(contentType ? { contentType } : {}) });
        } catch (err) {
          throw new Error(`parseFeed threw on ${file}: ${(err as Error).message}`);
        }
        const items = r.ok ? r.feed.entries.map((e) => normaliseEntry(e, { sourceId: 'peer', baseUrl: url, now: new Date('2026-11-01T00:00:00Z') })) : [];
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { file, ms };
        if (r.ok && r.feed.entries.length) withItems++;
        if (!r.ok) errors++;
        for (const it of items) {
          if (it?.published && (!/^\d{4}-\d{2}-\d{2}T/.test(it.published) || Date.parse(it.published) < Date.UTC(1980, 0, 1))) badDates.push(`${file}: ${it.published}`);
        }
        for (const e of exp) {
          checked++;
          let got: string | undefined;
          if (r.ok) {
            if (e.where === 'feed') got = e.field === 'title' ? r.feed.title : r.feed.link;
            else {
              const entry = r.feed.entries[Number(/\d+/.exec(e.where)![0])];
              got = e.field === 'title' ? entry?.title : entry?.link;
            }
          }
          const ok = e.field === 'title' ? titleMatches(got, e.value) : linkMatches(got, e.value, url, e.alternatives);
          if (ok) continue;
          if (DIVERGENCES.some(([re, field]) => re.test(file) && field === e.field)) { diverged++; continue; }
          mismatches.push(`${file.slice(PEER.length + 1)} ${e.where}.${e.field}: want ${JSON.stringify(e.value).slice(0, 120)} got ${r.ok ? JSON.stringify(got)?.slice(0, 120) : `error ${r.error}`}`);
        }
      }
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    console.log(
      `[peer-feeds] ${files.length} files: ${withItems} yield items, ${errors} rejected as not/malformed feeds; ` +
        `${checked} stated titles/links checked, ${checked - diverged - mismatches.length} match, ${diverged} known divergences; ` +
        `slowest ${slowest.ms.toFixed(0)} ms (${slowest.file.slice(PEER.length + 1)})`,
    );
    expect(rejections).toEqual([]);
    expect(slowest.ms).toBeLessThan(1000);
    expect(badDates).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(withItems).toBeGreaterThan(1200);
  });

  it('rejects cleanly what a suite says must fail', () => {
    const mustFail = [
      'feed-rs-feed-rs/feed-rs/fixture/rss2/rss_2.0_invalid_1.xml', // truncated Reuters feed with an error comment spliced in
      'rbren-rss-parser/test/input/unrecognized.rss', // HTML "Document Moved"
      'danmactough-node-feedparser/test/feeds/notafeed.html',
      'kurtmckee-feedparser/tests/illformed/rss_empty_document.xml',
    ];
    for (const f of mustFail) {
      const r = parseFeed(readFileSync(join(PEER, f)));
      expect(r.ok, f).toBe(false);
    }
    const unrecognized = parseFeed(readFileSync(join(PEER, 'rbren-rss-parser/test/input/unrecognized.rss')));
    expect(!unrecognized.ok && unrecognized.error).toMatch(/not a feed/i);
  });

  it('handles the known traps of the corpus', () => {
    const p = (f: string, url?: string) => {
      const r = parseFeed(readFileSync(join(PEER, f)), url ? { url } : {});
      if (!r.ok) throw new Error(`${f}: ${r.error}`);
      return r.feed;
    };
    // An entity declared in the internal DTD is substituted, not fatal.
    expect(p('kurtmckee-feedparser/tests/wellformed/rss/entity_in_doctype.xml').entries[0]!.guid).toBe('tag:example.com,2006-05-04:/blog/');
    // One bare '&' in a link loses nothing.
    expect(p('danmactough-node-feedparser/test/feeds/saxerror.xml').entries.map((e) => e.title)).toEqual(['Good Item', 'Bad Item', 'Item After Error']);
    // gzip bytes nobody decompressed.
    expect(p('danmactough-node-feedparser/test/feeds/compressed.xml').entries.length).toBe(10);
    // windows-1251 with a declaration.
    expect(cleanText(p('danmactough-node-feedparser/test/feeds/iconv.xml').entries[0]!.title)).not.toContain('\ufffd');
    // Undeclared Latin-1 without a version attribute (rss-parser rejects it).
    const uol = p('rbren-rss-parser/test/input/uolNoticias.rss');
    expect(uol.entries.length).toBe(15);
    expect(cleanText(uol.entries[0]!.title)).toContain('simulações');
    // Channel-less RSS and XHTML titles (rss-parser throws TypeErrors).
    expect(p('kurtmckee-feedparser/tests/wellformed/rss/rss_version_20.xml').entries).toEqual([]);
    expect(cleanText(p('kurtmckee-feedparser/tests/wellformed/atom10/entry_title_inline_markup.xml').entries[0]!.title)).toMatch(/\S/);
    // A javascript: xml:base never produces a javascript: link.
    const unsafe = p('kurtmckee-feedparser/tests/wellformed/base/unsafe_base.xml', 'http://example.com/feed');
    for (const e of unsafe.entries) expect(e.link ?? '').not.toMatch(/^javascript:/i);
    // Nested empty <item/> is ignored; channel data after the items still counts.
    expect(p('danmactough-node-feedparser/test/feeds/illegally-nested.xml').entries.length).toBe(10);
    expect(p('danmactough-node-feedparser/test/feeds/rss2sample.xml').entries.length).toBe(4);
    // Relative links resolve against the feed URL.
    const rel = p('danmactough-node-feedparser/test/feeds/rss-with-relative-urls.xml', 'http://www.arcgames.com');
    expect(rel.entries.every((e) => /^http:\/\/www\.arcgames\.com\//.test(e.link ?? ''))).toBe(true);
  });
});

if (!present) {
  describe('peer feed corpus', () => {
    it.skip(`SKIPPED: ${PEER} is absent`, () => undefined);
  });
}
