import type { CommandModule } from '../types.js';
import { findStory } from '../../src/query/stories.js';
import { errorReply, reply } from '../reply.js';

export const why: CommandModule = {
  definition: {
    name: 'why',
    parent: 'radar',
    description: 'Why a story was (or was not) judged relevant',
    usage: '/radar why <story-id>',
    options: [{ name: 'story', description: 'The story id shown in the alert footer', type: 'string', required: true }],
  },
  async handle(args, ctx) {
    const id = String(args.story ?? '');
    const story = await findStory(ctx.services.store, id);
    if (!story) return errorReply(`No story with id “${id.slice(0, 64)}”. Ids are shown in each alert's footer and in /radar latest.`, why.definition.usage);
    const d = story.decision;
    if (!d) return reply([{ type: 'text', text: `Story ${story.id} has not been classified yet.` }], `Story ${story.id} has not been classified yet.`);
    const verdict = `${d.relevant ? 'Relevant' : 'Not relevant'} (score ${d.score.toFixed(2)}${d.greyZone ? ', grey zone' : ''}, language ${d.lang})`;
    const fields = [
      { name: 'Platforms', value: d.platforms.join(', ') || '—' },
      { name: 'Regulators', value: d.regulators.join(', ') || '—' },
      { name: 'Regions', value: d.regions.join(', ') || '—' },
    ];
    const reasons = d.reasons.map((r) => `${r.concept}: “${r.evidence}”`);
    return reply(
      [
        { type: 'heading', text: story.title },
        { type: 'text', text: verdict },
        { type: 'fields', fields },
        ...(reasons.length ? [{ type: 'list' as const, items: reasons }] : [{ type: 'text' as const, text: 'No evidence matched.' }]),
        { type: 'context', text: `Story ${story.id} · ${story.sources.length} source(s)` },
      ],
      `${story.title}: ${verdict}. ${reasons.join(' ')}`,
    );
  },
};
