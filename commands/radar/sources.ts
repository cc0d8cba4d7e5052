import type { CommandModule } from '../types.js';
import type { SourceState } from '../../src/domain.js';
import { reply } from '../reply.js';
import { loadSourceStates } from '../../src/pipeline/ingest.js';

export function healthOf(state: SourceState | undefined): 'ok' | 'failing' | 'paused' | 'new' {
  if (!state || (!state.lastSuccess && !state.lastError)) return 'new';
  if (state.paused) return 'paused';
  if (state.consecutiveFailures > 0) return 'failing';
  return 'ok';
}

export const sources: CommandModule = {
  definition: {
    name: 'sources',
    parent: 'radar',
    description: 'The sources the bot reads and their health',
    usage: '/radar sources [problems]',
    options: [{ name: 'show', description: 'all (default) or problems', type: 'string', choices: [{ name: 'all', value: 'all' }, { name: 'problems', value: 'problems' }] }],
  },
  async handle(args, ctx) {
    const list = (ctx.services.sources ?? []).filter((s) => s.enabled);
    // loadSourceStates merges the shared "last success" record that 304 cycles update.
    const loaded = await loadSourceStates(ctx.services.store, list.map((s) => s.id));
    const states = new Map(list.map((s, i) => [s.id, loaded[i]]));
    const rows = list.map((s) => ({ s, st: states.get(s.id), h: healthOf(states.get(s.id)) }));
    const bad = rows.filter((r) => r.h === 'failing' || r.h === 'paused');
    const shown = args.show === 'problems' ? bad : rows;
    const counts = `${rows.length} sources: ${rows.filter((r) => r.h === 'ok').length} ok, ${bad.length} failing or paused, ${rows.filter((r) => r.h === 'new').length} not polled yet`;
    const items = shown.slice(0, 40).map(({ s, st, h }) => {
      const why = h === 'failing' || h === 'paused' ? ` — ${st?.lastError ?? 'error'} (${st?.consecutiveFailures ?? 0} failures${st?.nextAttempt ? `, next try ${st.nextAttempt.slice(0, 16).replace('T', ' ')} UTC` : ''})` : '';
      return `${h === 'ok' ? '✓' : h === 'new' ? '·' : '✗'} ${s.name} (${s.kind}${s.jurisdiction ? `, ${s.jurisdiction}` : ''}) ${h}${why}`;
    });
    if (shown.length > 40) items.push(`… and ${shown.length - 40} more`);
    return reply([{ type: 'heading', text: counts }, ...(items.length ? [{ type: 'list' as const, items }] : [])], `${counts}\n${items.join('\n')}`);
  },
};
