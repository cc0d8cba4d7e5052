import type { CommandModule } from '../types.js';
import { reply } from '../reply.js';
import { healthOf } from './sources.js';
import { loadSourceStates } from '../../src/pipeline/ingest.js';

export const status: CommandModule = {
  definition: { name: 'status', parent: 'radar', description: 'How the bot is doing: sources, stories, deliveries', usage: '/radar status', options: [] },
  async handle(_args, ctx) {
    const { store } = ctx.services;
    const ids = (ctx.services.sources ?? []).filter((s) => s.enabled).map((s) => s.id);
    const [loaded, stories, deliveries, subs] = await Promise.all([loadSourceStates(store, ids), store.stories.values(), store.deliveries.values(), store.subscriptions.values()]);
    const states = loaded.filter((s): s is NonNullable<typeof s> => s !== undefined);
    const failing = states.filter((s) => ['failing', 'paused'].includes(healthOf(s)));
    const byState = (st: string) => deliveries.filter((d) => d.state === st).length;
    const lastPoll = states.map((s) => s.lastSuccess ?? '').sort().pop();
    const fields = [
      { name: 'Sources', value: `${(ctx.services.sources ?? []).filter((s) => s.enabled).length} enabled, ${failing.length} failing or paused` },
      { name: 'Last successful fetch', value: lastPoll ? `${lastPoll.slice(0, 16).replace('T', ' ')} UTC` : 'none yet' },
      { name: 'Stories', value: `${stories.length} seen, ${stories.filter((s) => s.decision?.relevant).length} relevant` },
      { name: 'Deliveries', value: `${byState('sent')} sent, ${byState('pending') + byState('sending') + byState('failed')} waiting, ${byState('dead')} dead letters` },
      { name: 'Subscriptions', value: `${subs.length} channel(s), ${subs.filter((s) => s.paused).length} paused` },
    ];
    if (ctx.services.startedAt) fields.push({ name: 'Up since', value: `${ctx.services.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` });
    const dead = deliveries.filter((d) => d.state === 'dead').slice(0, 10).map((d) => `dead letter: story ${d.storyId} → ${d.platform} ${d.channelId}: ${d.lastError ?? ''}`);
    const paused = subs.filter((s) => s.paused).map((s) => `paused: ${s.platform} ${s.channelId} — ${s.paused!.reason}`);
    const extra = [...dead, ...paused];
    return reply(
      [{ type: 'heading', text: 'optout-radar status' }, { type: 'fields', fields }, ...(extra.length ? [{ type: 'list' as const, items: extra }] : [])],
      fields.map((f) => `${f.name}: ${f.value}`).join('\n'),
    );
  },
};
