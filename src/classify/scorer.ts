// Turns concept hits into a score in 0..1. Points, not learned weights: each rule
// is a pattern a reviewer can read ("AI training and people's data in one
// sentence"), and the sum goes through a logistic so 3 points = 0.5.
import type { ConceptId } from './lexicon/index.js';
import { close, type Unit } from './matcher.js';

export type RuleId =
  | 'train+data'
  | 'weakTrain+data'
  | 'train+context'
  | 'ai+data+context'
  | 'ai+privacy+action'
  | 'ugc+ai+deal'
  | 'ugc+train'
  | 'train+content+context'
  | 'ai+policy+privacy'
  | 'train+personal'
  | 'ai+optout+platform'
  | 'ai+scrape+data'
  | 'ai+content+optout'
  | 'ai+use+data';

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

// Outcry words, all seven languages (folded).
const BACKLASH = /\b(?:backlash|outcry|uproar|anger|furious|fury|criticism|critics|colere|critiques?|polemique|tolle|kritik\w*|empor\w*|shitstorm|criticas?|polemica|critiche|polemiche|kritiek|ophef|boos|revolta|umstritten\w*|controvers\w*|polemiche?|polemicas?)\b/;

const TRAINING_DATA = /training data|trainingsdat|donnees d'entrainement|datos de entrenamiento|dati di addestramento|dados de trein/;

// Formal legal steps (complaints, suits, fines, bans, investigations), as opposed to
// words like "pause" or "stop" that also describe business decisions.
const STRONG_LEGAL = /complain|plainte|beschwerde|denunci|reclam|klacht|queix|lawsuit|\bsue|proces|klage|demanda|causa|rechtszaak|fine|amende|bussgeld|multa|boete|sanc|investig|enquete|ermittl|untersuch|indag|onderzoek|injunction|court|tribunal|gericht|rechter|juiz|\bban|interdi|verbot|prohib|vieta|verbod|proib/;

// Objection/opt-out words that are specific (not just "settings" or "turn off").
const STRONG_OPTOUT = /opt(?:s|ed|ing)?[- ]?out|\bobject(?:s|ed|ing)? to\b|objection|opposi|s'opposer|widersp|bezwaar|oponer|\bopon|opporsi|opporti|\bopor|deadline|by default|par defaut|standardmassig|por defecto|di default|standaard|por padrao|date limite|\bfrist|\bplazo|scadenza|\bprazo|termijn/;

// The noun phrase "AI training" in the seven languages.
const NOMINAL_TRAINING = /\b(?:ai|ia|ki)[- ]training|\btraining (?:of|for) (?:its |the )?ai\b|entrainement (?:de |des |du )?(?:son |ses |l')?(?:ia|modeles)|entrenamiento de (?:su |la )?ia|addestramento (?:dell'|della )?ia|treinamento (?:da |de )?ia|treino (?:da |de )?ia/;
// Terms about AI: "AI terms", "terms … AI".
const AI_TERMS = /\b(?:ai|ia|ki)[- ](?:terms|policy|policies|clause|bedingungen|voorwaarden)\b|\b(?:terms|conditions|termini|termos|terminos|voorwaarden|bedingungen)\b[^.!?;]{0,25}\b(?:ai|ia|ki)\b/;

// Taking one's data out of models: "exclude your data from", "Daten ausschließen".
const EXCLUDE_DATA = /\bexclud\w* (?:\w+ ){0,3}from\b|\bexclure\b|ausschlie\w+|uitsluit\w*|uit te sluiten|escluder\w*|\bexcluir\b/;
// Scraping proper, not just any "bot".
const SCRAPING = /scrap|crawl|harvest|hoover|raspa|aspir|moissonn|rastrea/;

const CONTEXT: ConceptId[] = ['optout', 'policy', 'legal', 'deny', 'deal'];
// "does not train" is already covered by train+data; a denial alone says nothing about whose data.
const STRONG_CONTEXT: ConceptId[] = ['optout', 'policy', 'legal', 'deal'];

function has(u: Unit, c: ConceptId): boolean {
  return u.hits.has(c);
}

interface DocFacts {
  ai: boolean; // an explicit AI mention somewhere in the item
  data: boolean; // people's data somewhere in the item
  watchdog: boolean; // a data-protection authority or advocacy group is named
  meta: boolean; // a Meta service is named: its AI plans are about users' posts by construction
}

