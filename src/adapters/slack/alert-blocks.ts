// An Alert as a Block Kit message (SPEC §5): header, summary, who is affected,
// opt-out steps with link buttons, the article's own steps, deadline, past
// training, sources, and a footer carrying the story id. All feed text is
// escaped; every limit is kept by the builders in blocks.ts.
import type { Alert, AlertGuide } from '../../domain.js';
import { formatDate } from '../../kb/dates.js';
import { type Block, actions, capBlocks, context, fitLines, header, linkButton, section } from './blocks.js';
import { LIMITS, clip, cutMrkdwn, escapeMrkdwn, link, safeUrl } from './text.js';

/** Message metadata event type; findMessage looks for it after a crash. */
export const ALERT_EVENT_TYPE = 'optout_radar_alert';
export const FOOTER_BLOCK_ID = 'optout-radar-footer';

export interface SlackMessage {
  text: string;
  blocks: Block[];
  metadata?: { event_type: string; event_payload: Record<string, string | number> };
}

// Strings this renderer adds beyond the composer's labels.
const EXTRA: Record<string, { more: string; moreGuides: string }> = {
  en: { more: '… and {n} more', moreGuides: 'More platforms: {list} (try /optout <platform>)' },
  fr: { more: '… et {n} de plus', moreGuides: 'Autres plateformes : {list} (essayez /optout <plateforme>)' },
};
const extra = (lang: string) => EXTRA[lang] ?? EXTRA.en!;
const fill = (t: string, vars: Record<string, string>) => t.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

// Per-item budgets keep one hostile item from crowding out the others.
const ITEM_MAX = 700;
const bold = (raw: string) => {
  const t = escapeMrkdwn(clip(raw, 140));
  return t ? `*${t}*` : '';
};
const item = (raw: string) => cutMrkdwn(escapeMrkdwn(clip(raw, ITEM_MAX)), ITEM_MAX + 100);

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function guideBlocks(g: AlertGuide, gi: number, alert: Alert): Block[] {
  const L = alert.labels;
  const more = (n: number) => escapeMrkdwn(fill(extra(alert.lang).more, { n: String(n) }));
  const verified = g.lastVerified ? ` _(${escapeMrkdwn(fill(L.lastVerified ?? '{date}', { date: formatDate(g.lastVerified, alert.lang) }))})_` : '';
  const lines: string[] = [];
  if (g.regionsNote) lines.push(item(g.regionsNote));
  g.steps.forEach((s, i) => {
    const url = safeUrl(s.url);
    lines.push(`${i + 1}. ${item(s.text)}${url ? ` → ${link(url, hostLabel(url))}` : ''}`);
  });
  if (g.steps.length === 0) lines.push(escapeMrkdwn(L.noOptOut ?? ''));
  for (const n of g.notes ?? []) lines.push(`• ${item(n)}`);
  const out: Block[] = [];
  const text = section(fitLines(`${bold(g.platform)}${verified}`, lines, LIMITS.sectionText, more), `guide-${gi}`);
  if (text) out.push(text);
  const buttons = actions(
    g.links.map((l, li) => linkButton(l.label, l.url, `link:${gi}:${li}`)),
    `guide-${gi}-links`,
  );
  if (buttons) out.push(buttons);
  return out;
}

export function renderAlertBlocks(alert: Alert): SlackMessage {
  const L = alert.labels;
  const X = extra(alert.lang);
  const more = (n: number) => escapeMrkdwn(fill(X.more, { n: String(n) }));
  const title = (key: string) => `*${escapeMrkdwn(L[key] ?? key)}*`;

  const head: Block[] = [];
  const add = (list: Block[], b: Block | undefined) => b && list.push(b);
  add(head, header(alert.headline || alert.storyId, 'headline'));
  if (alert.summary.length) add(head, section(`${title('summary')}\n${escapeMrkdwn(clip(alert.summary.join(' '), LIMITS.sectionText))}`, 'summary'));
  if (alert.affected.length)
    add(head, section(fitLines(title('affected'), alert.affected.map((a) => `• ${item(a)}`), LIMITS.sectionText, more), 'affected'));

  const tail: Block[] = [];
  if (alert.articleSteps.length) {
    const lines = alert.articleSteps.map((s) => `> “${item(s.quote)}” — ${link(s.link, clip(s.source, 120))}`);
    add(tail, section(fitLines(title('fromArticle'), lines, LIMITS.sectionText, more), 'article-steps'));
  }
  if (alert.deadline) add(tail, section(`${title('deadline')}\n${item(alert.deadline)}`, 'deadline'));
  if (alert.pastTraining) add(tail, section(`${title('pastTraining')}\n${item(alert.pastTraining)}`, 'past-training'));
  if (alert.sources.length) {
    const lines = alert.sources.map((s) => `• ${link(s.link, clip(s.name, 120) || hostLabel(s.link ?? ''))}: ${escapeMrkdwn(clip(s.title, 300))}`);
    add(tail, section(fitLines(title('sources'), lines, LIMITS.sectionText, more), 'sources'));
  }

  const footer = context(
    [
      escapeMrkdwn(
        `${L.score ?? 'score'} ${alert.footer.score.toFixed(2)} · ${L.story ?? 'story'} ${clip(alert.footer.storyId, 80)} · ${clip(alert.footer.why, 200)}`,
      ),
    ],
    FOOTER_BLOCK_ID,
  );

  // Guides take whatever room the fixed parts leave; platforms that do not fit
  // are named in one line so nothing silently disappears.
  const guideRoom = LIMITS.blocks - head.length - tail.length - 2; // heading + footer
  const guides: Block[] = [];
  const leftOut: string[] = [];
  for (const [gi, g] of alert.guides.entries()) {
    const blocks = guideBlocks(g, gi, alert);
    if (guides.length + blocks.length <= guideRoom - 1) guides.push(...blocks);
    else leftOut.push(g.platform);
  }
  if (leftOut.length) add(guides, section(escapeMrkdwn(clip(fill(X.moreGuides, { list: leftOut.join(', ') }), 2000)), 'more-guides'));
  const howTo = alert.guides.length || alert.articleSteps.length ? section(title('howTo'), 'how-to') : undefined;

  const body = [...head, ...(howTo ? [howTo] : []), ...guides, ...tail];
  const blocks = capBlocks(body, LIMITS.blocks, footer);
  return {
    text: fallbackText(alert),
    blocks,
    metadata: { event_type: ALERT_EVENT_TYPE, event_payload: { story_id: clip(alert.storyId, 200), sources: alert.sources.length } },
  };
}

/** The top-level `text`: what notifications and screen readers show. Carries the story id too. */
export function fallbackText(alert: Alert): string {
  const L = alert.labels;
  const summary = alert.summary[0] ? ` — ${alert.summary[0]}` : '';
  const id = clip(`${L.story ?? 'story'} ${alert.storyId}`, 150);
  const main = clip(`${alert.headline}${summary}`, LIMITS.fallbackText - 200);
  return cutMrkdwn(escapeMrkdwn(`${main} (${id})`), LIMITS.fallbackText);
}
