// Turns concept hits into a score in 0..1. Points, not learned weights: each rule
// is a pattern a reviewer can read ("AI training and people's data in one
// sentence"), and the sum goes through a logistic so 3 points = 0.5.
import type { ConceptId } from './lexicon/index.js';
import type { Unit } from './matcher.js';

export type RuleId =
  | 'train+data'
  | 'weakTrain+data'
  | 'train+context'
  | 'ai+data+context'
  | 'ai+privacy+action'
  | 'ugc+ai+deal';

export interface RuleHit {
  rule: RuleId;
  unit: Unit;
  points: number;
  concepts: ConceptId[];
}

export interface DocSignals {
  platforms: string[];
  dataRegulators: string[]; // data-protection authorities (not FTC / Commission)
  advocacy: string[];
}

export interface Scored {
  score: number;
  points: number;
  best?: RuleHit;
  support: RuleHit[];
  grey: { kind: 'copyright' | 'crawler' | 'face'; unit: Unit }[];
  offtopicTitle: boolean;
  docConcepts: Set<ConceptId>;
}

const CONTEXT: ConceptId[] = ['optout', 'policy', 'legal', 'deny', 'deal'];

function has(u: Unit, c: ConceptId): boolean {
  return u.hits.has(c);
}

function unitRules(u: Unit, docAi: boolean, dpaInUnit: boolean, ugcInUnit: boolean): RuleHit[] {
  const out: RuleHit[] = [];
  const ctx = CONTEXT.filter((c) => has(u, c));
  const titleBonus = u.isTitle ? 0.5 : 0;
  if (has(u, 'train') && has(u, 'data')) {
    out.push({ rule: 'train+data', unit: u, points: 3.5 + titleBonus, concepts: ['train', 'data', ...ctx] });
  } else if (has(u, 'trainWeak') && has(u, 'data') && (docAi || has(u, 'ai'))) {
    out.push({ rule: 'weakTrain+data', unit: u, points: 2.5 + titleBonus, concepts: ['trainWeak', 'data', ...ctx] });
  }
  if (has(u, 'train') && ctx.length > 0) {
    out.push({ rule: 'train+context', unit: u, points: 2.25 + titleBonus, concepts: ['train', ...ctx] });
  }
  if (has(u, 'ai') && has(u, 'data') && ctx.length > 0) {
    out.push({ rule: 'ai+data+context', unit: u, points: 2 + titleBonus, concepts: ['ai', 'data', ...ctx] });
  }
  if (has(u, 'ai') && (has(u, 'privacy') || dpaInUnit) && (has(u, 'legal') || dpaInUnit)) {
    out.push({ rule: 'ai+privacy+action', unit: u, points: 2.25 + titleBonus, concepts: ['ai', 'privacy', 'legal'] });
  }
  // A platform built on user posts striking a deal with an AI company is a content-licensing story.
  if (ugcInUnit && has(u, 'ai') && has(u, 'deal')) {
    out.push({ rule: 'ugc+ai+deal', unit: u, points: 2.25 + titleBonus, concepts: ['ai', 'deal'] });
  }
  return out;
}

export interface UnitFlags {
  dpa: Set<Unit>; // names a data-protection authority
  ugc: Set<Unit>; // names a platform whose value is its users' posts
}

export function score(units: Unit[], signals: DocSignals, flags: UnitFlags): Scored {
  const docConcepts = new Set<ConceptId>();
  for (const u of units) for (const c of u.hits.keys()) docConcepts.add(c);
  const docAi = docConcepts.has('ai') || docConcepts.has('train');

  const hits: RuleHit[] = [];
  const grey: Scored['grey'] = [];
  for (const u of units) {
    hits.push(...unitRules(u, docAi, flags.dpa.has(u), flags.ugc.has(u)));
    const aiish = has(u, 'ai') || has(u, 'train');
    if (has(u, 'copyright') && aiish && (has(u, 'train') || has(u, 'legal'))) grey.push({ kind: 'copyright', unit: u });
    if (has(u, 'crawler') && aiish) grey.push({ kind: 'crawler', unit: u });
    if (has(u, 'face')) grey.push({ kind: 'face', unit: u });
  }
  hits.sort((a, b) => b.points - a.points);
  const best = hits[0];

  let points = best ? best.points : 0;
  // Corroboration from elsewhere in the item, capped so it cannot carry a story alone.
  let extra = 0;
  if (docConcepts.has('train') && best?.rule !== 'train+data' && best?.rule !== 'train+context') extra += 0.5;
  if (docConcepts.has('data') && !best?.concepts.includes('data')) extra += 0.3;
  extra += 0.25 * Math.min(3, CONTEXT.filter((c) => docConcepts.has(c)).length);
  if (hits.length > 1) extra += 0.25 * Math.min(2, hits.length - 1);
  if (signals.platforms.length) extra += 0.25;
  if (signals.dataRegulators.length) extra += 0.5;
  if (signals.advocacy.length) extra += 0.5;
  points += best ? Math.min(extra, 1.75) : Math.min(extra, 1);

  const title = units.find((u) => u.isTitle);
  const offtopicTitle = !!title && title.hits.has('offtopic');
  const strong = best?.rule === 'train+data';
  if (offtopicTitle && !strong) points -= 1;
  // A long article that mentions training in passing: the title must point at the topic.
  if (title && best && !best.unit.isTitle) {
    const titleOnTopic = ['train', 'trainWeak', 'ai', 'data', 'privacy', 'optout', 'policy', 'legal', 'deny', 'deal'].some((c) =>
      title.hits.has(c as ConceptId),
    ) || signals.platforms.length > 0;
    if (!titleOnTopic) points -= 1;
  }

  const s = 1 / (1 + Math.exp(-(points - 3)));
  return { score: Math.round(s * 1000) / 1000, points, best, support: hits.slice(1), grey, offtopicTitle, docConcepts };
}
