// Finds which concepts occur in each unit (the title, then each sentence of the
// summary/content). Sentence-level co-occurrence is what the scorer reasons on.
import type { Lang } from '../domain.js';
import { CONCEPTS, conceptRegexes, type ConceptId } from './lexicon/index.js';
import { fold, sentences } from './normalize.js';

export interface Unit {
  /** Original (cleaned) text, for quoting. */
  text: string;
  folded: string;
  isTitle: boolean;
  /** Title joined with the first sentence: feeds' summaries usually finish the headline's thought. */
  isLead?: boolean;
  lang: Lang;
  /** concept → the phrase that matched (folded form). */
  hits: Map<ConceptId, string>;
}

// Long articles: the opening carries the story; the cap keeps cost bounded.
const MAX_BODY_CHARS = 3000;

export function matchUnit(text: string, lang: Lang, isTitle: boolean, folded = fold(text)): Unit {
  const hits = new Map<ConceptId, string>();
  const res = conceptRegexes(lang);
  for (const c of CONCEPTS) {
    const re = res.get(c);
    if (!re) continue;
    re.lastIndex = 0;
    const m = re.exec(folded);
    if (m) hits.set(c, m[0]);
  }
  return { text, folded, isTitle, hits, lang };
}

/** Start offsets of every match of a concept in a unit. */
export function positions(u: Unit, c: ConceptId): number[] {
  const re = conceptRegexes(u.lang).get(c);
  if (!re) return [];
  re.lastIndex = 0;
  const out: number[] = [];
  for (const m of u.folded.matchAll(re)) {
    out.push(m.index);
    if (out.length > 20) break;
  }
  return out;
}

/** True when some match of `a` starts within `chars` of some match of `b`. */
export function close(u: Unit, a: ConceptId, b: ConceptId, chars: number): boolean {
  const pa = positions(u, a);
  const pb = positions(u, b);
  return pa.some((x) => pb.some((y) => Math.abs(x - y) <= chars));
}

export function splitUnits(title: string, body: string, lang: Lang): Unit[] {
  const units: Unit[] = [];
  if (title) units.push(matchUnit(title, lang, true));
  if (body) {
    const b = body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body;
    const ss = sentences(b);
    for (const s of ss) units.push(matchUnit(s, lang, false));
    if (title && ss[0]) units.push({ ...matchUnit(`${title} . ${ss[0]}`, lang, false), isLead: true });
  }
  return units;
}
