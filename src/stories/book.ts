// Stories across poll cycles: the cluster index lives in the store in one
// record per day (few writes per cycle), stories in `store.stories`.
import type { Item, Source, Story, StorySource } from '../domain.js';
import type { Store } from '../store/store.js';
import { itemFeatures } from './features.js';
import { StoryIndex, type StoryEntry, type StoryMember, type ClusterOptions } from './cluster.js';
import { storyIdFor } from './id.js';
import { urlKey } from '../normalise/url.js';

const NS = 'story-index';
const DAY = 86_400_000;

const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Assignment {
  story: Story;
  isNew: boolean;
  score: number;
  why: string;
}

export class StoryBook {
  private readonly stories = new Map<string, Story>();
  private readonly changed = new Set<string>();

  private constructor(
    private readonly store: Store,
    readonly index: StoryIndex,
    private readonly loadedDays: Set<string>,
  ) {}

  /** Loads the index for the last `days` days. */
  static async load(store: Store, now: Date, days = 10, opts: ClusterOptions = {}): Promise<StoryBook> {
    const ns = store.ns<StoryEntry[]>(NS);
    const keys = Array.from({ length: days + 1 }, (_, i) => dayKey(now.getTime() - i * DAY));
    const buckets = await Promise.all(keys.map((k) => ns.get(k)));
    const entries = buckets.flatMap((b) => b ?? []);
    return new StoryBook(store, new StoryIndex(entries, opts), new Set(keys));
  }

  private async story(id: string): Promise<Story | undefined> {
    const cached = this.stories.get(id);
    if (cached) return cached;
    const s = await this.store.stories.get(id);
    if (s) this.stories.set(id, s);
    return s;
  }

  /** Put an item into its story (new or existing). */
  async assign(item: Item, source: Pick<Source, 'id' | 'name'>, now: Date): Promise<Assignment> {
    const at = item.published ? Date.parse(item.published) : Date.parse(item.fetchedAt);
    const member: StoryMember = { itemId: item.id, at, f: itemFeatures(item) };
    if (item.link) member.url = urlKey(item.link);
    const hit = this.index.match(member);
    const ss: StorySource = { itemId: item.id, sourceId: source.id, sourceName: source.name, title: item.title };
    if (item.link) ss.link = item.link;
    if (item.published) ss.published = item.published;
    const nowIso = now.toISOString();
    if (hit) {
      const existing = await this.story(hit.id);
      if (existing) {
        if (!existing.sources.some((s) => s.itemId === item.id && s.sourceId === source.id)) existing.sources.push(ss);
        existing.updatedAt = nowIso;
        // A story first seen without text borrows the first real summary/content that arrives.
        if (!existing.summary && item.summary) existing.summary = item.summary;
        if (!existing.content && item.content) existing.content = item.content;
        this.index.add(hit.id, member);
        this.changed.add(hit.id);
        return { story: existing, isNew: false, score: hit.score, why: hit.why };
      }
    }
    let id = storyIdFor(item.id);
    // A poll that died after storing this item's story (or indexing it) but before
    // marking the item seen left it behind: carry on with that story, never a twin.
    const prior = await this.story(id);
    if (prior?.sources.some((s) => s.itemId === item.id)) {
      prior.updatedAt = nowIso;
      this.index.add(id, member);
      this.changed.add(id);
      return { story: prior, isNew: prior.sources.every((s) => s.itemId === item.id), score: 0, why: 'story stored by an interrupted poll' };
    }
    const ownEntry = (sid: string) => this.index.get(sid)?.members.every((m) => m.itemId === item.id) ?? false;
    // Extremely unlikely, but two different first items must never share an id.
    for (let n = 8; ((this.index.get(id) && !ownEntry(id)) || (await this.store.stories.has(id))) && n <= 12; n++) id = storyIdFor(item.id, n);
    const story: Story = {
      id,
      title: item.title,
      firstSeen: nowIso,
      updatedAt: nowIso,
      sources: [ss],
    };
    if (item.summary) story.summary = item.summary;
    if (item.content) story.content = item.content;
    if (item.link) story.link = item.link;
    if (item.lang) story.lang = item.lang;
    if (item.published) story.published = item.published;
    this.stories.set(id, story);
    this.index.add(id, member);
    this.changed.add(id);
    return { story, isNew: true, score: 0, why: 'new story' };
  }

  /** Persist the changed index buckets and (optionally) the changed stories. */
  async save(opts: { stories?: boolean } = {}): Promise<void> {
    const ns = this.store.ns<StoryEntry[]>(NS);
    const days = new Set<string>();
    for (const id of this.index.dirty) {
      const e = this.index.get(id);
      if (e) days.add(dayKey(e.at));
    }
    const byDay = new Map<string, StoryEntry[]>();
    for (const e of this.index.entries()) {
      const k = dayKey(e.at);
      if (!days.has(k)) continue;
      const list = byDay.get(k) ?? [];
      list.push(e);
      byDay.set(k, list);
    }
    // Writes go out in parallel within one namespace (each namespace is its own
    // SQLite connection; interleaving namespaces only adds lock waits).
    await Promise.all(
      [...byDay].map(async ([k, list]) => {
        // A bucket we did not load (an old date) is merged rather than overwritten.
        if (!this.loadedDays.has(k)) {
          const prev = (await ns.get(k)) ?? [];
          const ids = new Set(list.map((e) => e.id));
          list.push(...prev.filter((e) => !ids.has(e.id)));
        }
        await ns.set(k, list, 30 * DAY);
      }),
    );
    this.index.dirty.clear();
    if (opts.stories !== false) {
      await Promise.all(
        [...this.changed].map(async (id) => {
          const s = this.stories.get(id);
          if (s) await this.store.stories.set(id, s);
        }),
      );
    }
    this.changed.clear();
  }
}
