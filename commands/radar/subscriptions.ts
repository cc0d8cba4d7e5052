import type { CommandModule } from '../types.js';
import { reply } from '../reply.js';
import { describeFilters } from './subscription-format.js';

export const subscriptions: CommandModule = {
  definition: { name: 'subscriptions', parent: 'radar', description: 'Which channels get alerts, with their filters', usage: '/radar subscriptions', options: [] },
  async handle(_args, ctx) {
    const subs = (await ctx.services.store.subscriptions.values()).filter((s) => s.platform === ctx.platform);
    if (subs.length === 0) return reply([{ type: 'text', text: 'No channel is subscribed yet. A channel manager can run /radar subscribe.' }], 'No channel is subscribed yet.');
    const items = subs.map((s) => `${s.channelId === ctx.channelId ? '→ this channel' : s.channelId}: ${describeFilters(s.filters)}${s.paused ? ` — PAUSED: ${s.paused.reason}` : ''}`);
    return reply([{ type: 'heading', text: `${subs.length} subscribed channel(s)` }, { type: 'list', items }], items.join('\n'));
  },
};
