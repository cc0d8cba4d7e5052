// Public face of the knowledge base: load once, look up by any name, build guides.
import type { AlertGuide } from '../domain.js';
import { buildGuide, type GuideOptions } from './guide.js';
import { getKb, type Kb } from './loader.js';
import { buildIndex, type PlatformIndex } from './lookup.js';
import type { PlatformEntry } from './schema.js';

export { KbError, loadKb, getKb, type Kb } from './loader.js';
export { buildGuide, describeRule, localize, rulesFor } from './guide.js';
export { normaliseName } from './lookup.js';
export { isKnownRegion, normaliseRegion, regionName, regionCovers } from './regions.js';
export { formatDate } from './dates.js';
export type { PlatformEntry, WebsiteGuide } from './schema.js';

let index: { kb: Kb; idx: PlatformIndex } | undefined;

function current(): { kb: Kb; idx: PlatformIndex } {
  const kb = getKb();
  if (!index || index.kb !== kb) index = { kb, idx: buildIndex(kb.platforms) };
  return index;
}

const WEBSITE_KEYS = new Set(['website', 'site', 'robots', 'robotstxt', 'crawlers', 'siteweb', 'webmaster']);

export function isWebsiteQuery(name: string): boolean {
  const k = name.toLowerCase().replace(/[^a-z]/g, '');
  return WEBSITE_KEYS.has(k) || current().kb.website.aliases.some((a) => a.toLowerCase().replace(/[^a-z]/g, '') === k);
}

export function findPlatform(name: string): PlatformEntry | undefined {
  return current().idx.find(name);
}

export function closestPlatforms(name: string, n = 3): string[] {
  return current().idx.closest(name, n);
}

export function platformNames(): string[] {
  return current().idx.names();
}

/** The guide for a platform by any of its names; undefined when unknown. */
export function guideFor(platform: string, opts: GuideOptions = {}): AlertGuide | undefined {
  const entry = findPlatform(platform);
  return entry ? buildGuide(entry, opts) : undefined;
}
