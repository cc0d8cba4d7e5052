// /radar deadlines [platform]: the opt-out deadlines still ahead, soonest
// first, with the regions, days left and who announced each one.
import type { CommandModule } from '../types.js';
import { upcomingDeadlines, daysUntil, type DeadlineRecord } from '../../src/deadlines/model.js';
import { formatDate, regionName } from '../../src/kb/index.js';
import { reply } from '../reply.js';

const MAX = 20;
import { fold as foldText } from '../../src/text/fold.js';

// Letters and digits only, so "Meta AI", "meta-ai" and "MetaAI" compare equal.
const fold = (s: string) => foldText(s).replace(/[^\p{L}\p{N}]+/gu, '');

function sourceText(d: DeadlineRecord): string {
  const parts: string[] = [];
  if (d.sources.some((s) => s.kind === 'kb')) parts.push('knowledge base');
  for (const s of d.sources.filter((x) => x.kind === 'story').slice(0, 2)) parts.push(`story ${s.storyId} “${s.title.slice(0, 80)}”`);
  const more = d.sources.filter((x) => x.kind === 'story').length - 2;
  if (more > 0) parts.push(`+${more} more`);
  return parts.join(', ');
}

/** One plain-text line per deadline (renderers escape it). */
export function deadlineLine(d: DeadlineRecord, today: string, lang = 'en'): string {
  const left = daysUntil(d.date, today);
  const regions = d.regions.length ? ` (${d.regions.map((r) => regionName(r, lang)).join(', ')})` : '';
  return `${formatDate(d.date, lang)} — ${d.platform}${regions} — ${left} day${left === 1 ? '' : 's'} left — source: ${sourceText(d)}`;
}

export const deadlines: CommandModule = {
  definition: {
    name: 'deadlines',
    parent: 'radar',
    description: 'Upcoming opt-out deadlines: platform, region, date, days left, source',
    usage: '/radar deadlines [platform]',
    options: [{ name: 'platform', description: 'Only this platform, e.g. linkedin', type: 'string' }],
  },
  async handle(args, ctx) {
    const now = ctx.services.now();
    const today = now.toISOString().slice(0, 10);
    const want = typeof args.platform === 'string' ? fold(args.platform) : '';
    const all = (await upcomingDeadlines(ctx.services.store, { now })).filter(
      (d) => !want || fold(d.platform).includes(want) || fold(d.platformId).includes(want),
    );
    if (!all.length) {
      const text = want ? `No upcoming deadline known for “${String(args.platform).slice(0, 40)}”.` : 'No upcoming opt-out deadline is known.';
      return reply([{ type: 'text', text }], text);
    }
    const lines = all.slice(0, MAX).map((d) => deadlineLine(d, today, ctx.lang));
    const blocks: Parameters<typeof reply>[0] = [
      { type: 'heading', text: `Upcoming opt-out deadlines (${all.length})` },
      { type: 'list', items: lines },
    ];
    if (all.length > MAX) blocks.push({ type: 'context', text: `Showing the first ${MAX}. Add a platform to narrow: /radar deadlines linkedin` });
    blocks.push({ type: 'context', text: 'Subscribed channels get a reminder before each deadline that matches their filters. Steps: /optout <platform>' });
    return reply(blocks, lines.join('\n'));
  },
};
