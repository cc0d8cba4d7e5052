// /optout <platform> [region]: the knowledge-base guide for one platform, as
// a platform-neutral Reply. Unknown names get the closest known ones.
import type { CommandModule, Reply, ReplyBlock } from './types.js';
import {
  buildGuide,
  closestPlatforms,
  findPlatform,
  formatDate,
  getKb,
  isKnownRegion,
  isWebsiteQuery,
  localize,
  normaliseName,
  normaliseRegion,
  regionName,
} from '../src/kb/index.js';
import { fill, labelsFor } from '../src/compose/labels/index.js';
import { freshnessOf, freshnessWarning } from '../src/freshness/index.js';

const USAGE = '/optout <platform> [region]';

export interface GuideReplyOptions {
  region?: string;
  lang?: string;
}

function errorReply(text: string, usage: string): Reply {
  return { blocks: [{ type: 'text', text }, { type: 'context', text: usage }], fallback: text, ephemeral: true, error: true };
}

function websiteReply(lang: string): Reply {
  const { labels: L } = labelsFor(lang);
  const w = getKb().website;
  const lines = w.crawlers.map((c) => {
    const tags = [c.training === true ? L.crawlerTraining : c.training === false ? L.crawlerNotTraining : undefined, c.respectsRobots === false ? L.crawlerIgnoresRobots : undefined]
      .filter(Boolean)
      .join('; ');
    return `${c.userAgent} (${c.operator}) — ${localize(c.purpose, lang)}${tags ? ` [${tags}]` : ''}`;
  });
  const training = w.crawlers.filter((c) => c.training === true).map((c) => `User-agent: ${c.userAgent}\nDisallow: /`);
  const blocks: ReplyBlock[] = [
    { type: 'heading', text: fill(L.guideFor, { platform: w.name }) },
    { type: 'text', text: localize(w.intro, lang) },
    { type: 'list', items: lines },
    { type: 'text', text: `${L.robotsIntro}\n${training.join('\n\n')}` },
    { type: 'list', items: w.notes.map((n) => localize(n, lang)) },
    { type: 'context', text: `${fill(L.lastVerified, { date: formatDate(w.lastVerified, lang) })} · ${L.sources}: ${w.sources.map((s) => s.url ?? s.title).join(' · ')}` },
  ];
  return { blocks, fallback: `${w.name}: ${localize(w.intro, lang)}`, ephemeral: true };
}

/** The reply for a platform name (any alias) and an optional region. */
export function guideReply(platform: string, opts: GuideReplyOptions = {}): Reply {
  const { lang, labels: L } = labelsFor(opts.lang);
  const name = platform.trim();
  if (!name) return errorReply(L.usage, L.usage);
  if (opts.region && !isKnownRegion(opts.region)) {
    return errorReply(`${L.region}: “${opts.region.slice(0, 20)}”?`, L.usage);
  }
  if (isWebsiteQuery(name)) return websiteReply(lang);
  const entry = findPlatform(name);
  if (!entry) {
    const close = closestPlatforms(name, 3);
    const text = `${fill(L.unknownPlatform, { name: name.slice(0, 40) })}${close.length ? ` ${fill(L.didYouMean, { list: close.join(', ') })}` : ''}`;
    return errorReply(text, L.usage);
  }
  const region = opts.region ? normaliseRegion(opts.region) : undefined;
  const g = buildGuide(entry, { ...(region ? { region } : {}), lang });
  const blocks: ReplyBlock[] = [{ type: 'heading', text: fill(L.guideFor, { platform: entry.name }) }];
  const fields = [];
  if (region) fields.push({ name: L.region, value: regionName(region, lang) });
  if (g.regionsNote) fields.push({ name: L.regions, value: g.regionsNote });
  if (entry.dataUsed.length) fields.push({ name: L.dataUsed, value: entry.dataUsed.map((d) => localize(d, lang)).join('; ') });
  if (fields.length) blocks.push({ type: 'fields', fields });
  if (g.steps.length) blocks.push({ type: 'list', ordered: true, items: g.steps.map((s) => (s.url ? `${s.text} — ${s.url}` : s.text)) });
  else blocks.push({ type: 'text', text: L.noOptOut });
  if (g.links.length) blocks.push({ type: 'links', links: g.links });
  if (g.notes?.length) blocks.push({ type: 'list', items: g.notes });
  const past = g.undoesPastTraining === false ? L.pastNotUndone : g.undoesPastTraining === true ? L.pastUndone : L.pastUnknown;
  blocks.push({ type: 'text', text: `${L.pastTraining}: ${past}` });
  const upcoming = entry.keyDates.map((k) => `${formatDate(k.date, lang)}: ${localize(k.event, lang)}`);
  if (upcoming.length) blocks.push({ type: 'fields', fields: [{ name: L.keyDates, value: upcoming.join(' · ') }] });
  const srcs = entry.sources.slice(0, 4).map((s) => `${s.title}${s.date ? ` (${s.date})` : ''}`).join(' · ');
  blocks.push({ type: 'context', text: `${fill(L.lastVerified, { date: formatDate(entry.lastVerified, lang) })} · ${L.sources}: ${srcs}` });
  const fallback = `${fill(L.guideFor, { platform: entry.name })}: ${g.steps.map((s) => s.text).join(' → ') || L.noOptOut}`;
  return { blocks, fallback, ephemeral: true };
}

