import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/compose/sentences.js';

describe('splitSentences', () => {
  it('survives abbreviations, initials and dotted acronyms', () => {
    expect(splitSentences('Dr. Smith of Microsoft Corp. spoke to J. Doe in the U.S. on Monday. Then she left.')).toEqual([
      'Dr. Smith of Microsoft Corp. spoke to J. Doe in the U.S. on Monday.',
      'Then she left.',
    ]);
    expect(splitSentences('Die Daten, z. B. Fotos, u. a. Kommentare. Das ist neu.')).toEqual(['Die Daten, z. B. Fotos, u. a. Kommentare.', 'Das ist neu.']);
    expect(splitSentences('M. Dupont et Mme Martin ont réagi. La CNIL aussi.')).toEqual(['M. Dupont et Mme Martin ont réagi.', 'La CNIL aussi.']);
  });

  it('survives decimal numbers in both notations', () => {
    expect(splitSentences('Revenue grew 3.5 percent. Fines reached €1.2 billion.')).toEqual(['Revenue grew 3.5 percent.', 'Fines reached €1.2 billion.']);
    expect(splitSentences('La hausse atteint 2,5 %. Elle ralentit.')).toEqual(['La hausse atteint 2,5 %.', 'Elle ralentit.']);
  });

  it('keeps quotes with their sentence', () => {
    expect(splitSentences('He said: "We do not train on DMs." The company agreed.')).toEqual(['He said: "We do not train on DMs."', 'The company agreed.']);
    expect(splitSentences('“It is opt-out by default.” Critics disagree.')).toEqual(['“It is opt-out by default.”', 'Critics disagree.']);
  });

  it('handles French « » and spaced punctuation', () => {
    expect(splitSentences('« Nous respectons le RGPD. » Le régulateur doute. Vraiment ? Oui !')).toEqual([
      '« Nous respectons le RGPD. »',
      'Le régulateur doute.',
      'Vraiment ?',
      'Oui !',
    ]);
    expect(splitSentences('Selon Meta, « les messages privés ne sont pas concernés ». Les photos, si.')).toEqual([
      'Selon Meta, « les messages privés ne sont pas concernés ».',
      'Les photos, si.',
    ]);
  });

  it('does not split German ordinal dates', () => {
    expect(splitSentences('Meta startet am 27. Mai mit dem Training. Widerspruch ist bis zum 26. Mai möglich.')).toEqual([
      'Meta startet am 27. Mai mit dem Training.',
      'Widerspruch ist bis zum 26. Mai möglich.',
    ]);
  });

  it('treats line breaks as paragraph ends and returns exact substrings', () => {
    const text = 'First line without stop\nSecond sentence here. Third one?\n\nFourth!';
    const parts = splitSentences(text);
    expect(parts).toEqual(['First line without stop', 'Second sentence here.', 'Third one?', 'Fourth!']);
    for (const p of parts) expect(text).toContain(p);
  });

  it('keeps a list number with its item', () => {
    expect(splitSentences('1. Open the app. Then wait.\n2. Tap Settings.')).toEqual(['1. Open the app.', 'Then wait.', '2. Tap Settings.']);
  });

  it('keeps ellipses inside a sentence when the next word is lower-case', () => {
    expect(splitSentences('It was… complicated. Next.')).toEqual(['It was… complicated.', 'Next.']);
  });
});
