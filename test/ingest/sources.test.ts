import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinSources, loadSources, parseOpml, toOpml, googleNewsUrl, sourceSlot, dueInWindow } from '../../src/sources/index.js';

const dir = mkdtempSync(join(tmpdir(), 'radar-sources-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('built-in registry', () => {
  const all = builtinSources();
  it('has unique url-safe ids, http(s) URLs and evidence for every source', () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      expect(s.id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.evidence, s.id).toBeTruthy();
      expect(s.jurisdiction, s.id).toBeTruthy();
      expect(s.lang, s.id).toBeTruthy();
      if (s.type === 'html') expect(s.html?.item && s.html.title, s.id).toBeTruthy();
      if (s.type === 'google-news') expect(s.query?.q, s.id).toBeTruthy();
    }
  });
  it('covers at least 15 regulators including EDPB, EDPS, ICO, FTC, OAIC, OPC, ANPD and EU DPAs', () => {
    const regs = all.filter((s) => s.kind === 'regulator');
    expect(new Set(regs.map((s) => s.name.split(' – ')[0])).size).toBeGreaterThanOrEqual(15);
    for (const id of ['edpb', 'edps', 'ico-enforcement', 'ftc', 'oaic', 'opc', 'anpd', 'cnil', 'dpc-ie', 'garante', 'aepd', 'bfdi']) expect(all.some((s) => s.id === id), id).toBe(true);
  });
  it('includes the advocacy groups and prefers topic feeds for tech news', () => {
    for (const id of ['noyb', 'eff', 'edri', 'privacyinternational', 'laquadrature', 'accessnow', 'openrightsgroup', 'epicenter-works']) expect(all.some((s) => s.id === id && s.kind === 'advocacy'), id).toBe(true);
    expect(all.find((s) => s.id === 'techcrunch')!.enabled).toBe(false);
    expect(all.find((s) => s.id === 'techcrunch-privacy')!.enabled).toBe(true);
  });
});

describe('sources file', () => {
  it('no file → built-ins', async () => {
    expect((await loadSources()).length).toBe(builtinSources().length);
  });
  it('adds, disables and overrides built-ins by id', async () => {
    const p = file('s.json', JSON.stringify({
      disable: ['heise'],
      sources: [
        { id: 'cnil', url: 'https://www.cnil.fr/en/rss.xml', lang: 'en' },
        { id: 'my-blog', name: 'My blog', url: 'https://blog.example/feed', kind: 'advocacy' },
        { id: 'gnews-it', name: 'GN IT', type: 'google-news', query: { q: 'IA addestramento dati', lang: 'it', region: 'IT' } },
      ],
    }));
    const s = await loadSources(p);
    expect(s.length).toBe(builtinSources().length + 2);
    expect(s.find((x) => x.id === 'heise')!.enabled).toBe(false);
    expect(s.find((x) => x.id === 'cnil')).toMatchObject({ url: 'https://www.cnil.fr/en/rss.xml', lang: 'en', kind: 'regulator', name: 'CNIL' });
    expect(s.find((x) => x.id === 'my-blog')).toMatchObject({ type: 'feed', kind: 'advocacy', enabled: true });
    expect(s.find((x) => x.id === 'gnews-it')!.url).toBe('https://news.google.com/rss/search?q=IA+addestramento+dati&hl=it&gl=IT&ceid=IT%3Ait');
  });
  it('"builtins": false uses only the file', async () => {
    const p = file('only.json', JSON.stringify({ builtins: false, sources: [{ id: 'local', url: 'http://127.0.0.1:9/feed.xml' }] }));
    const s = await loadSources(p);
    expect(s.map((x) => x.id)).toEqual(['local']);
  });
  it('reports every problem clearly and loads nothing', async () => {
    const p = file('bad.json', JSON.stringify({ disable: ['nope'], sources: [{ id: 'bad id', url: 'ftp://x' }, { id: 'no-url' }] }));
    await expect(loadSources(p)).rejects.toThrow(/id must be url-safe[\s\S]*url must be http/);
    const p2 = file('bad2.json', JSON.stringify({ disable: ['nope'], sources: [{ id: 'no-url' }] }));
    await expect(loadSources(p2)).rejects.toThrow(/unknown source id "nope"[\s\S]*no-url: a new source needs a url/);
    await expect(loadSources(file('bad3.json', '{ not json'))).rejects.toThrow(/not valid JSON or OPML/);
    await expect(loadSources(join(dir, 'missing.json'))).rejects.toThrow(/cannot read sources file/);
  });
  it('accepts OPML (adds its feeds to the built-ins)', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Privacy"><outline type="rss" text="Blog A" xmlUrl="https://a.example/feed.xml" htmlUrl="https://a.example/"/>
      <outline type="rss" text="CNIL dup" xmlUrl="https://www.cnil.fr/fr/rss.xml"/></outline></body></opml>`;
    const s = await loadSources(file('f.opml', opml));
    expect(s.length).toBe(builtinSources().length + 1);
    expect(s.find((x) => x.url === 'https://a.example/feed.xml')).toMatchObject({ name: 'Blog A', type: 'feed', enabled: true });
  });
});

describe('OPML', () => {
  it('round-trips our sources', () => {
    const src = builtinSources().filter((s) => s.type !== 'html');
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const back = parseOpml(toOpml(src)).sort(byId);
    src.sort(byId);
    expect(back.map((s) => [s.id, s.url, s.kind, s.enabled, s.lang, s.jurisdiction])).toEqual(src.map((s) => [s.id, s.url, s.kind, s.enabled, s.lang, s.jurisdiction]));
  });
  it('rejects a non-OPML document', () => {
    expect(() => parseOpml('<rss/>')).toThrow(/not an OPML/);
  });
});

describe('Google News and spreading', () => {
  it('builds query feed URLs', () => {
    expect(googleNewsUrl({ q: '"AI training" when:7d', lang: 'en-US', region: 'US' })).toBe('https://news.google.com/rss/search?q=%22AI+training%22+when%3A7d&hl=en-US&gl=US&ceid=US%3Aen');
    expect(googleNewsUrl({ q: 'x', lang: 'pt-BR', region: 'BR' })).toContain('ceid=BR%3Apt-419');
  });
  it('gives each source a stable slot and every source comes up once per interval', () => {
    const all = builtinSources();
    const interval = 15 * 60_000;
    expect(sourceSlot('cnil', interval)).toBe(sourceSlot('cnil', interval));
    let seen = 0;
    const start = 1_700_000_000_000;
    for (let t = start; t < start + interval; t += 60_000) seen += dueInWindow(all, t, t + 60_000, interval).length;
    expect(seen).toBe(all.length);
  });
});
