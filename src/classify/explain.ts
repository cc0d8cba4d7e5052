// Builds the reasons a channel member reads under "why": the rule that fired,
// the concepts it combined with the phrase that matched, and the sentence quoted.
import type { Reason } from '../domain.js';
import { CONCEPT_LABEL } from './lexicon/index.js';
import type { RuleHit, RuleId, Scored } from './scorer.js';

const RULE_TEXT: Record<RuleId, string> = {
  'train+data': "AI training and people's data in the same sentence",
  'weakTrain+data': "training/model improvement and people's data in the same sentence",
  'train+context': 'AI training together with an opt-out, policy, legal or licensing angle',
  'ai+data+context': "AI, people's data and an opt-out, policy, legal or licensing angle together",
  'ai+privacy+action': 'an AI service facing privacy/data-protection action',
  'train+content+context': 'AI training of files, calls, chats or posts, with a denial, opt-out, policy or legal angle',
  'ai+policy+privacy': 'an AI-related terms or policy change with a privacy or opt-out angle',
  'train+personal': "AI training on people's chats, calls, messages or posts",
  'ai+optout+platform': 'an opt-out, objection or deadline about a platform’s AI use',
  'ai+scrape+data': 'AI companies scraping people’s posts or data',
  'ai+content+optout': 'excluding or opting content out of AI models',
  'ai+use+data': 'a headline about AI and using people’s data',
  'ugc+train': 'content of a platform built on user posts used for AI training',
  'ugc+ai+deal': 'a platform of user posts making a deal with an AI company',
};

const GREY_TEXT = {
  copyright: 'grey zone: copyright dispute over AI training (publishers/authors), not users’ personal data',
  crawler: 'grey zone: AI crawlers or scraping of the web',
  face: 'grey zone: facial-recognition scraping',
} as const;

export function quote(s: string, max = 240): string {
  const t = s.trim();
  return t.length <= max ? t : t.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/**
 * The matched phrase as the feed wrote it (case, accents). Folding keeps string
 * length for precomposed text, so offsets carry over; otherwise show the folded form.
 */
function original(unitText: string, folded: string, phrase: string): string {
  const at = folded.indexOf(phrase);
  if (at < 0 || unitText.length !== folded.length) return phrase;
  return unitText.slice(at, at + phrase.length);
}

function ruleReason(h: RuleHit): Reason[] {
  const out: Reason[] = [{ concept: RULE_TEXT[h.rule], evidence: quote(h.unit.text) }];
  for (const c of h.concepts) {
    const found = h.unit.hits.get(c);
    const phrase = found === undefined ? undefined : original(h.unit.text, h.unit.folded, found);
    if (phrase) out.push({ concept: `${CONCEPT_LABEL[c]}: “${quote(phrase, 60)}”`, evidence: quote(h.unit.text) });
  }
  return out;
}

export function explain(
  s: Scored,
  relevant: boolean,
  named: { platforms: string[]; regulators: string[]; advocacy: string[] },
): Reason[] {
  const reasons: Reason[] = [];
  if (s.best) {
    // Quote the lone sentence when it carries the same rule as the title+lead pair.
    const best = s.best;
    const alone = best.unit.isLead ? s.support.find((h) => h.rule === best.rule && !h.unit.isLead && !h.unit.isTitle) : undefined;
    reasons.push(...ruleReason(alone ? { ...best, unit: alone.unit } : best));
    const second = s.support.find((h) => h.unit !== s.best?.unit);
    if (second) reasons.push({ concept: `also: ${RULE_TEXT[second.rule]}`, evidence: quote(second.unit.text) });
  } else {
    reasons.push({ concept: 'no AI-training-on-people’s-data pattern found', evidence: '' });
  }
  for (const g of s.grey) {
    if (!reasons.some((r) => r.concept === GREY_TEXT[g.kind])) reasons.push({ concept: GREY_TEXT[g.kind], evidence: quote(g.unit.text) });
  }
  if (named.regulators.length) reasons.push({ concept: `regulator: ${named.regulators.join(', ')}`, evidence: '' });
  if (named.advocacy.length) reasons.push({ concept: `advocacy group: ${named.advocacy.join(', ')}`, evidence: '' });
  if (s.offtopicTitle && !relevant) reasons.push({ concept: CONCEPT_LABEL.offtopic, evidence: '' });
  reasons.push({ concept: relevant ? `relevant (score ${s.score})` : `not relevant (score ${s.score})`, evidence: '' });
  return reasons;
}
