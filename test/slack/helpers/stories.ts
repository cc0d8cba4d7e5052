// Real stories for the Slack tests, built by the core pipeline from the
// bundled demo feeds (served on 127.0.0.1 with a fixed clock, so the output
// is the same on every run).
import { join } from 'node:path';
import type { Alert, Source, Story, Decision } from '../../../src/domain.js';
import { serveFeeds } from '../../../src/demo/feed-server.js';
import { Store } from '../../../src/store/store.js';
import { ingest } from '../../../src/pipeline/ingest.js';
import { classify } from '../../../src/classify/index.js';
import { composeAlert } from '../../../src/compose/index.js';
import { repoRoot } from '../../helpers/env.js';

export const FIXED_NOW = new Date('2026-01-15T12:00:00Z');
export const demoFeedsDir = join(repoRoot, 'demo', 'feeds');

export function feedSource(id: string, name: string, url: string, lang: string): Source {
  return { id, name, url, type: 'feed', kind: 'news', lang, enabled: true };
}

/** The French LinkedIn story of demo/feeds/tech-fr.xml with its classifier decision. */
export async function frenchLinkedInStory(now = FIXED_NOW): Promise<{ story: Story; decision: Decision }> {
  const feeds = await serveFeeds(demoFeedsDir, { now: () => now });
  const store = await Store.open('sqlite://:memory:');
  try {
    const report = await ingest({
      store,
      sources: [feedSource('demo-tech-fr', 'Démo Actu Tech', `${feeds.baseUrl}/tech-fr.xml`, 'fr')],
      now,
      dryRun: true,
    });
    const change = report.changes.find((c) => /LinkedIn/.test(c.story.title) && /entraîné/.test(c.story.title));
    if (!change) throw new Error(`the French LinkedIn story is missing from tech-fr.xml (got: ${report.changes.map((c) => c.story.title).join(' | ')})`);
    const story = change.story;
    const decision = classify({ id: story.id, title: story.title, summary: story.summary, content: story.content, link: story.link, lang: story.lang }, { threshold: 0.5 });
    return { story, decision };
  } finally {
    await store.close();
    await feeds.close();
  }
}

export async function frenchLinkedInAlert(lang: string, now = FIXED_NOW): Promise<Alert> {
  const { story, decision } = await frenchLinkedInStory(now);
  return composeAlert(story, decision, { lang, now });
}
