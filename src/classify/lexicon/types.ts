// Concepts the classifier looks for. Each language lexicon lists regex sources
// for some of them, written against folded text (see normalize.fold).

export type ConceptId =
  | 'train' // explicit: training / fine-tuning / feeding AI models
  | 'trainWeak' // "train", "training", "improve its models": only counts next to people's data
  | 'ai' // any mention of AI, a model or an assistant
  | 'data' // people's data or content: posts, chats, photos, voice, personal data …
  | 'content' // bare content nouns (files, calls, chats, documents): only counts next to explicit training
  | 'personal' // the subset that is people's own communication (chats, calls, messages, posts), never generic datasets
  | 'privacy' // privacy / data-protection framing
  | 'optout' // opt-out, objection, consent, turning a setting off
  | 'policy' // terms of service / privacy policy changes
  | 'legal' // regulators, complaints, lawsuits, bans, orders, fines
  | 'deny' // denial, admission or clarification ("does not train on …", "confirms it uses …")
  | 'deal' // licensing or paying for content/data access
  | 'copyright' // grey zone: publishers' / authors' copyright fights
  | 'crawler' // grey zone: AI crawlers, scraping, robots.txt
  | 'face' // grey zone: facial-recognition scraping
  | 'offtopic'; // launches, funding, chips, breaches, cookies: lowers weak evidence

export type Lexicon = Partial<Record<ConceptId, string[]>>;

/** Words a channel member understands, used in reasons. */
export const CONCEPT_LABEL: Record<ConceptId, string> = {
  train: 'AI training',
  trainWeak: 'training / model improvement',
  ai: 'AI',
  data: "people's data or content",
  content: 'files, calls, chats or documents',
  personal: "people's chats, calls, messages, posts or files",
  privacy: 'privacy / data protection',
  optout: 'opt-out, objection or consent',
  policy: 'terms or privacy-policy change',
  legal: 'regulator, complaint or court action',
  deny: 'denial, admission or clarification',
  deal: 'content licensing or paid data access',
  copyright: 'copyright dispute (grey zone)',
  crawler: 'AI crawlers / scraping (grey zone)',
  face: 'facial-recognition scraping (grey zone)',
  offtopic: 'other topic (launch, funding, chips, breach…)',
};
