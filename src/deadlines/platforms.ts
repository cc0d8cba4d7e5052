// Which knowledge-base entries a story is about, and which of its sentences
// speak about each one. Shared by deadline extraction and freshness checks,
// so both attribute a fact to a platform the same way.
import type { Story } from '../domain.js';
import { getKb, normaliseName, type Kb, type PlatformEntry } from '../kb/index.js';
import { buildIndex, type PlatformIndex } from '../kb/lookup.js';
import { entriesFor } from '../compose/guides.js';
import { splitSentences } from '../compose/sentences.js';
import { escapeRegExp, fold } from '../compose/text.js';

const indexes = new WeakMap<Kb, PlatformIndex>();

export function kbIndex(kb: Kb = getKb()): PlatformIndex {
  let idx = indexes.get(kb);
  if (!idx) {
    idx = buildIndex(kb.platforms);
    indexes.set(kb, idx);
  }
  return idx;
}

export function storyText(story: Story): string {
  const body = story.content?.trim() || story.summary?.trim() || '';
  return `${story.title}.\n${body}`;
}

/** KB entries for the story's platforms (company names resolve to the product the text names). */
export function entriesOfStory(story: Story, kb: Kb = getKb()): PlatformEntry[] {
  const idx = kbIndex(kb);
  const text = storyText(story);
  const out: PlatformEntry[] = [];
  const seen = new Set<string>();
  for (const name of story.decision?.platforms ?? []) {
    const found = idx.find(name);
    // "Meta", "Google": the bundled KB's company table picks the product; map it into this KB by id.
    const candidates = found ? [found] : entriesFor([name], text).flatMap((e) => kb.platforms.find((p) => p.id === e.id) ?? []);
    for (const e of candidates) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

/** A matcher for the names a text may use for an entry ("LinkedIn", "linked in"…). */
export function nameMatcher(entry: PlatformEntry): RegExp {
  const names = [entry.name, entry.id, ...entry.aliases, ...(/\(([^)]+)\)/.exec(entry.name)?.slice(1) ?? [])]
    .map((n) => fold(n).trim())
    .filter((n) => n.length >= 3)
    .map(escapeRegExp);
  if (!names.length) return /(?!)/; // nothing long enough to recognise: never matches
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * The sentences that speak about `entry`: every sentence when the story is
 * about this platform alone, otherwise those naming it.
 */
export function sentencesAbout(entry: PlatformEntry, story: Story, entries: readonly PlatformEntry[]): string[] {
  const all = splitSentences(storyText(story));
  if (entries.length <= 1) return all;
  const re = nameMatcher(entry);
  return all.filter((s) => re.test(fold(s)));
}

export function platformKey(name: string): string {
  return normaliseName(name) || 'unknown';
}
