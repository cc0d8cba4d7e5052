// The knowledge base is validated at start: these tests feed it bad data and
// check the error names the file and the field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KbError, loadKb } from '../../src/kb/loader.js';

const here = dirname(fileURLToPath(import.meta.url));
const KB_DIR = join(here, '..', '..', 'data-kb');
let tmp: string | undefined;

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

/** A copy of the real KB with one file's JSON changed by `edit`. */
function withEdit(file: string, edit: (data: Record<string, any>) => void): string {
  tmp = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync(KB_DIR, tmp, { recursive: true });
  const path = join(tmp, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  edit(data);
  writeFileSync(path, JSON.stringify(data));
  return tmp;
}

function errorOf(dir: string): KbError {
  try {
    loadKb(dir);
  } catch (e) {
    if (e instanceof KbError) return e;
    throw e;
  }
  throw new Error('expected the KB to be rejected');
}

describe('bundled knowledge base', () => {
  const kb = loadKb(KB_DIR);

  it('loads and covers at least 30 platforms', () => {
    expect(kb.platforms.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every platform sources, a last-verified date and region rules', () => {
    for (const p of kb.platforms) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.lastVerified, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.regions.length, p.id).toBeGreaterThan(0);
    }
  });

  it('has French steps for the main platforms', () => {
    for (const id of ['linkedin', 'meta-facebook', 'meta-instagram', 'x', 'google-gemini', 'openai-chatgpt', 'anthropic-claude']) {
      const p = kb.platforms.find((e) => e.id === id)!;
      expect(p.routes.some((r) => 'fr' in r.steps), id).toBe(true);
    }
  });

  it('includes the website-owner guide with the main AI crawlers', () => {
    const agents = kb.website.crawlers.map((c) => c.userAgent);
    for (const ua of ['GPTBot', 'ClaudeBot', 'Google-Extended', 'CCBot', 'Applebot-Extended', 'PerplexityBot', 'Meta-ExternalAgent', 'Bytespider']) {
      expect(agents).toContain(ua);
    }
  });
});

describe('validation errors name the file and the field', () => {
  it('rejects a missing field', () => {
    const e = errorOf(withEdit('platforms/linkedin.json', (d) => delete d.lastVerified));
    expect(e.message).toMatch(/platforms\/linkedin\.json: lastVerified: /);
    expect(e.file).toBe('platforms/linkedin.json');
    expect(e.field).toBe('lastVerified');
  });

  it('rejects an unknown region code', () => {
    const e = errorOf(withEdit('platforms/linkedin.json', (d) => (d.regions[1].regions = ['EU', 'XX'])));
    expect(e.message).toContain('platforms/linkedin.json: regions[1].regions[1]: unknown region code');
  });

  it('rejects a malformed URL', () => {
    const e = errorOf(withEdit('platforms/linkedin.json', (d) => (d.links[0].url = 'htps//linkedin.com/settings')));
    expect(e.message).toMatch(/platforms\/linkedin\.json: links\[0\]\.url: /);
  });

  it('rejects a non-web URL scheme', () => {
    const e = errorOf(withEdit('platforms/x.json', (d) => (d.routes[0].url = 'javascript:alert(1)')));
    expect(e.message).toMatch(/platforms\/x\.json: routes\[0\]\.url: /);
  });

  it('rejects a malformed date, an unknown mechanism and a stray field', () => {
    expect(errorOf(withEdit('platforms/reddit.json', (d) => (d.lastVerified = '29/11/2026'))).field).toBe('lastVerified');
    expect(errorOf(withEdit('platforms/reddit.json', (d) => (d.regions[0].mechanism = 'carrier pigeon'))).field).toBe('regions[0].mechanism');
    expect(errorOf(withEdit('platforms/reddit.json', (d) => (d.colour = 'blue'))).message).toMatch(/reddit\.json: \(root\): /);
  });

  it('rejects an alias used by two platforms and an id that does not match its file', () => {
    expect(errorOf(withEdit('platforms/reddit.json', (d) => d.aliases.push('Twitter'))).message).toMatch(
      /platforms\/x\.json: aliases\[0\]: "twitter" is already used by platform "reddit" \(platforms\/reddit\.json\)/,
    );
    expect(errorOf(withEdit('platforms/reddit.json', (d) => (d.id = 'reddit2'))).message).toMatch(/reddit\.json: id: must match the file name/);
  });

  it('rejects a broken website guide and invalid JSON', () => {
    expect(errorOf(withEdit('website-owners.json', (d) => (d.crawlers[0].userAgent = 'GPT Bot'))).message).toMatch(/website-owners\.json: crawlers\[0\]\.userAgent/);
    const dir = withEdit('platforms/zoom.json', () => undefined);
    writeFileSync(join(dir, 'platforms', 'zoom.json'), '{ not json');
    expect(errorOf(dir).message).toMatch(/platforms\/zoom\.json: not valid JSON/);
  });
});
