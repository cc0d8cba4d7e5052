// Knowledge-base freshness: stories that contradict a guide mark it "may be
// out of date since <story>" (stored per platform, with every story that
// triggered it), and guides not verified for KB_STALE_DAYS are marked too.
// Moving a guide's `lastVerified` past a mark's date clears the mark: that is
// what an operator does after re-checking.
import type { Story } from '../domain.js';
import type { Store } from '../store/store.js';
import { formatDate, getKb, type Kb, type PlatformEntry } from '../kb/index.js';
import { entriesOfStory, kbIndex, sentencesAbout } from '../deadlines/platforms.js';
import { daysUntil } from '../deadlines/model.js';
import { contradictions, kindLabel, type FreshnessKind } from './detect.js';

export { contradictions, kindLabel, type Finding, type FreshnessKind } from './detect.js';

export const FRESHNESS_NS = 'freshness';
export const DEFAULT_STALE_DAYS = 180;

export interface FreshnessMark {
  kind: FreshnessKind;
  detail: string;
  evidence: string;
  storyId: string;
  storyTitle: string;
  storyLink?: string;
  published?: string;
  markedAt: string;
}

export interface FreshnessRecord {
  platformId: string;
  platform: string;
  marks: FreshnessMark[];
}

export interface GuideFreshness {
  platformId: string;
  platform: string;
  lastVerified: string;
  /** Days since the last verification, when more than the allowed age. */
  staleDays?: number;
  /** Open marks (made after the last verification), oldest first. */
  marks: FreshnessMark[];
}

export interface FreshnessOptions {
  kb?: Kb;
  now?: Date;
  /** KB_STALE_DAYS; default 180. */
  staleDays?: number;
}

/** KB_STALE_DAYS as the validated configuration has it, for readers that get no config (status page, /optout). */
export function staleDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.KB_STALE_DAYS);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_STALE_DAYS;
}

function ns(store: Store) {
  return store.ns<FreshnessRecord>(FRESHNESS_NS);
}

/** Marks every guide a relevant story contradicts; returns the new marks (none when the story agrees). */
export async function checkFreshness(store: Store, story: Story, opts: FreshnessOptions = {}): Promise<FreshnessMark[]> {
  if (!story.decision?.relevant) return [];
  const kb = opts.kb ?? getKb();
  const now = opts.now ?? new Date();
  const entries = entriesOfStory(story, kb);
  const added: FreshnessMark[] = [];
  for (const entry of entries) {
    const sentences = sentencesAbout(entry, story, entries);
    if (!sentences.length) continue;
    const findings = contradictions(entry, story, sentences, { kb, now });
    if (!findings.length) continue;
    const prev = (await ns(store).get(entry.id)) ?? { platformId: entry.id, platform: entry.name, marks: [] };
    const fresh: FreshnessMark[] = [];
    for (const f of findings) {
      if (prev.marks.some((m) => m.storyId === story.id && m.kind === f.kind && m.detail === f.detail)) continue;
      fresh.push({
        ...f,
        storyId: story.id,
        storyTitle: story.title,
        ...(story.link ? { storyLink: story.link } : {}),
        ...(story.published ? { published: story.published } : {}),
        markedAt: now.toISOString(),
      });
    }
    if (!fresh.length) continue;
    await ns(store).set(entry.id, { platformId: entry.id, platform: entry.name, marks: [...prev.marks, ...fresh] });
    added.push(...fresh);
  }
  return added;
}

function assess(entry: Pick<PlatformEntry, 'id' | 'name' | 'lastVerified'>, rec: FreshnessRecord | undefined, now: Date, staleDays: number): GuideFreshness {
  const verified = entry.lastVerified.length === 7 ? `${entry.lastVerified}-01` : entry.lastVerified.length === 4 ? `${entry.lastVerified}-01-01` : entry.lastVerified;
  const age = -daysUntil(verified, now.toISOString().slice(0, 10));
  const marks = (rec?.marks ?? []).filter((m) => m.markedAt.slice(0, 10) >= verified).sort((a, b) => a.markedAt.localeCompare(b.markedAt));
  return { platformId: entry.id, platform: entry.name, lastVerified: entry.lastVerified, ...(age > staleDays ? { staleDays: age } : {}), marks };
}

