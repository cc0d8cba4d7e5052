// Summary quality over 30+ article texts in seven languages: every sentence
// comes verbatim from the text, page furniture is never chosen, lengths stay
// within bounds, and a title-only item gets no summary at all.
import { describe, expect, it } from 'vitest';
import { summarise, SENTENCE_MAX, SENTENCE_MIN } from '../../src/compose/summary.js';
import { ARTICLES } from './fixtures/articles.js';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

describe('summary quality', () => {
  const withText = ARTICLES.filter((a) => a.text.trim() !== '');

  it('has at least 30 article texts in all seven languages', () => {
    expect(withText.length).toBeGreaterThanOrEqual(30);
    expect(new Set(withText.map((a) => a.lang))).toEqual(new Set(['en', 'fr', 'de', 'es', 'it', 'nl', 'pt']));
  });

  for (const a of withText) {
    it(`${a.id}: 2–3 sentences from the text, no boilerplate, within bounds`, () => {
      const summary = summarise(a.text, { title: a.title, keywords: a.keywords });
      expect(summary.length).toBeGreaterThanOrEqual(2);
      expect(summary.length).toBeLessThanOrEqual(3);
      for (const s of summary) {
        expect(a.text).toContain(s); // verbatim: nothing invented or rewritten
        expect(s.length).toBeGreaterThanOrEqual(SENTENCE_MIN);
        expect(s.length).toBeLessThanOrEqual(SENTENCE_MAX);
        expect(s).toMatch(/[.!?…»”"')]$/); // whole sentences, never cut mid-word
        for (const b of a.boilerplate) expect(s).not.toContain(b.slice(0, 25));
      }
      expect(summary.join(' ').length).toBeLessThanOrEqual(700);
      // Sentences naming the story's platforms or regulators are preferred.
      expect(summary.some((s) => a.keywords.some((k) => fold(s).includes(fold(k))))).toBe(true);
      // Kept in text order.
      const positions = summary.map((s) => a.text.indexOf(s));
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    });
  }

  it('gives no summary for a title-only item', () => {
    for (const a of ARTICLES.filter((x) => x.text.trim() === '')) {
      expect(summarise(a.text, { title: a.title, keywords: a.keywords })).toEqual([]);
      expect(summarise(undefined, { title: a.title })).toEqual([]);
    }
  });

  it('does not restate the title as a summary sentence', () => {
    const title = 'Meta will train AI on public posts of adults in the EU';
    const text = `${title}.\nThe company told users in emails sent on Monday that objections are possible.\nPrivate messages are excluded from the training data, Meta said.`;
    const s = summarise(text, { title, keywords: ['Meta'] });
    expect(s).not.toContain(`${title}.`);
  });

  it('never chooses a byline, share prompt, cookie or newsletter notice even when they are the only long lines', () => {
    const text = [
      'By Jane Doe, Senior Privacy Reporter',
      'Share this story on Facebook, X and LinkedIn with your friends and colleagues.',
      'We use cookies to personalise content and ads and to analyse our traffic.',
      'Sign up for our newsletter to get the best privacy stories every morning.',
    ].join('\n');
    expect(summarise(text, { title: 'x' })).toEqual([]);
  });
});
