import type { CommandModule } from '../types.js';
import { reply } from '../reply.js';
import { subscriptionKey } from './subscription-format.js';

export const unsubscribe: CommandModule = {
  definition: { name: 'unsubscribe', parent: 'radar', description: 'Stop alerts in this channel (channel managers only)', usage: '/radar unsubscribe', managersOnly: true, options: [] },
  async handle(_args, ctx) {
    const removed = await ctx.services.store.subscriptions.delete(subscriptionKey(ctx.platform, ctx.channelId));
    const text = removed ? 'Unsubscribed: this channel gets no more alerts.' : 'This channel was not subscribed; nothing changed.';
    return reply([{ type: 'text', text }], text, { ephemeral: !removed });
  },
};
