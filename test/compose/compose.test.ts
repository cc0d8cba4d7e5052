// composeAlert edge cases: unknown platforms, no text, canonical names with
// products in parentheses, label fallback, KB deadlines still ahead.
import { describe, expect, it } from 'vitest';
import { composeAlert } from '../../src/compose/index.js';
import { labelsFor, supportedLabelLangs } from '../../src/compose/labels/index.js';
import type { Decision, Story } from '../../src/domain.js';

const base: Story = {
  id: 's1',
  title: 'Platform trains AI on posts',
  firstSeen: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  sources: [
    { itemId: 'a', sourceId: 'a', sourceName: 'Outlet A', title: 'Platform trains AI on posts', link: 'https://a.example/1' },
    { itemId: 'b', sourceId: 'b', sourceName: 'Outlet B', title: 'Same story', link: 'https://b.example/2' },
    { itemId: 'c', sourceId: 'a', sourceName: 'Outlet A', title: 'Platform trains AI on posts', link: 'https://a.example/1' },
  ],
};
const decision = (platforms: string[], regions: string[] = []): Decision => ({
  relevant: true, score: 0.876, lang: 'en', platforms, regulators: [], regions, greyZone: false, reasons: [],
});

describe('composeAlert', () => {
  it('maps canonical names with products in parentheses through aliases', () => {
    const a = composeAlert(base, decision(['Meta (Instagram)', 'X', 'LinkedIn', 'ChatGPT']));
    expect(a.guides.map((g) => g.platform)).toEqual(['Meta (Instagram)', 'X', 'LinkedIn', 'OpenAI (ChatGPT)']);
  });

  it('picks the product of a collapsed company name from the story text', () => {
    const gmail = composeAlert({ ...base, title: 'Google denies training Gemini on Gmail messages', content: 'Google says Gmail content does not train its models. Smart features only personalise.' }, decision(['Google']));
    expect(gmail.guides.map((g) => g.platform)).toEqual(['Google Gemini', 'Gmail / Google Workspace']);
    const yt = composeAlert({ ...base, title: 'YouTube lets creators allow third-party AI training' }, decision(['Google']));
    expect(yt.guides.map((g) => g.platform)).toEqual(['YouTube']);
    const office = composeAlert({ ...base, title: 'Microsoft denies using Word and Excel documents to train AI' }, decision(['Microsoft']));
    expect(office.guides.map((g) => g.platform)).toEqual(['Microsoft 365 (Office)']);
    const meta = composeAlert({ ...base, title: 'Meta to train AI on Instagram and Facebook posts' }, decision(['Meta', 'Meta (Meta AI)']));
    expect(meta.guides.map((g) => g.platform)).toEqual(['Meta (Instagram)', 'Meta (Facebook)', 'Meta AI']);
    const tumblr = composeAlert({ ...base, title: 'Tumblr and WordPress.com to sell user data to AI firms' }, decision(['Automattic (Tumblr/WordPress)']));
    expect(tumblr.guides.map((g) => g.platform)).toEqual(['Tumblr', 'WordPress.com']);
  });

  it('skips unknown platforms and deduplicates aliases of one entry', () => {
    const a = composeAlert(base, decision(['Nonexistent Corp', 'Twitter', 'X', 'Grok']));
    expect(a.guides.map((g) => g.platform)).toEqual(['X']);
  });

  it('has no summary, steps or deadline for a title-only story, and lists each outlet once', () => {
    const a = composeAlert(base, decision(['LinkedIn']));
    expect(a.summary).toEqual([]);
    expect(a.articleSteps).toEqual([]);
    expect(a.deadline).toBeUndefined();
    expect(a.sources.map((s) => s.name)).toEqual(['Outlet A', 'Outlet B']);
    expect(a.footer.score).toBe(0.88);
  });

  it('falls back to English labels for a language without a label file', () => {
    const a = composeAlert(base, decision([]), { lang: 'sv' });
    expect(a.lang).toBe('en');
    expect(a.labels.affected).toBe('Who is affected');
    expect(a.pastTraining).toBeUndefined();
  });

  it('shows a KB deadline that is still ahead when the article gives none', () => {
    const a = composeAlert(base, decision(['LinkedIn']), { now: new Date('2025-10-01T00:00:00Z') });
    expect(a.deadline).toBe('LinkedIn: Before 3 November 2025');
  });

  it('cuts an over-long headline at a word boundary', () => {
    const a = composeAlert({ ...base, title: `${'word '.repeat(80)}end` }, decision([]));
    expect(a.headline.length).toBeLessThanOrEqual(201);
    expect(a.headline.endsWith('word…')).toBe(true);
  });
});

describe('labels', () => {
  it('have the same keys in every language', () => {
    const en = Object.keys(labelsFor('en').labels).sort();
    for (const lang of supportedLabelLangs()) expect(Object.keys(labelsFor(lang).labels).sort()).toEqual(en);
    expect(supportedLabelLangs()).toEqual(expect.arrayContaining(['en', 'fr', 'de']));
    expect(labelsFor('de-AT').lang).toBe('de');
    expect(labelsFor('FR').labels.affected).toBe('Qui est concerné');
  });
});
