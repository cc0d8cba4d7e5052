import type { CommandModule } from '../types.js';
import { searchStories } from '../../src/query/stories.js';
import { reply } from '../reply.js';
import { storyLine } from './format.js';

export const search: CommandModule = {
  definition: {
    name: 'search',
    parent: 'radar',
    description: 'Search stories by words (titles, sources, platforms)',
    usage: '/radar search <words>',
    options: [{ name: 'words', description: 'Words to look for', type: 'string', required: true, rest: true }],
  },
  async handle(args, ctx) {
    const words = String(args.words ?? '').slice(0, 200);
    const found = await searchStories(ctx.services.store, words, 10);
    if (found.length === 0) return reply([{ type: 'text', text: `No story matches “${words}”.` }], `No story matches "${words}".`);
    return reply(
      [{ type: 'heading', text: `${found.length} ${found.length === 1 ? 'story matches' : 'stories match'} “${words}”` }, { type: 'list', items: found.map(storyLine) }],
      found.map(storyLine).join('\n'),
    );
  },
};
