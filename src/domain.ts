// The domain of optout-radar (SPEC §3). Every stage speaks these types; no
// transport (HTTP, Slack, Discord) types leak in here.

/** ISO 639-1 codes the classifier and composer understand. */
export type Lang = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl' | 'pt';
export const LANGS: readonly Lang[] = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];

export type SourceKind = 'news' | 'regulator' | 'advocacy';
export type SourceType = 'feed' | 'html' | 'google-news';

/** HTML scraping recipe for a site without a feed. */
export interface HtmlRecipe {
  item: string; // CSS selector of one item container
  title: string; // selector inside the container
  link?: string; // selector of the <a>; defaults to the title's closest link
  date?: string; // selector of the date text or <time datetime>
  summary?: string;
}

/** A place we poll: a feed, a scraped page or a Google News query. */
export interface Source {
  id: string; // stable, url-safe
  name: string;
  url: string; // feed URL, page URL, or the built Google News URL
  type: SourceType;
  kind: SourceKind;
  lang?: Lang | string; // declared language of the source, if known
  jurisdiction?: string; // e.g. "FR", "EU", "US"
  enabled: boolean;
  evidence?: string; // why we believe the URL is right
  html?: HtmlRecipe;
  query?: { q: string; lang: string; region: string }; // google-news
  alternates?: string[]; // other URLs of the same feed, tried in order when `url` is gone (404/410/DNS)
}

/** One entry of one source, after parsing and normalisation. */
export interface Item {
  id: string; // stable: guid, else canonical link, else hash(title+date)
  sourceId: string;
  title: string;
  summary?: string; // clean text
  content?: string; // clean text of content:encoded / full article
  link?: string; // canonical URL
  published?: string; // ISO 8601 UTC, absent when unknown
  lang?: string; // declared by the feed, if any
  fetchedAt: string; // ISO 8601
}

/** One outlet's coverage of a story, as shown under "Sources". */
export interface StorySource {
  itemId: string;
  sourceId: string;
  sourceName: string;
  title: string;
  link?: string;
  published?: string;
}

/** One real-world event: a cluster of items from one or more outlets. */
export interface Story {
  id: string; // short, stable, shown to users ("why <id>")
  title: string;
  summary?: string;
  content?: string;
  link?: string;
  lang?: string;
  published?: string;
  firstSeen: string;
  updatedAt: string;
  sources: StorySource[];
  decision?: Decision;
}

export interface Reason {
  concept: string; // human words: "AI training", "personal data", "opt-out" …
  evidence: string; // the sentence/snippet that matched
}

/** The classifier's verdict on an item or story (SPEC §2). */
export interface Decision {
  relevant: boolean;
  score: number; // 0..1
  lang: string;
  platforms: string[]; // canonical names, e.g. "LinkedIn", "Meta (Instagram)"
  regulators: string[];
  regions: string[]; // EU, EEA, UK, CH, US, BR …
  greyZone: boolean;
  reasons: Reason[];
}

export interface AlertStep {
  text: string;
  url?: string;
}

/** How to opt out on one platform, as shown in an alert. */
export interface AlertGuide {
  platform: string;
  steps: AlertStep[];
  links: { label: string; url: string }[];
  undoesPastTraining?: boolean | null; // null/undefined: unknown
  regionsNote?: string;
  lastVerified?: string;
  notes?: string[];
}

/** What is posted for a story: platform-neutral; adapters render it. */
export interface Alert {
  storyId: string;
  lang: string; // language of the labels
  headline: string;
  summary: string[]; // 0..3 sentences in the story's language
  affected: string[]; // who is affected, one line each
  guides: AlertGuide[];
  articleSteps: { quote: string; source: string; link?: string }[];
  deadline?: string;
  pastTraining?: string;
  sources: { name: string; title: string; link?: string }[];
  footer: { score: number; storyId: string; why: string };
  labels: Record<string, string>; // localised fixed labels used by renderers
}

export type Platform = 'slack' | 'discord' | 'console';

export interface SubscriptionFilters {
  platforms?: string[];
  regions?: string[];
  languages?: string[];
  minScore?: number;
  greyZone?: boolean;
  mode?: 'realtime' | 'digest';
  digestTime?: string; // "HH:MM"
  timeZone?: string; // IANA
  lang?: string; // language of the labels in this channel
}

export interface Subscription {
  platform: Platform;
  channelId: string;
  filters: SubscriptionFilters;
  createdBy?: string;
  createdAt: string;
  paused?: { reason: string; at: string };
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

export interface Delivery {
  id: string; // `${platform}:${channelId}:${storyId}`
  storyId: string;
  platform: Platform;
  channelId: string;
  state: DeliveryState;
  attempts: number;
  messageId?: string;
  sourcesPosted?: number; // how many sources the posted message shows
  lastError?: string;
  nextAttempt?: string;
  updatedAt: string;
  /** realtime: posted by the outbox; digest: held for the channel's daily digest. */
  mode?: 'realtime' | 'digest';
  /** The story gained sources since the message was posted: edit it. */
  pendingUpdate?: boolean;
  /** Sort key keeping each channel's alerts in story order. */
  order?: string;
  createdAt?: string;
}

/** Per-source fetch state and health. */
export interface SourceState {
  sourceId: string;
  etag?: string;
  lastModified?: string;
  bodyHash?: string;
  freshUntil?: string;
  lastSuccess?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  nextAttempt?: string;
  paused?: boolean;
  itemsSeen?: number;
  firstPollDone?: boolean;
}
