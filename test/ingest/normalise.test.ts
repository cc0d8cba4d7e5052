import { describe, it, expect } from 'vitest';
import { canonicalUrl, unwrapGoogleNews } from '../../src/normalise/url.js';
import { itemId, normaliseEntry } from '../../src/normalise/item.js';
import { parseDate } from '../../src/parse/dates.js';
import { htmlToText, cleanText } from '../../src/parse/text.js';
import { scrapeHtml } from '../../src/parse/html-source.js';
import { parseFeed } from '../../src/parse/index.js';

describe('canonical URLs', () => {
  it('drops tracking parameters and fragments, lower-cases the host, resolves relative links', () => {
    expect(canonicalUrl('HTTPS://Example.COM:443/a/b?utm_source=x&id=3&fbclid=y&gclid=z&utm_medium=rss#top')).toBe('https://example.com/a/b?id=3');
    expect(canonicalUrl('/en/opc-news/nr-c_260910/', 'https://www.priv.gc.ca/en/rss/news/')).toBe('https://www.priv.gc.ca/en/opc-news/nr-c_260910/');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
  it('unwraps redirect wrappers when the target is recoverable', () => {
    expect(canonicalUrl('https://www.google.com/url?q=https://noyb.eu/en/x?utm_campaign=a&sa=D')).toBe('https://noyb.eu/en/x');
    // Old-style Google News id: base64 of a protobuf carrying the URL in clear.
    const inner = Buffer.concat([Buffer.from([0x08, 0x13, 0x22, 0x2a]), Buffer.from('https://www.cnil.fr/fr/actualite-ia'), Buffer.from([0xd2, 0x01, 0x00])]);
    const id = inner.toString('base64url');
    expect(canonicalUrl(`https://news.google.com/rss/articles/${id}?oc=5`)).toBe('https://www.cnil.fr/fr/actualite-ia');
    // New-style opaque ids stay as they are (they need a request to Google).
    expect(unwrapGoogleNews(new URL('https://news.google.com/rss/articles/CBMiqwFBVV95cUxN?oc=5'))).toBeUndefined();
  });
});

describe('item ids', () => {
  it('guid, else canonical link, else hash of title and date; bare guids scoped by source', () => {
    expect(itemId({ guid: 'https://a.example/x?utm_source=rss' }, 's1')).toBe(itemId({ guid: 'https://a.example/x' }, 's2'));
    expect(itemId({ guid: '1234' }, 's1')).not.toBe(itemId({ guid: '1234' }, 's2'));
    expect(itemId({ link: 'https://a.example/x' }, 's1')).toMatch(/^u:/);
    expect(itemId({ title: 'T', published: '2025-01-01T00:00:00.000Z' }, 's1')).toMatch(/^h:/);
    expect(itemId({ title: 'T' }, 's1')).toBe(itemId({ title: 'T' }, 's1'));
  });
  it('normalises an entry: clean text, canonical link, UTC date or none', () => {
    const it = normaliseEntry(
      { title: 'AT&amp;T <b>trains</b> AI', link: '/x?utm_source=a', summary: '<p>Hello&nbsp;<script>evil()</script>world</p><style>p{}</style>', published: 'Mon, 14 Apr 2025 15:00:00 +0200' },
      { sourceId: 's', baseUrl: 'https://news.example/feed', now: new Date('2025-04-15T00:00:00Z') },
    )!;
    expect(it.title).toBe('AT&T trains AI');
    expect(it.summary).toBe('Hello world');
    expect(it.link).toBe('https://news.example/x');
    expect(it.published).toBe('2025-04-14T13:00:00.000Z');
    const future = normaliseEntry({ title: 'x', published: '2031-01-01T00:00:00Z' }, { sourceId: 's', now: new Date('2025-01-01T00:00:00Z') })!;
    expect(future.published).toBeUndefined();
  });
});

describe('dates', () => {
  const cases: [string, string | undefined][] = [
    ['Mon, 06 Sep 2021 16:45:00 +0000', '2021-09-06T16:45:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['Fri 1 Oct 2010', '2010-10-01T00:00:00.000Z'],
    ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16T14:02:33.000Z'],
    ['mer, 16 nov 2022 10:00:00 +0100', '2022-11-16T09:00:00.000Z'],
    ['2017-06-13T03:18:00+00:0', '2017-06-13T03:18:00.000Z'],
    ['Seg, 24 Set 2018 19:18:49 -0300', '2018-09-24T22:18:49.000Z'],
    ['15th February 2022', '2022-02-15T00:00:00.000Z'],
    ['27. Mai 2025', '2025-05-27T00:00:00.000Z'],
    ['27 mai 2025 à 10h30', '2025-05-27T10:30:00.000Z'],
    ['3 décembre 2024', '2024-12-03T00:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 EDT', '2003-06-10T08:00:00.000Z'],
    ['Thu, 01 Jan 1970 00:00:00 GMT', undefined],
    ['0', undefined],
    ['garbage', undefined],
    ['31 February 2024', undefined],
    ['', undefined],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => expect(parseDate(input)).toBe(want));
});

describe('HTML to text', () => {
  it('drops scripts and styles, decodes entities, keeps block boundaries', () => {
    expect(htmlToText('<div>One</div><div>Two &amp; three&hellip;</div><script>x()</script><style>.a{}</style>')).toBe('One Two & three…');
    expect(cleanText('Caf&eacute; &#8211; plain')).toBe('Café – plain');
    expect(cleanText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
  });
});

describe('parsing odd feeds', () => {
  it('RSS 1.0 with dc:date, content:encoded and media', () => {
    const r = parseFeed(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
      <channel rdf:about="https://x.example/"><title>X</title></channel>
      <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link><dc:date>2025-04-14T10:00:00+02:00</dc:date>
      <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded><media:thumbnail url="https://x.example/1.jpg"/></item></rdf:RDF>`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.format).toBe('rdf');
    expect(r.feed.entries[0]).toMatchObject({ title: 'One', link: 'https://x.example/1', published: '2025-04-14T10:00:00+02:00', guid: 'https://x.example/1', media: [{ url: 'https://x.example/1.jpg', medium: 'image' }] });
    expect(htmlToText(r.feed.entries[0]!.content!)).toBe('Full text');
  });
  it('Atom with an XHTML title and JSON Feed', () => {
    const a = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <b>world</b></div></title><link rel="alternate" href="https://a.example/1"/><updated>2025-01-01T00:00:00Z</updated></entry></feed>`);
    expect(a.ok && cleanText(a.feed.entries[0]!.title)).toBe('Hello world');
    const j = parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://j.example/1', title: 'T', content_html: '<p>x</p>', date_published: '2025-01-01T00:00:00Z' }] }));
    expect(j.ok && j.feed.entries[0]).toMatchObject({ guid: '1', link: 'https://j.example/1', title: 'T' });
  });
  it('does not expand entity bombs', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><item><title>&c;&a;</title></item></channel></rss>`;
    const t0 = Date.now();
    const r = parseFeed(bomb);
    expect(Date.now() - t0).toBeLessThan(200);
    expect(r.ok && r.feed.entries[0]!.title!.length).toBeLessThan(100);
  });
});

describe('HTML sources', () => {
  it('scrapes a listing with a recipe: relative links resolved, French and German dates parsed', () => {
    const html = `<html lang="fr"><body><div class="view-content"><div class="item-list"><ul>
      <li><article><h2><a href="/en/news-media/one">DPC fines X</a></h2><p class="date">15th February 2022</p></article></li>
      <li><article><h2><a href="https://www.dataprotection.ie/en/two">Décision</a></h2><p class="date">3 décembre 2024</p></article></li>
      <li><article><h2><a href="three">Beschluss</a></h2><p class="date">27. Mai 2025</p></article></li>
      </ul></div></div></body></html>`;
    const feed = scrapeHtml(html, { item: 'div.view-content article', title: 'h2', link: 'h2 a', date: 'p.date' }, 'https://www.dataprotection.ie/en/news-media/latest-news');
    const items = feed.entries.map((e) => normaliseEntry(e, { sourceId: 'dpc', baseUrl: 'https://www.dataprotection.ie/en/news-media/latest-news' })!);
    expect(items.map((i) => [i.title, i.link, i.published])).toEqual([
      ['DPC fines X', 'https://www.dataprotection.ie/en/news-media/one', '2022-02-15T00:00:00.000Z'],
      ['Décision', 'https://www.dataprotection.ie/en/two', '2024-12-03T00:00:00.000Z'],
      ['Beschluss', 'https://www.dataprotection.ie/en/news-media/three', '2025-05-27T00:00:00.000Z'],
    ]);
  });
});
