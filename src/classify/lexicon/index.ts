import type { Lang } from '../../domain.js';
import type { ConceptId, Lexicon } from './types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { de } from './de.js';
import { es } from './es.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';

export const LEXICONS: Record<Lang, Lexicon> = { en, fr, de, es, it, nl, pt };
export type { ConceptId, Lexicon } from './types.js';
export { CONCEPT_LABEL } from './types.js';

export const CONCEPTS: readonly ConceptId[] = [
  'train', 'trainWeak', 'ai', 'data', 'content', 'personal', 'privacy', 'optout', 'policy', 'legal', 'deny', 'deal',
  'copyright', 'crawler', 'face', 'offtopic',
];

/**
 * One regex per concept for a language: its own patterns plus the English ones
 * (English loanwords are common in European tech press). Built once, cached.
 */
const cache = new Map<Lang, Map<ConceptId, RegExp>>();
export function conceptRegexes(lang: Lang): Map<ConceptId, RegExp> {
  let m = cache.get(lang);
  if (m) return m;
  m = new Map();
  for (const c of CONCEPTS) {
    const parts = [...(LEXICONS[lang][c] ?? []), ...(lang === 'en' ? [] : (en[c] ?? []))];
    if (parts.length) m.set(c, new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'g'));
  }
  cache.set(lang, m);
  return m;
}