function unitRules(u: Unit, doc: DocFacts, dpaInUnit: boolean, ugcInUnit: boolean, metaInUnit: boolean, platformInUnit: boolean): RuleHit[] {
  const out: RuleHit[] = [];
  const ctx = CONTEXT.filter((c) => has(u, c));
  const strongCtx = STRONG_CONTEXT.filter((c) => has(u, c));
  const titleBonus = u.isTitle ? 0.5 : u.isLead ? 0.25 : 0;
  // Co-occurrence must be local: "trained" and "your data" 300 characters apart in
  // one long sentence are usually about different things.
  if (has(u, 'train') && has(u, 'data') && close(u, 'train', 'data', 110)) {
    out.push({ rule: 'train+data', unit: u, points: 3.5 + titleBonus, concepts: ['train', 'data', ...ctx] });
  } else if (
    has(u, 'trainWeak') &&
    has(u, 'data') &&
    // "training" alone is ambiguous (sports, staff); AI or a privacy/policy frame disambiguates.
    (doc.ai || has(u, 'ai') || has(u, 'privacy') || has(u, 'policy') || has(u, 'optout')) &&
    close(u, 'trainWeak', 'data', 80)
  ) {
    out.push({ rule: 'weakTrain+data', unit: u, points: 2.5 + titleBonus, concepts: ['trainWeak', 'data', ...ctx] });
  }
  // Training on people's own communication (chats, calls, messages, posts), even
  // without an owner word: "Claude chats will be used for training".
  if (has(u, 'train') && !has(u, 'data') && has(u, 'personal') && close(u, 'train', 'personal', 60)) {
    out.push({ rule: 'train+personal', unit: u, points: 3 + titleBonus, concepts: ['train', 'personal', ...ctx] });
  }
  if (has(u, 'train') && !has(u, 'data') && has(u, 'content') && ctx.length > 0 && close(u, 'train', 'content', 60)) {
    out.push({ rule: 'train+content+context', unit: u, points: 2.75 + titleBonus, concepts: ['train', 'content', ...ctx] });
  }
  // Training plus an opt-out/policy/legal/licensing angle, when something ties it to
  // people: their data elsewhere in the item, a watchdog, a user-content platform,
  // "training data", or an opt-out (opting out of training is about one's own data).
  if (has(u, 'train') && strongCtx.length > 0 && (doc.data || doc.watchdog || doc.meta || ugcInUnit || has(u, 'optout') || has(u, 'privacy') || TRAINING_DATA.test(u.folded))) {
    out.push({ rule: 'train+context', unit: u, points: 2.25 + titleBonus, concepts: ['train', ...strongCtx] });
  }
  // Meta only with the noun phrase ("Meta's AI training"): "Meta's model was trained on…"
  // is research news, while its AI-training plans are about users' posts.
  if ((ugcInUnit && has(u, 'train')) || (metaInUnit && NOMINAL_TRAINING.test(u.folded))) {
    out.push({ rule: 'ugc+train', unit: u, points: 2.5 + titleBonus, concepts: ['train', ...ctx] });
  }
  // AI companies' bots scraping people's posts (also flagged grey zone).
  if (has(u, 'crawler') && SCRAPING.test(u.hits.get('crawler') ?? '') && has(u, 'ai') && has(u, 'data') && close(u, 'crawler', 'data', 60)) {
    out.push({ rule: 'ai+scrape+data', unit: u, points: 2.5 + titleBonus, concepts: ['crawler', 'ai', 'data'] });
  }
  // Excluding or opting content out of AI models ("exclude your data from global ML models").
  if (has(u, 'ai') && (has(u, 'content') || has(u, 'personal')) && (STRONG_OPTOUT.test(u.folded) || EXCLUDE_DATA.test(u.folded))) {
    out.push({ rule: 'ai+content+optout', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'content', 'optout'] });
  }
  // Headlines often leave "training" implicit: "AI: Meta pauses plan to use Europeans'
  // data", « IA : Meta … projet d'utiliser les données des Européens ». A use verb
  // governing people's data, with AI in the same headline, says the same thing.
  // Named platforms only: "Banks use customer data and AI" is not about training.
  if (u.isTitle && has(u, 'ai') && has(u, 'data') && (platformInUnit || metaInUnit || ugcInUnit) && useGovernsData(u)) {
    out.push({ rule: 'ai+use+data', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'data'] });
  }
  // Legal words alone ("pause", "stop", "warn") are too common next to "AI"; with
  // only them, a privacy or regulator cue is needed too.
  const aiDataCtx = strongCtx.filter((c) => c !== 'legal' || has(u, 'privacy') || dpaInUnit || STRONG_LEGAL.test(u.hits.get('legal') ?? ''));
  if (has(u, 'ai') && has(u, 'data') && aiDataCtx.length > 0) {
    out.push({ rule: 'ai+data+context', unit: u, points: 2 + titleBonus, concepts: ['ai', 'data', ...aiDataCtx] });
  }
  if (has(u, 'ai') && (has(u, 'privacy') || dpaInUnit) && (has(u, 'legal') || dpaInUnit)) {
    out.push({ rule: 'ai+privacy+action', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'privacy', 'legal'] });
  }
  // An AI service changing its terms, framed as a privacy matter ("AI terms after privacy outcry").
  // A backlash over AI terms is, in practice, about rights over users' content.
  if (has(u, 'ai') && has(u, 'policy') && (has(u, 'privacy') || has(u, 'optout') || BACKLASH.test(u.folded) || (platformInUnit && AI_TERMS.test(u.folded)))) {
    out.push({ rule: 'ai+policy+privacy', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'policy', 'privacy', 'optout'] });
  }
  // An opt-out or objection about a platform's AI: Meta/LinkedIn/Reddit-style stories
  // often name the deadline or the setting and leave "training" implicit.
  if (has(u, 'ai') && (ugcInUnit || metaInUnit || dpaInUnit) && STRONG_OPTOUT.test(u.folded)) {
    out.push({ rule: 'ai+optout+platform', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'optout'] });
  }
  // A platform built on user posts striking a deal with an AI company is a content-licensing story.
  if (ugcInUnit && has(u, 'ai') && has(u, 'deal')) {
    out.push({ rule: 'ugc+ai+deal', unit: u, points: 2.5 + titleBonus, concepts: ['ai', 'deal'] });
  }
  return out;
}

