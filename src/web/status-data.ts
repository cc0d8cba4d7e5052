// What the status page shows, read from the store in one pass per namespace.
// Reads only; the page never changes state.
import type { Delivery, Source, SourceState, Story, Subscription } from '../domain.js';
import type { Store } from '../store/store.js';
import { describeHealth } from '../fetch/health.js';
import { countOutbox, type OutboxCounts } from '../metrics/outbox-depth.js';
import { guideFreshness, needsCheck, type GuideFreshness } from '../freshness/index.js';

export interface SourceRow {
  source: Source;
  state?: SourceState;
  status: 'new' | 'ok' | 'failing' | 'paused';
  detail: string;
}

export interface StatusData {
  now: Date;
  sources: SourceRow[];
  stories: Story[];
  storyCount: number;
  relevantCount: number;
  subscriptions: Subscription[];
  outbox: OutboxCounts;
  deadLetters: { delivery: Delivery; title?: string }[];
  /** Knowledge-base guides that may be out of date (contradicting stories or not verified recently). */
  freshness?: GuideFreshness[];
}

const recency = (s: Story) => s.published ?? s.firstSeen;

export async function loadStatus(store: Store, sources: Source[], now: Date, limits = { stories: 30, dead: 20 }): Promise<StatusData> {
  const [states, stories, subscriptions, deliveries] = await Promise.all([
    store.sources.values(),
    store.stories.values(),
    store.subscriptions.values(),
    store.deliveries.values(),
  ]);
  const byId = new Map(states.map((s) => [s.sourceId, s]));
  const rows: SourceRow[] = sources
    .filter((s) => s.enabled)
    .map((source) => {
      const state = byId.get(source.id);
      const h = describeHealth(state, now);
      return { source, ...(state ? { state } : {}), status: h.status, detail: h.detail };
    })
    // Problems first: that is what an operator opens the page for.
    .sort((a, b) => rank(a.status) - rank(b.status) || a.source.name.localeCompare(b.source.name));
  const titles = new Map(stories.map((s) => [s.id, s.title]));
  const dead = deliveries
    .filter((d) => d.state === 'dead')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limits.dead)
    .map((delivery) => ({ delivery, title: titles.get(delivery.storyId) }));
  return {
    now,
    sources: rows,
    stories: [...stories].sort((a, b) => recency(b).localeCompare(recency(a))).slice(0, limits.stories),
    storyCount: stories.length,
    relevantCount: stories.filter((s) => s.decision?.relevant).length,
    subscriptions: [...subscriptions].sort((a, b) => Number(Boolean(b.paused)) - Number(Boolean(a.paused)) || `${a.platform}:${a.channelId}`.localeCompare(`${b.platform}:${b.channelId}`)),
    outbox: countOutbox(deliveries),
    deadLetters: dead,
    freshness: (await guideFreshness(store, { now })).filter(needsCheck),
  };
}

function rank(status: SourceRow['status']): number {
  return { failing: 0, paused: 1, new: 2, ok: 3 }[status];
}
