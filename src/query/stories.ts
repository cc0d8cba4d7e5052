// Read model over the store for slash commands, the status page and the
// outgoing feeds. Reads only; never changes state.
import type { Story } from '../domain.js';
import type { Store } from '../store/store.js';
import { fold } from '../text/fold.js';

const byRecency = (a: Story, b: Story) => (b.published ?? b.firstSeen).localeCompare(a.published ?? a.firstSeen);

export async function recentStories(store: Store, opts: { limit: number; relevantOnly?: boolean }): Promise<Story[]> {
  const all = await store.stories.values();
  return all.filter((s) => !opts.relevantOnly || s.decision?.relevant).sort(byRecency).slice(0, opts.limit);
}


/** Stories whose title, summary, sources or platforms contain every word. */
export async function searchStories(store: Store, words: string, limit = 10): Promise<Story[]> {
  const terms = fold(words).split(/\s+/).filter(Boolean).slice(0, 10);
  if (terms.length === 0) return [];
  const all = await store.stories.values();
  return all
    .filter((s) => {
      const hay = fold([s.title, s.summary ?? '', ...s.sources.map((x) => `${x.title} ${x.sourceName}`), ...(s.decision?.platforms ?? [])].join(' '));
      return terms.every((t) => hay.includes(t));
    })
    .sort((a, b) => Number(b.decision?.relevant ?? 0) - Number(a.decision?.relevant ?? 0) || byRecency(a, b))
    .slice(0, limit);
}

export async function findStory(store: Store, id: string): Promise<Story | undefined> {
  const key = id.trim().toLowerCase();
  if (!/^[a-z0-9_-]{1,64}$/.test(key)) return undefined;
  return store.stories.get(key);
}