export interface UnitFlags {
  dpa: Set<Unit>; // names a data-protection authority or privacy advocacy group
  ugc: Set<Unit>; // names a platform whose value is its users' posts
  meta: Set<Unit>; // names Meta or one of its apps
  platform: Set<Unit>; // names any platform
}

export function score(units: Unit[], signals: DocSignals, flags: UnitFlags): Scored {
  const docConcepts = new Set<ConceptId>();
  for (const u of units) for (const c of u.hits.keys()) docConcepts.add(c);
  const doc: DocFacts = {
    ai: docConcepts.has('ai'),
    data: docConcepts.has('data'),
    watchdog: signals.dataRegulators.length > 0 || signals.advocacy.length > 0,
    meta: signals.platforms.some((p) => p.startsWith('Meta')),
  };

  const hits: RuleHit[] = [];
  const grey: Scored['grey'] = [];
  for (const u of units) {
    hits.push(...unitRules(u, doc, flags.dpa.has(u), flags.ugc.has(u), flags.meta.has(u), flags.platform.has(u)));
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
  const title = units.find((u) => u.isTitle);
  // A watchdog, opt-out or privacy angle in the headline outweighs launch/funding
  // vocabulary ("OpenAI launches a portal to opt out of training").
  const offtopicTitle =
    !!title && title.hits.has('offtopic') && !flags.dpa.has(title) && !(['optout', 'privacy', 'legal'] as ConceptId[]).some((c) => title.hits.has(c));
  const bodyOnly = !!best && !best.unit.isTitle && !best.unit.isLead;
  // A story that mentions training in passing (a feature launch with a privacy aside):
  // the headline must carry some of the topic, not only a company or "AI"…
  const titleOnTopic = !!title && (['train', 'data', 'privacy', 'optout', 'policy', 'legal', 'deal'] as ConceptId[]).some((c) => title.hits.has(c));
  const aside = bodyOnly && !!title && !titleOnTopic;
  // …and then corroboration from the body counts for less.
  points += best ? Math.min(extra, aside ? 0.75 : 1.75) : Math.min(extra, 1);
  const strong = best?.rule === 'train+data' && !bodyOnly;
  if (offtopicTitle && !strong) points -= 1;
  if (aside) {
    // Unless that sentence is itself news: a terms change, an opt-out, a legal step.
    const selfContained = (['optout', 'policy', 'legal'] as ConceptId[]).some((c) => best!.unit.hits.has(c));
    points -= selfContained ? 1 : 1.75;
  }

  const s = 1 / (1 + Math.exp(-(points - 3)));
  return { score: Math.round(s * 1000) / 1000, points, best, support: hits.slice(1), grey, offtopicTitle, docConcepts };
}

// "use" in the seven languages (folded: no accents), as a verb governing what follows.
const USE_VERB =
  /\b(?:use|uses|using|used|tap|taps|tapping|harvest\w*|utilis\w*|exploit\w*|nutz\w*|nutzen|verwend\w*|verwert\w*|usar|usa|usan|usara|usaran|uso|utiliz\w*|usare|usano|usera|sfrutt\w*|gebruik\w*|usam)\b/g;

const AI_WORD = /\b(?:ai|ia|ki|intelligen\w*|artificial\w*|kunstmatige|kunstliche)\b/;

/**
 * True when a use verb takes the people's-data phrase as its object: it stands at
 * most 12 characters before it with no AI word in between ("uses AI to sort your
 * photos" is about a feature, not about using the photos).
 */
function useGovernsData(u: Unit): boolean {
  const phrase = u.hits.get('data');
  if (!phrase) return false;
  const at = u.at?.get('data') ?? u.folded.indexOf(phrase);
  if (at < 0) return false;
  const start = Math.max(0, at - 30);
  const before = u.folded.slice(start, at);
  USE_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  let verbEnd = -1;
  while ((m = USE_VERB.exec(before))) verbEnd = m.index + m[0].length;
  // The object follows the verb closely ("use Europeans' data", « utiliser les données »);
  // "used ChatGPT to rewrite my text" has the tool, not the text, as its object.
  if (verbEnd >= 0 && before.length - verbEnd <= 12 && !AI_WORD.test(before.slice(verbEnd))) return true;
  // German and Dutch put the verb last: "Daten seiner Mitglieder nutzen", "gegevens gebruiken".
  const after = u.folded.slice(at + phrase.length, at + phrase.length + 16);
  const verbLast = /^\s*(?:\S+\s+)?(?:zu\s+)?(nutz\w*|verwend\w*|verwert\w*|gebruik\w*)\b/.exec(after);
  return verbLast !== null && !AI_WORD.test(verbLast[0]);
}