/** Freshness of every guide in the KB, in KB order, the website owners' guide last. */
export async function guideFreshness(store: Store, opts: FreshnessOptions = {}): Promise<GuideFreshness[]> {
  const kb = opts.kb ?? getKb();
  const now = opts.now ?? new Date();
  const staleDays = opts.staleDays ?? staleDaysFromEnv();
  const recs = new Map((await ns(store).values()).map((r) => [r.platformId, r]));
  // The website owners' guide (/optout website) ages like the others; stories never map to it.
  return [...kb.platforms, kb.website].map((e) => assess(e, recs.get(e.id), now, staleDays));
}

/** Freshness of one guide by any of its names; undefined when the KB does not know it. */
export async function freshnessOf(store: Store, platform: string, opts: FreshnessOptions = {}): Promise<GuideFreshness | undefined> {
  const kb = opts.kb ?? getKb();
  const entry = kbIndex(kb).find(platform);
  if (!entry) return undefined;
  return assess(entry, await ns(store).get(entry.id), opts.now ?? new Date(), opts.staleDays ?? staleDaysFromEnv());
}

export const needsCheck = (g: GuideFreshness) => g.marks.length > 0 || g.staleDays !== undefined;

/** The marks grouped by what they say, each with the stories that said it. */
export function groupMarks(marks: FreshnessMark[]): { kind: FreshnessKind; detail: string; stories: FreshnessMark[] }[] {
  const groups = new Map<string, { kind: FreshnessKind; detail: string; stories: FreshnessMark[] }>();
  for (const m of marks) {
    const key = `${m.kind}|${m.detail}`;
    const g = groups.get(key) ?? { kind: m.kind, detail: m.detail, stories: [] };
    if (!g.stories.some((s) => s.storyId === m.storyId)) g.stories.push(m);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** One warning paragraph for /optout, or undefined when the guide is fresh. */
export function freshnessWarning(g: GuideFreshness | undefined, lang = 'en'): string | undefined {
  if (!g || !needsCheck(g)) return undefined;
  const fr = lang === 'fr';
  const lines: string[] = [];
  const first = g.marks[0];
  if (first) {
    lines.push(
      fr
        ? `⚠️ Ce guide est peut-être dépassé depuis « ${first.storyTitle} » (/radar why ${first.storyId}). À vérifier :`
        : `⚠️ This guide may be out of date since “${first.storyTitle}” (/radar why ${first.storyId}). To re-check:`,
    );
    for (const grp of groupMarks(g.marks).slice(0, 6)) {
      lines.push(`• ${kindLabel(grp.kind)}: ${grp.detail} — ${grp.stories.map((s) => `“${s.storyTitle}” (${s.storyId})`).join(', ')}`);
    }
  }
  if (g.staleDays !== undefined) {
    lines.push(
      fr
        ? `⚠️ Guide non vérifié depuis ${g.staleDays} jours (dernière vérification : ${formatDate(g.lastVerified, 'fr')}).`
        : `⚠️ Guide not verified for ${g.staleDays} days (last verified ${formatDate(g.lastVerified, 'en')}).`,
    );
  }
  return lines.join('\n');
}

/** Plain-text report of every guide, for `optout-radar kb check`. */
export function formatKbCheck(all: GuideFreshness[]): string {
  const lines: string[] = [];
  const flagged = all.filter(needsCheck);
  for (const g of all) {
    const state = g.marks.length ? `MAY BE OUT OF DATE since ${g.marks[0]!.storyId}` : g.staleDays !== undefined ? 'STALE' : 'ok';
    lines.push(`${g.platform} (${g.platformId}) — last verified ${g.lastVerified} — ${state}`);
    if (g.staleDays !== undefined) lines.push(`  not verified for ${g.staleDays} days`);
    for (const grp of groupMarks(g.marks)) {
      lines.push(`  ${kindLabel(grp.kind)}: ${grp.detail}`);
      for (const s of grp.stories) {
        lines.push(`    story ${s.storyId}: ${s.storyTitle}${s.storyLink ? ` <${s.storyLink}>` : ''}${s.published ? ` (${s.published.slice(0, 10)})` : ''}`);
        lines.push(`      “${s.evidence}”`);
      }
    }
  }
  lines.push('');
  lines.push(`${all.length} guides, ${flagged.length} to re-check (${all.filter((g) => g.marks.length).length} contradicted by stories, ${all.filter((g) => g.staleDays !== undefined).length} not verified recently).`);
  return lines.join('\n');
}
