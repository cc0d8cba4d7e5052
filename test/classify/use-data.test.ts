// Headlines that leave "training" implicit: a platform using people's data, with
// AI named in the same headline — and the look-alikes that must stay irrelevant.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';

const relevant = [
  ['en', "AI: Meta pauses plan to use Europeans' data"],
  ['fr', "IA : Meta suspend son projet d'utiliser les données des Européens"],
  ['de', 'KI: LinkedIn will Daten seiner Mitglieder nutzen'],
];
const irrelevant = [
  ['en', 'Banks use customer data and AI to fight fraud'],
  ['en', 'Google Photos uses AI to organise your pictures'],
  ['en', 'I used ChatGPT to rewrite my text in the style of Shakespeare'],
  ['fr', "Les banques utilisent l'IA et les données clients contre la fraude"],
  ['de', 'Banken nutzen KI und Kundendaten gegen Betrug'],
];

describe('a platform using people’s data for AI, said in a headline', () => {
  for (const [lang, title] of relevant)
    it(`relevant: ${title}`, () => {
      const d = classify({ title: title!, lang });
      expect(d.relevant, JSON.stringify(d.reasons)).toBe(true);
      expect(d.reasons.map((r) => r.concept).join(' ')).toMatch(/using people’s data|people's data/);
    });
  for (const [lang, title] of irrelevant)
    it(`not relevant: ${title}`, () => {
      expect(classify({ title: title!, lang }).relevant).toBe(false);
    });
});
