import type { CommandModule } from '../types.js';
import { reply } from '../reply.js';

/** Filled by the registry so help always lists exactly what exists. */
export const helpTopics: { usage: string; description: string; managersOnly?: boolean }[] = [];

export const help: CommandModule = {
  definition: { name: 'help', parent: 'radar', description: 'What the bot can do', usage: '/radar help', options: [] },
  async handle(_args, ctx) {
    const usage = (t: (typeof helpTopics)[number]) => (ctx.platform === 'discord' && t.managersOnly ? t.usage.replace(/^\/radar /, '/radar-admin ') : t.usage);
    const items = helpTopics.map((t) => `${usage(t)} — ${t.description}${t.managersOnly ? ' (channel managers)' : ''}`);
    return reply(
      [
        { type: 'heading', text: 'optout-radar' },
        { type: 'text', text: 'Alerts about AI being trained on people’s data, with the steps to opt out or object.' },
        { type: 'list', items },
      ],
      items.join('\n'),
    );
  },
};
