import type { CommandModule } from '../types.js';
import { recentStories } from '../../src/query/stories.js';
import { reply } from '../reply.js';
import { storyLine } from './format.js';

export const latest: CommandModule = {
  definition: {
    name: 'latest',
    parent: 'radar',
    description: 'The most recent relevant stories',
    usage: '/radar latest [n]',
    options: [{ name: 'n', description: 'How many (1–20, default 5)', type: 'integer', min: 1, max: 20 }],
  },
  async handle(args, ctx) {
    const n = typeof args.n === 'number' ? args.n : 5;
    const stories = await recentStories(ctx.services.store, { limit: n, relevantOnly: true });
    if (stories.length === 0) return reply([{ type: 'text', text: 'No relevant stories yet. The bot polls its sources on a schedule; check `/radar status`.' }], 'No relevant stories yet.');
    return reply(
      [{ type: 'heading', text: `Latest ${stories.length} relevant ${stories.length === 1 ? 'story' : 'stories'}` }, { type: 'list', items: stories.map(storyLine) }],
      stories.map(storyLine).join('\n'),
    );
  },
};
