// Grouping items into stories. An item joins the most similar recent story if
// the similarity clears a threshold, else starts a new one. Similarity works
// across languages because it compares gazetteer entities, concepts, figures
// and dates (see features.ts); a shared canonical URL or a near-identical
// title is enough on its own.
import { distance } from 'fastest-levenshtein';
import type { Features } from './features.js';

export interface StoryMember {
  itemId: string;
  at: number; // ms, published or first seen
  f: Features;
  url?: string; // urlKey of the canonical link
}

export interface StoryEntry {
  id: string;
  at: number; // ms of the first member
  members: StoryMember[];
}

export interface ClusterOptions {
  windowDays?: number; // items further apart than this never join
  threshold?: number; // similarity needed to join
}

/** Similarity needed to join a story. On the real events in test/ingest: best match within an event ≥ 0.54, different events ≤ 0.34. */
export const DEFAULT_THRESHOLD = 0.5;

const WEIGHT: Record<string, number> = { e: 3, p: 1.5, r: 2, g: 0.75, c: 1, n: 2.5, d: 2, w: 1 };

function weightOf(tok: string): number {
  return WEIGHT[tok[0]!] ?? 1;
}

function bag(f: Features): string[] {
  return [...f.entities, ...f.concepts, ...f.numbers, ...f.words];
}

const digitsOf = (s: string) => (s.match(/\d+/g) ?? []).join(' ');

export interface Similarity {
  score: number;
  shared: string[];
  why: string;
}

/** Similarity of two items' features in [0, 1], with what they share. */
export function similarity(a: Features, b: Features): Similarity {
  const A = bag(a);
  const B = new Set(bag(b));
  let shared = 0;
  let wa = 0;
  let wb = 0;
  const common: string[] = [];
  for (const t of A) {
    wa += weightOf(t);
    if (B.has(t)) {
      shared += weightOf(t);
      common.push(t);
    }
  }
  for (const t of B) wb += weightOf(t);
  // Identical or near-identical titles (same language, light edits) – unless their
  // figures differ: "fined €15m" and "fined €150m" are different events.
  if (a.title.length >= 20 && b.title.length >= 20 && digitsOf(a.title) === digitsOf(b.title)) {
    const d = distance(a.title, b.title) / Math.max(a.title.length, b.title.length);
    if (d <= 0.15) return { score: 1, shared: common, why: 'near-identical title' };
  }
  const anchors = common.filter((t) => t.startsWith('e:') || t.startsWith('r:') || t.startsWith('p:'));
  if (!anchors.length) return { score: 0, shared: common, why: 'no shared organisation or regulator' };
  if (!wa || !wb) return { score: 0, shared: common, why: 'empty' };
  // Cosine over weighted sets, so one long summary does not swamp a short title.
  let score = shared / Math.sqrt(wa * wb);
  // Both quote figures and none agree: likely two different events (another fine, another model).
  const figs = (f: Features) => f.numbers.filter((t) => t.startsWith('n:'));
  const fa = figs(a);
  const fb = figs(b);
  let why = `shares ${common.join(' ')}`;
  if (fa.length && fb.length && !fa.some((t) => fb.includes(t))) {
    score *= 0.7;
    why += '; figures disagree';
  }
  return { score, shared: common, why };
}

export class StoryIndex {
  private readonly stories = new Map<string, StoryEntry>();
  private readonly byToken = new Map<string, Set<string>>(); // anchor entity / url → story ids
  readonly dirty = new Set<string>();
  readonly windowMs: number;
  readonly threshold: number;

  constructor(entries: StoryEntry[] = [], opts: ClusterOptions = {}) {
    this.windowMs = (opts.windowDays ?? 4) * 86_400_000;
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    for (const e of entries) this.put(e, false);
  }

  private put(e: StoryEntry, dirty = true): void {
    this.stories.set(e.id, e);
    for (const m of e.members) this.indexMember(e.id, m);
    if (dirty) this.dirty.add(e.id);
  }

  private indexMember(id: string, m: StoryMember): void {
    const keys = [...m.f.entities.filter((t) => !t.startsWith('g:')), ...(m.url ? [`u:${m.url}`] : []), `t:${m.f.title.slice(0, 24)}`];
    for (const k of keys) {
      let set = this.byToken.get(k);
      if (!set) this.byToken.set(k, (set = new Set()));
      set.add(id);
    }
  }

  get(id: string): StoryEntry | undefined {
    return this.stories.get(id);
  }

  entries(): StoryEntry[] {
    return [...this.stories.values()];
  }

  /** The story this member belongs to, if any. */
  match(m: StoryMember): { id: string; score: number; why: string } | undefined {
    const candidates = new Set<string>();
    if (m.url) for (const id of this.byToken.get(`u:${m.url}`) ?? []) {
      const e = this.stories.get(id);
      if (e && Math.abs(e.at - m.at) <= this.windowMs * 2) return { id, score: 1, why: 'same article URL' };
    }
    for (const t of [...m.f.entities.filter((x) => !x.startsWith('g:')), `t:${m.f.title.slice(0, 24)}`]) {
      for (const id of this.byToken.get(t) ?? []) candidates.add(id);
    }
    let best: { id: string; score: number; why: string } | undefined;
    for (const id of candidates) {
      const e = this.stories.get(id)!;
      // Date proximity: to the story's first item, and to its closest member.
      if (Math.abs(e.at - m.at) > this.windowMs * 1.5) continue;
      for (const other of e.members) {
        if (Math.abs(other.at - m.at) > this.windowMs) continue;
        const s = similarity(m.f, other.f);
        if (s.score >= this.threshold && (!best || s.score > best.score)) best = { id, score: s.score, why: s.why };
      }
    }
    return best;
  }

  add(id: string, m: StoryMember): StoryEntry {
    let e = this.stories.get(id);
    if (!e) {
      e = { id, at: m.at, members: [m] };
      this.put(e);
      return e;
    }
    if (!e.members.some((x) => x.itemId === m.itemId)) {
      e.members.push(m);
      if (m.at < e.at) e.at = m.at;
      this.indexMember(id, m);
      this.dirty.add(id);
    }
    return e;
  }

  /** Forget stories older than `beforeMs` (they can no longer gain members). */
  prune(beforeMs: number): void {
    for (const [id, e] of this.stories) {
      const last = Math.max(...e.members.map((m) => m.at));
      if (last < beforeMs) this.stories.delete(id);
    }
  }
}
