import type { Story } from '../../src/domain.js';

/** One line per story: date, title, platforms, score, id (plain text; renderers escape it). */
export function storyLine(s: Story): string {
  const date = (s.published ?? s.firstSeen).slice(0, 10);
  const platforms = s.decision?.platforms.length ? ` [${s.decision.platforms.join(', ')}]` : '';
  const score = s.decision ? ` · score ${s.decision.score.toFixed(2)}` : '';
  const sources = s.sources.length > 1 ? ` · ${s.sources.length} sources` : '';
  return `${date} — ${s.title}${platforms}${score}${sources} · id ${s.id}`;
}
