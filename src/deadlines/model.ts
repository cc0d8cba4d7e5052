// Deadlines as data: every "act before" date the knowledge base knows and
// every one a relevant story announces, one record per platform and day, with
// the stories (or KB entry) that announced it. Reminders and /radar deadlines
// read these records.
import type { Story } from '../domain.js';
import type { Store } from '../store/store.js';
import { getKb, localize, type Kb } from '../kb/index.js';
import { extractDates, extractRegions } from '../compose/facts.js';
import { splitSentences } from '../compose/sentences.js';
import { escapeRegExp, fold } from '../compose/text.js';
import { entriesOfStory, nameMatcher, platformKey, storyText } from './platforms.js';

export const DEADLINES_NS = 'deadlines';

export interface DeadlineSource {
  kind: 'kb' | 'story';
  /** The story that announced it (kind "story"). */
  storyId?: string;
  title: string;
  link?: string;
  lang?: string;
  score?: number;
  greyZone?: boolean;
  /** The words of the story that gave the date, e.g. "à partir du 3 novembre 2025". */
  quote?: string;
  seenAt: string;
}

export interface DeadlineRecord {
  /** `${platformId}:${date}`: one deadline per platform and day, whoever announced it. */
  id: string;
  /** KB id, or the folded platform name when the KB does not know the platform. */
  platformId: string;
  platform: string;
  /** YYYY-MM-DD: act before this day. */
  date: string;
  /** Regions it applies to; empty = no source named any. */
  regions: string[];
  /** "deadline": the text says "before/until"; "start": the use starts that day (object before it). */
  kind: 'deadline' | 'start';
  event?: string;
  sources: DeadlineSource[];
  createdAt: string;
  updatedAt: string;
}

export interface DeadlineOptions {
  kb?: Kb;
  now?: Date;
}

const DAY_MS = 86_400_000;

export function deadlineId(platformId: string, date: string): string {
  return `${platformId}:${date}`;
}

/** Whole days from `today` (YYYY-MM-DD) to `date` (YYYY-MM-DD). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);

/** The KB's own deadlines (keyDates marked `deadline`, to the day). */
export function kbDeadlines(kb: Kb = getKb(), now = new Date()): DeadlineRecord[] {
  const t = now.toISOString();
  const out: DeadlineRecord[] = [];
  for (const e of kb.platforms) {
    for (const k of e.keyDates) {
      if (!k.deadline || !isDay(k.date)) continue;
      out.push({
        id: deadlineId(e.id, k.date),
        platformId: e.id,
        platform: e.name,
        date: k.date,
        regions: [...(k.regions ?? [])].sort(),
        kind: 'deadline',
        event: localize(k.event, 'en'),
        sources: [{ kind: 'kb', title: `knowledge base: ${e.id}.json (verified ${e.lastVerified})`, seenAt: t }],
        createdAt: t,
        updatedAt: t,
      });
    }
  }
  return out;
}

// Cues on folded text. A date is an objection deadline when its sentence talks
// about objecting/opting out, or (for start dates) about the data being used.
const OBJECT_CUE =
  /\b(object\w*|opt(?:[- ])?out|refus\w*|oppos\w*|widersp\w*|oponer\w*|oposici\w*|opporsi|opposizion\w*|bezwaar|opor|oposic\w*)\b/;
const USE_CUE =
  /\b(train\w*|use|uses|using|will use|utilis\w*|entrain\w*|exploit\w*|nutz\w*|verwend\w*|trainier\w*|usar\w*|utiliz\w*|entren\w*|addestr\w*|usare|usera\w*|gebruik\w*|trein\w*)\b/;
// A start date of a pause or a stop is not something to act before.
const STOP_CUE =
  /\b(paus\w*|halt\w*|stop\w*|suspen\w*|no longer|will not|won't|n'utilisera (?:pas|plus)|cesse\w*|arret\w*|nicht mehr|dejara de|smettera|stopt)\b/;

export interface StoryDeadline {
  platformId: string;
  platform: string;
  date: string;
  regions: string[];
  kind: 'deadline' | 'start';
  quote: string;
}

function storyRef(story: Story, now: Date): Date {
  const d = new Date(story.published ?? story.firstSeen ?? now.toISOString());
  return Number.isNaN(d.getTime()) ? now : d;
}

/** Deadlines a relevant story states, attributed to the platforms its sentences name. */
export function extractStoryDeadlines(story: Story, opts: DeadlineOptions = {}): StoryDeadline[] {
  const decision = story.decision;
  if (!decision?.relevant) return [];
  const kb = opts.kb ?? getKb();
  const now = opts.now ?? new Date();
  const entries = entriesOfStory(story, kb);
  // Platforms the KB does not know still get their deadlines, under their own name.
  const known = new Set(entries.map((e) => e.name));
  const targets = [
    ...entries.map((e) => ({ id: e.id, name: e.name, re: nameMatcher(e) })),
    ...decision.platforms
      .filter((p) => !known.has(p) && !entries.some((e) => nameMatcher(e).test(fold(p))))
      .map((p) => ({ id: platformKey(p), name: p, re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(fold(p))}(?![\\p{L}\\p{N}])`, 'u') })),
  ];
  if (!targets.length) return [];
  const text = storyText(story);
  const ref = storyRef(story, now);
  const whole = extractRegions(text);
  const storyRegions = [...new Set([...whole.included, ...decision.regions.map((r) => r.toUpperCase())])].filter((r) => !whole.excluded.includes(r));
  const out: StoryDeadline[] = [];
  const seen = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const f = fold(sentence);
    const mentions = extractDates(sentence, ref).filter((m) => m.date && isDay(m.date));
    if (!mentions.length) continue;
    const named = targets.filter((t) => t.re.test(f));
    const who = named.length ? named : targets.length === 1 ? targets : [];
    if (!who.length) continue;
    const local = extractRegions(sentence);
    const regions = local.included.length ? local.included : storyRegions;
    for (const m of mentions) {
      const ok = m.kind === 'deadline' ? OBJECT_CUE.test(f) || USE_CUE.test(f) : USE_CUE.test(f) && !STOP_CUE.test(f);
      if (!ok) continue;
      for (const t of who) {
        const key = `${t.id}:${m.date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ platformId: t.id, platform: t.name, date: m.date!, regions: [...regions].sort(), kind: m.kind, quote: m.quote });
      }
    }
  }
  return out;
}