/** Splits "meta ai EU" into platform + region when the caller typed both in one field. */
function splitTrailingRegion(platform: string): { platform: string; region?: string } {
  if (findPlatform(platform) || isWebsiteQuery(platform)) return { platform };
  const m = /^(.*\S)\s+([A-Za-z]{2,6})$/.exec(platform.trim());
  if (m && isKnownRegion(m[2]!) && (findPlatform(m[1]!) || isWebsiteQuery(m[1]!))) return { platform: m[1]!, region: m[2]! };
  return { platform };
}

export const optout: CommandModule = {
  definition: {
    name: 'optout',
    description: 'How to stop a platform from training AI on your data',
    usage: USAGE,
    options: [
      { name: 'platform', description: 'Platform, e.g. linkedin, instagram, chatgpt, website', type: 'string', required: true, autocomplete: true },
      { name: 'region', description: 'Your region: a country code (FR, US…) or EU, EEA, UK', type: 'string' },
    ],
  },
  async handle(args, ctx) {
    const raw = typeof args.platform === 'string' ? args.platform : '';
    const split = typeof args.region === 'string' && args.region ? { platform: raw, region: args.region } : splitTrailingRegion(raw);
    const r = guideReply(split.platform, { ...(split.region ? { region: split.region } : {}), ...(ctx.lang ? { lang: ctx.lang } : {}) });
    if (r.error || isWebsiteQuery(split.platform)) return r;
    // Stories that contradict this guide, or a guide not verified for a long time: say so under the steps.
    const staleDays = typeof ctx.services.kbStaleDays === 'number' ? ctx.services.kbStaleDays : undefined;
    // The guide is the answer: marks that cannot be read (store down) are left out rather than failing it.
    const marks = await freshnessOf(ctx.services.store, split.platform, { now: ctx.services.now(), ...(staleDays ? { staleDays } : {}) }).catch(() => undefined);
    const warning = freshnessWarning(marks, ctx.lang);
    if (warning) {
      r.blocks.push({ type: 'context', text: warning });
      r.fallback += `\n${warning}`;
    }
    return r;
  },
  async autocomplete(option, partial) {
    if (option !== 'platform') return [];
    const q = normaliseName(partial);
    const kb = getKb();
    const scored: { name: string; value: string; rank: number }[] = [];
    for (const e of kb.platforms) {
      const keys = [e.name, e.id, ...e.aliases].map(normaliseName);
      const rank = !q ? 2 : keys.some((k) => k.startsWith(q)) ? 0 : keys.some((k) => k.includes(q)) ? 1 : -1;
      if (rank >= 0) scored.push({ name: e.name, value: e.id, rank });
    }
    if (!q || 'website'.startsWith(q) || 'robots'.startsWith(q)) scored.push({ name: kb.website.name, value: 'website', rank: q ? 0 : 2 });
    return scored
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
      .slice(0, 25)
      .map(({ name, value }) => ({ name, value }));
  },
};
