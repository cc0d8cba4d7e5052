import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { StoryBook } from '../../src/stories/book.js';
import { similarity, DEFAULT_THRESHOLD } from '../../src/stories/cluster.js';
import { itemFeatures } from '../../src/stories/features.js';
import { storyIdFor } from '../../src/stories/id.js';
import type { Item } from '../../src/domain.js';
import { SAME_EVENT, DIFFERENT_EVENTS, UNKNOWN_NAMES, toItems } from './cluster-events.js';

let store: Store;
beforeEach(async () => {
  store = await Store.open('sqlite::memory:');
});
afterEach(async () => {
  await store.close();
});

async function clusterAll(items: Item[]): Promise<Map<string, string>> {
  const book = await StoryBook.load(store, new Date('2025-09-30T00:00:00Z'), 800);
  const storyOf = new Map<string, string>();
  const sorted = [...items].sort((a, b) => a.published!.localeCompare(b.published!));
  for (const it of sorted) {
    const a = await book.assign(it, { id: it.sourceId, name: it.sourceId }, new Date(it.published!));
    storyOf.set(it.id, a.story.id);
  }
  await book.save();
  return storyOf;
}

describe('story clustering', () => {
  const sameItems = Object.fromEntries(
    Object.entries({ ...SAME_EVENT, 'Mozilla revises Firefox terms after AI/data backlash (Feb 2025; names not in the gazetteer)': UNKNOWN_NAMES }).map(([k, v]) => [k, toItems(v)]),
  );
  const pairItems = DIFFERENT_EVENTS.map(([a, b]) => toItems([a, b]) as [Item, Item]);
  const everything = new Map<string, Item>();
  for (const list of Object.values(sameItems)) for (const i of list) everything.set(i.id, i);
  for (const [a, b] of pairItems) { everything.set(a.id, a); everything.set(b.id, b); }

  it('puts each multi-outlet, multi-language event into exactly one story with every source', async () => {
    const storyOf = await clusterAll([...everything.values()]);
    expect(Object.keys(sameItems).length).toBeGreaterThanOrEqual(5);
    const seen = new Set<string>();
    for (const [event, items] of Object.entries(sameItems)) {
      const ids = new Set(items.map((i) => storyOf.get(i.id)));
      expect(ids.size, event).toBe(1);
      const id = [...ids][0]!;
      expect(seen.has(id), `${event} shares a story with another event`).toBe(false);
      seen.add(id);
      const story = await store.stories.get(id);
      expect(story!.sources.map((s) => s.itemId).sort()).toEqual(items.map((i) => i.id).sort());
      expect(new Set(items.map((i) => i.lang)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps different events about the same company apart', async () => {
    expect(pairItems.length).toBeGreaterThanOrEqual(5);
    const storyOf = await clusterAll([...everything.values()]);
    for (const [a, b] of pairItems) expect(storyOf.get(a.id), `${a.title} / ${b.title}`).not.toBe(storyOf.get(b.id));
  });

  it('scores every same-event pair above the threshold (not only via chaining)', () => {
    for (const [event, items] of Object.entries(sameItems)) {
      const best = items.map((a) => Math.max(...items.filter((b) => b !== a).map((b) => similarity(itemFeatures(a), itemFeatures(b)).score)));
      for (const b of best) expect(b, event).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    }
  });

  it('tells the pairs apart by content, not only by date', () => {
    const threshold = DEFAULT_THRESHOLD;
    for (const [a, b] of pairItems) {
      const s = similarity(itemFeatures(a), itemFeatures(b));
      expect(s.score, `${a.title} / ${b.title}: ${s.why}`).toBeLessThan(threshold);
      // …and they do share the company, which is what makes them a fair test.
      expect(s.shared.some((t) => t.startsWith('e:')), b.title).toBe(true);
    }
  });

  it('joins by canonical URL even when titles differ, and never across a long gap', async () => {
    const base = { sourceId: 'a', fetchedAt: '2025-01-01T00:00:00Z' };
    const one: Item = { ...base, id: 'x1', title: 'Something happened at Acme', link: 'https://acme.example/news/1', published: '2025-01-01T00:00:00Z' };
    const two: Item = { ...base, id: 'x2', sourceId: 'b', title: 'Totally different words', link: 'https://acme.example/news/1', published: '2025-01-01T05:00:00Z' };
    const far: Item = { ...base, id: 'x3', sourceId: 'c', title: 'Something happened at Acme', link: 'https://acme.example/news/9', published: '2025-03-01T00:00:00Z' };
    const storyOf = await clusterAll([one, two, far]);
    expect(storyOf.get('x1')).toBe(storyOf.get('x2'));
    expect(storyOf.get('x3')).not.toBe(storyOf.get('x1'));
  });

  it('gives short, stable, typeable story ids', () => {
    const id = storyIdFor('u:abc');
    expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{7}$/);
    expect(storyIdFor('u:abc')).toBe(id);
    expect(storyIdFor('u:abd')).not.toBe(id);
  });

  it('keeps the index across runs (a later outlet joins yesterday\'s story)', async () => {
    const [first, ...rest] = sameItems['Italian Garante fines OpenAI €15 million over ChatGPT (December 2024)']!;
    const a = await clusterAll([first!]);
    const b = await clusterAll(rest);
    for (const it of rest) expect(b.get(it.id)).toBe(a.get(first!.id));
  });
});