function deadlinesNs(store: Store) {
  return store.ns<DeadlineRecord>(DEADLINES_NS);
}

/** Adds a record's facts to what is stored; writes only when something is new. */
async function merge(store: Store, rec: DeadlineRecord): Promise<[DeadlineRecord, boolean]> {
  const ns = deadlinesNs(store);
  const prev = await ns.get(rec.id);
  if (!prev) {
    await ns.set(rec.id, rec);
    return [rec, true];
  }
  const sameSource = (a: DeadlineSource, b: DeadlineSource) => a.kind === b.kind && (a.kind === 'kb' || a.storyId === b.storyId);
  const newSources = rec.sources.filter((s) => !prev.sources.some((p) => sameSource(p, s)));
  // A source that names no region adds none (it does not say "everyone").
  const mergedRegions = [...new Set([...prev.regions, ...rec.regions])].sort();
  const kind = prev.kind === 'deadline' || rec.kind === 'deadline' ? 'deadline' : 'start';
  const changed = newSources.length > 0 || mergedRegions.join() !== prev.regions.join() || kind !== prev.kind || (!prev.event && !!rec.event);
  if (!changed) return [prev, false];
  const next: DeadlineRecord = {
    ...prev,
    regions: mergedRegions,
    kind,
    ...(prev.event ?? rec.event ? { event: prev.event ?? rec.event } : {}),
    sources: [...prev.sources, ...newSources],
    updatedAt: rec.updatedAt,
  };
  await ns.set(rec.id, next);
  return [next, true];
}

export function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

async function nearbyDate(store: Store, kbIds: Set<string>, platformId: string, date: string): Promise<string | undefined> {
  for (const day of [date, shiftDay(date, 1), shiftDay(date, -1)]) {
    const id = deadlineId(platformId, day);
    if (kbIds.has(id) || (await deadlinesNs(store).get(id))) return day;
  }
  return undefined;
}

/** Stores the deadlines a relevant story announces; returns the records it touched. */
export async function recordStoryDeadlines(store: Store, story: Story, opts: DeadlineOptions = {}): Promise<DeadlineRecord[]> {
  const now = opts.now ?? new Date();
  const t = now.toISOString();
  const found = extractStoryDeadlines(story, { ...opts, now });
  const out: DeadlineRecord[] = [];
  const kbIds = new Set(kbDeadlines(opts.kb, now).map((r) => r.id));
  for (const d of found) {
    // "until 26 May" and "before 27 May" are one deadline: join a record a day either side.
    const date = (await nearbyDate(store, kbIds, d.platformId, d.date)) ?? d.date;
    const source: DeadlineSource = {
      kind: 'story',
      storyId: story.id,
      title: story.title,
      ...(story.link ? { link: story.link } : {}),
      lang: story.decision?.lang ?? story.lang ?? 'en',
      score: story.decision?.score ?? 0,
      greyZone: story.decision?.greyZone ?? false,
      quote: d.quote,
      seenAt: t,
    };
    const [rec] = await merge(store, {
        id: deadlineId(d.platformId, date),
        platformId: d.platformId,
        platform: d.platform,
        date,
        regions: d.regions,
        kind: d.kind,
        sources: [source],
        createdAt: t,
        updatedAt: t,
      });
    out.push(rec);
  }
  return out;
}

/** Writes the KB's deadlines into the store; running it again changes nothing. */
export async function seedKbDeadlines(store: Store, opts: DeadlineOptions = {}): Promise<number> {
  let n = 0;
  for (const rec of kbDeadlines(opts.kb, opts.now)) {
    const [, changed] = await merge(store, rec);
    if (changed) n++;
  }
  return n;
}

/** Every known deadline (stored, plus KB ones not yet seeded), by date. */
export async function allDeadlines(store: Store, opts: DeadlineOptions = {}): Promise<DeadlineRecord[]> {
  const byId = new Map<string, DeadlineRecord>();
  for (const r of await deadlinesNs(store).values()) byId.set(r.id, r);
  for (const r of kbDeadlines(opts.kb, opts.now)) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || a.platform.localeCompare(b.platform));
}

/** Deadlines still ahead of `now` (the deadline day itself is past: "before" it). */
export async function upcomingDeadlines(store: Store, opts: DeadlineOptions = {}): Promise<DeadlineRecord[]> {
  const today = (opts.now ?? new Date()).toISOString().slice(0, 10);
  return (await allDeadlines(store, opts)).filter((d) => d.date > today);
}
