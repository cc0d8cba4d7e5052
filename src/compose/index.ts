// Builds the platform-neutral Alert for a story (SPEC §5): headline, extractive
// summary in the story's language, who is affected, KB guides plus the
// article's own steps, deadline, past-training note, sources and footer.
// Fixed labels follow the channel language (opts.lang).
import type { Alert, Decision, Story } from '../domain.js';
import { findPlatform, formatDate, getKb, regionName } from '../kb/index.js';
import { extractDates, extractRegions } from './facts.js';
import { entriesFor, guidesFor, stateLines } from './guides.js';
import { fill, labelsFor, type Labels } from './labels/index.js';
import { extractSteps } from './steps.js';
import { summarise } from './summary.js';
import { collapse, cutAtWord } from './text.js';

export { summarise } from './summary.js';
export { splitSentences } from './sentences.js';
export { extractSteps } from './steps.js';
export { extractDates, extractRegions } from './facts.js';
export { labelsFor, supportedLabelLangs } from './labels/index.js';

const HEADLINE_MAX = 200;

function storyText(story: Story): string {
  // content is the fuller text; the feed summary is used when there is none.
  return story.content?.trim() || story.summary?.trim() || '';
}

function keywordsFor(decision: Decision): string[] {
  const words = [...decision.regulators];
  for (const p of decision.platforms) {
    words.push(p);
    const inner = /\(([^)]+)\)/.exec(p)?.[1];
    if (inner) words.push(inner);
    const e = findPlatform(p);
    if (e) words.push(e.name, ...e.aliases.filter((a) => a.length > 2));
  }
  return words;
}

const REGION_ORDER = ['GLOBAL', 'EU', 'EEA', 'UK', 'CH', 'US'];

function listRegions(codes: string[], lang: string): string {
  const rank = (c: string) => (REGION_ORDER.includes(c) ? REGION_ORDER.indexOf(c) : REGION_ORDER.length);
  return [...codes]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((c) => regionName(c, lang))
    .join(', ');
}

function hostOf(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function deadlineLine(
  text: string,
  ref: Date,
  now: Date,
  entries: ReturnType<typeof entriesFor>,
  lang: string,
  L: Labels,
): string | undefined {
  const dates = extractDates(text, ref);
  const parts: string[] = [];
  // Deadlines first: they are what a reader must act on.
  const ordered = [...dates.filter((d) => d.kind === 'deadline'), ...dates.filter((d) => d.kind === 'start')];
  for (const d of ordered.slice(0, 2)) {
    const when = d.date ? formatDate(d.date, lang) : d.quote;
    const head = fill(d.kind === 'deadline' ? L.deadlineBefore : L.startsOn, { date: when });
    parts.push(`${head} (${fill(L.perArticle, { quote: d.quote })})`);
  }
  if (parts.length) return parts.join(' · ');
  // Otherwise a KB deadline that is still ahead.
  const today = now.toISOString().slice(0, 10);
  for (const e of entries) {
    const k = e.keyDates.find((kd) => kd.deadline && kd.date >= today);
    if (k) return `${e.name}: ${fill(L.deadlineBefore, { date: formatDate(k.date, lang) })}`;
  }
  return undefined;
}

function pastTrainingLine(guides: Alert['guides'], L: Labels): string | undefined {
  if (!guides.length) return undefined;
  const known = guides.filter((g) => g.undoesPastTraining === false || g.undoesPastTraining === true);
  if (!known.length) return L.pastUnknown;
  if (known.every((g) => g.undoesPastTraining === false)) {
    return known.length === guides.length ? L.pastNotUndone : `${known.map((g) => g.platform).join(', ')}: ${L.pastNotUndone}`;
  }
  return guides
    .map((g) => `${g.platform}: ${g.undoesPastTraining === true ? L.pastUndone : g.undoesPastTraining === false ? L.pastNotUndone : L.pastUnknown}`)
    .join(' ');
}

export function composeAlert(story: Story, decision: Decision, opts: { lang?: string; now?: Date } = {}): Alert {
  getKb(); // fail early (and clearly) on a broken knowledge base
  const { lang, labels: L } = labelsFor(opts.lang);
  const now = opts.now ?? new Date();
  const ref = story.published ? new Date(story.published) : new Date(story.firstSeen || now);
  const refDate = Number.isNaN(ref.getTime()) ? now : ref;

  const body = storyText(story);
  const storyLang = decision.lang || story.lang || 'en';
  const summary = summarise(body, { title: story.title, keywords: keywordsFor(decision) });

  const fullText = `${story.title}.\n${body}`;
  const regions = extractRegions(fullText);
  const included = [...new Set([...regions.included, ...decision.regions.map((r) => r.toUpperCase())])].filter(
    (r) => !regions.excluded.includes(r),
  );

  const entries = entriesFor(decision.platforms, fullText);
  const guides = guidesFor(entries, lang);

  const affected: string[] = [];
  if (included.length) affected.push(fill(L.inStory, { list: listRegions(included, lang) }));
  if (regions.excluded.length) affected.push(fill(L.excludedInStory, { list: listRegions(regions.excluded, lang) }));
  const statedDates = extractDates(fullText, refDate).flatMap((d) => (d.date ? [d.date] : []));
  affected.push(
    ...stateLines(entries, { included, excluded: regions.excluded, dates: statedDates, ...(story.published ? { published: story.published } : {}) }, lang, L),
  );

  const attribution = story.sources[0]?.sourceName ?? hostOf(story.link) ?? story.id;
  const articleSteps = extractSteps(body, storyLang).map((quote) => ({
    quote,
    source: attribution,
    ...(story.link ? { link: story.link } : {}),
  }));

  const deadline = deadlineLine(fullText, refDate, now, entries, lang, L);
  const pastTraining = pastTrainingLine(guides, L);

  const seen = new Set<string>();
  const sources: Alert['sources'] = [];
  for (const s of story.sources) {
    const key = s.link ?? `${s.sourceName}|${s.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ name: s.sourceName, title: collapse(s.title), ...(s.link ? { link: s.link } : {}) });
  }
  if (!sources.length && story.link) sources.push({ name: hostOf(story.link) ?? story.link, title: collapse(story.title), link: story.link });

  return {
    storyId: story.id,
    lang,
    headline: cutAtWord(collapse(story.title), HEADLINE_MAX),
    summary,
    affected,
    guides,
    articleSteps,
    ...(deadline ? { deadline } : {}),
    ...(pastTraining ? { pastTraining } : {}),
    sources,
    footer: { score: Math.round(decision.score * 100) / 100, storyId: story.id, why: fill(L.why, { id: story.id }) },
    labels: { ...L },
  };
}
