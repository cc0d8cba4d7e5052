// Finds which concepts occur in each unit (the title, then each sentence of the
// summary/content). Sentence-level co-occurrence is what the scorer reasons on.
import type { Lang } from '../domain.js';
import { CONCEPTS, conceptRegexes, type ConceptId } from './lexicon/index.js';
import { fold, sentences } from './normalize.js';
import { passesGate } from './gate.js';

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
  /** concept → offset of that first match in `folded` (lets proximity checks skip a rescan). */
  at?: Map<ConceptId, number>;
}

// Long articles: the opening carries the story; the cap keeps cost bounded.
const MAX_BODY_CHARS = 3000;

// Concepts that need an AI or training word: skipped when the unit has none.
const GATED = new Set<ConceptId>(['train', 'trainWeak', 'ai']);

// Stems without which the (costly) training patterns of every language cannot
// match; a unit without any of them skips those patterns. Keep in step with the lexicons.
const TRAIN_STEMS = String.raw`train|tun|feed|fed|fuel|teach|learn|licen|lizenz|improv|refin|entrain|nourr|aliment|amelior|forme|futter|speis|verbesser|entren|mejor|nutri|addestr|allen|miglior|voed|verbeter|trein|melhor|aprimor|apprentissage|apprend|aprend|impar|lern|leert|leren|develop|build|power|creat|developp|desarroll|svilupp|ontwikkel|desenvolv|entwickel|construi|costrui|bouw|harvest|grab|hoover|slurp|mine|mining|scrap|use of|utilisation|usage|exploitation|nutzung|verwendung|verarbeitung|uso|utilizzo|gebruik|being used|usen|usan|usem|usam|usare|usino|usano|utilis|utiliz|nutzen|verwenden|gebruiken|exploit|using|uses|makers|companies|firms|giants|labs`;
const PREFILTER: Partial<Record<ConceptId, RegExp>> = {
  train: new RegExp(String.raw`${TRAIN_STEMS}|\b(?:for|pour|dans|fur|zur|zum|para|per|nell|nella|voor|na|no|em|to power|to build)\b`),
  trainWeak: /train|improv|refin|entrain|amelior|verbesser|entren|mejor|addestr|allen|miglior|verbeter|trein|melhor|aprimor|plan|projet|pian/,
};

export function matchUnit(text: string, lang: Lang, isTitle: boolean, folded = fold(text)): Unit {
  const hits = new Map<ConceptId, string>();
  const at = new Map<ConceptId, number>();
  const res = conceptRegexes(lang);
  const gate = passesGate(folded);
  for (const c of CONCEPTS) {
    if (!gate && GATED.has(c)) continue;
    if (c === 'offtopic' && !isTitle) continue; // only the headline's topic is used
    const pre = PREFILTER[c];
    if (pre && !pre.test(folded)) continue;
    const re = res.get(c);
    if (!re) continue;
    re.lastIndex = 0;
    const m = re.exec(folded);
    if (m) {
      hits.set(c, m[0]);
      at.set(c, m.index);
    }
  }
  return { text, folded, isTitle, hits, lang, at };
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
  const fa = u.at?.get(a);
  const fb = u.at?.get(b);
  if (fa !== undefined && fb !== undefined && Math.abs(fa - fb) <= chars) return true;
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

    // Title + first sentence as one unit. Patterns cannot span the " . " between the
    // parts, so its concepts are the union of both (no second matching pass). It is
    // shown with " — ", the same length, so match offsets still line up for quoting.
    const head = units[0];
    const first = units[1];
    if (head?.isTitle && first && ss[0]) {
      const hits = new Map(first.hits);
      for (const [c, p] of head.hits) if (c !== 'offtopic') hits.set(c, p);
      units.push({ text: `${title} — ${ss[0]}`, folded: `${head.folded} . ${first.folded}`, isTitle: false, isLead: true, lang, hits });
    }
  }
  return units;
}
