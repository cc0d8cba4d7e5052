// JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the relevant stories.
import type { FeedEntry, FeedMeta } from './feed-model.js';

export const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';

export function jsonFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.jsonUrl,
    description: meta.description,
    authors: [{ name: 'optout-radar' }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.summary,
      summary: e.summary,
      date_published: e.published,
      date_modified: e.updated,
      authors: e.authors,
      tags: e.tags,
      _optout_radar: { story_id: e.storyId },
    })),
  };
  // `<`, `>` and `&` as escapes keep the document inert even if something sniffs it as HTML.
  return JSON.stringify(doc, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
