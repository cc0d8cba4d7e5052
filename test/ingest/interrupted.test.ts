// A poll that dies after storing (or only indexing) a story but before marking
// its item as seen makes the next poll see the item again: it must land in the
// same story, never in a twin with another id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { StoryBook } from '../../src/stories/book.js';
import type { Item } from '../../src/domain.js';

const tmp = mkdtempSync(join(tmpdir(), 'interrupted-'));
let store: Store;
beforeAll(async () => {
  store = await Store.open(`sqlite://${join(tmp, 's.db')}`);
});
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

const now = new Date('2026-03-01T12:00:00Z');
const item = (id: string, title: string): Item => ({ id, sourceId: 'src', title, summary: `${title}. More details follow.`, link: `https://news.example/${id}`, published: '2026-03-01T10:00:00.000Z', fetchedAt: now.toISOString() });
const source = { id: 'src', name: 'Source' };

describe('an interrupted poll', () => {
  it('story stored and indexed, item not marked seen: the next poll reuses the story', async () => {
    const first = await StoryBook.load(store, now);
    const a = await first.assign(item('i-1', 'Meta will train AI on EU users’ public posts'), source, now);
    await first.save({ stories: false });
    await store.stories.set(a.story.id, a.story); // what poll.ts writes before it dies
    const second = await StoryBook.load(store, now);
    const b = await second.assign(item('i-1', 'Meta will train AI on EU users’ public posts'), source, now);
    expect(b.story.id).toBe(a.story.id);
    expect(b.story.sources).toHaveLength(1);
  });

  it('only the index was saved (died before the story was written): same id again', async () => {
    const first = await StoryBook.load(store, now);
    const a = await first.assign(item('i-2', 'LinkedIn opts UK members into AI training'), source, now);
    await first.save({ stories: false });
    const second = await StoryBook.load(store, now);
    const b = await second.assign(item('i-2', 'LinkedIn opts UK members into AI training'), source, now);
    expect(b.story.id).toBe(a.story.id);
  });
});
