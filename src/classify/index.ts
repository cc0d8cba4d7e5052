// Classifier entry point (issue 4, SPEC §2): is this item about AI being trained
// on people's data? Synchronous, deterministic, offline: lexicons per language,
// sentence-level concept co-occurrence, a points score, quoted reasons.
import type { Decision } from '../domain.js';
import type { Alias } from './entities.js';
import { anyMatch, findAll, PLATFORMS, REGULATORS, REGIONS, ADVOCACY, UGC_PLATFORMS } from './entities.js';
import { explain } from './explain.js';
import { detectLang } from './lang.js';
import { splitUnits, type Unit } from './matcher.js';
import { fold, stripHtml, tidy, unaccent } from './normalize.js';
import { score } from './scorer.js';
import { passesGate } from './gate.js';

export interface ClassifyInput {
  id?: string;
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  lang?: string;
}

export const DEFAULT_THRESHOLD = 0.5;

// Authorities whose remit is data protection: naming one counts as a privacy angle.
const NOT_DPA = new Set(['FTC', 'European Commission']);

const WATCHDOG_ALIASES = [...REGULATORS.filter((a) => !NOT_DPA.has(a.name)), ...ADVOCACY];
const UGC_ALIASES = PLATFORMS.filter((a) => UGC_PLATFORMS.has(a.name));
const META_ALIASES = PLATFORMS.filter((a) => a.name.startsWith('Meta'));

function markUnits(units: Unit[], aliases: Alias[], into: Set<Unit>): void {
  for (const u of units) if (anyMatch(aliases, unaccent(u.text))) into.add(u);
}

function clean(s: string | undefined): string {
  return s ? tidy(stripHtml(s)) : '';
}

/** Drop bare "Meta" when a Meta product is named: the product is the useful part. */
function canonicalPlatforms(found: string[]): string[] {
  const hasProduct = found.some((p) => p.startsWith('Meta ('));
  return found.filter((p) => !(p === 'Meta' && hasProduct));
}

export function classify(input: ClassifyInput, opts: { threshold?: number } = {}): Decision {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const title = clean(input.title);
  const summary = clean(input.summary);
  const content = clean(input.content);
  // Feeds often repeat the summary as the start of the content.
  const body = content && summary && content.startsWith(summary.slice(0, 80)) ? content : [summary, content].filter(Boolean).join(' . ');
  const all = body ? `${title} . ${body}` : title;
  const sample = all.length > 1500 ? all.slice(0, 1500) : all;
  const foldedSample = fold(sample);
  const lang = detectLang(sample, foldedSample, input.lang);

  // Items with no AI or training word anywhere cannot match a rule: skip the matching.
  const capped = all.length > 4000 ? all.slice(0, 4000) : all;
  const units = passesGate(all.length > 1500 ? fold(capped) : foldedSample) ? splitUnits(title, body, lang) : [];
  const raw = unaccent(capped);
  const platforms = canonicalPlatforms(findAll(PLATFORMS, raw));
  const regulators = findAll(REGULATORS, raw);
  const regions = findAll(REGIONS, raw);
  const advocacy = findAll(ADVOCACY, raw);
  const dataRegulators = regulators.filter((r) => !NOT_DPA.has(r));

  const flags = { dpa: new Set<Unit>(), ugc: new Set<Unit>(), meta: new Set<Unit>(), platform: new Set<Unit>() };
  // Data-protection authorities and privacy advocacy groups both give a sentence a privacy angle.
  if (dataRegulators.length || advocacy.length) markUnits(units, WATCHDOG_ALIASES, flags.dpa);
  if (platforms.some((p) => UGC_PLATFORMS.has(p))) markUnits(units, UGC_ALIASES, flags.ugc);
  if (platforms.some((p) => p.startsWith('Meta'))) markUnits(units, META_ALIASES, flags.meta);
  if (platforms.length) markUnits(units, PLATFORMS, flags.platform);

  const s = score(units, { platforms, dataRegulators, advocacy }, flags);
  const relevant = s.score >= threshold;
  return {
    relevant,
    score: s.score,
    lang,
    platforms,
    regulators,
    regions,
    greyZone: s.grey.length > 0,
    reasons: explain(s, relevant, { platforms, regulators, advocacy }),
  };
}
