// Alerts and command replies as Discord embeds (SPEC §5 order: headline,
// summary, who is affected, how to opt out, deadline, past training, sources,
// footer). Every string from a feed goes through `safe`; `fitEmbeds` applies
// the limits last, so nothing here has to count characters exactly.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Alert, AlertGuide } from '../../domain.js';
import type { Reply } from '../../../commands/types.js';
import { LIMITS, joinLines, mdLink, safe, safeUrl } from './text.js';
import { NO_MENTIONS, fitEmbeds, linkButtons, type MessageBody } from './limits.js';

export const EPHEMERAL = 64; // MessageFlags.Ephemeral
const COLOR = { alert: 0xe67e22, reply: 0x5865f2, error: 0xed4245 } as const;

const fillLabel = (t: string | undefined, vars: Record<string, string>) => (t ?? '').replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** "text (link)" when the URL is usable, else just the text. */
function withLink(text: string, url: string | undefined, linkLabel = '↗'): string {
  const u = safeUrl(url);
  return u ? `${safe(text)} ${mdLink(linkLabel, u)}` : safe(text);
}

function guideField(g: AlertGuide, alert: Alert): APIEmbedField {
  const L = alert.labels;
  const lines: string[] = [];
  if (g.regionsNote) lines.push(`*${safe(g.regionsNote)}*`);
  g.steps.forEach((s, i) => lines.push(`${i + 1}. ${withLink(s.text, s.url)}`));
  if (g.steps.length === 0) lines.push(safe(L.noOptOut ?? ''));
  for (const l of g.links) {
    const u = safeUrl(l.url);
    if (u) lines.push(`→ ${mdLink(l.label, u)}`);
  }
  for (const n of g.notes ?? []) lines.push(`• ${safe(n)}`);
  if (g.lastVerified) lines.push(`*${safe(fillLabel(L.lastVerified, { date: g.lastVerified.slice(0, 10) }))}*`);
  return { name: `${safe(L.howTo ?? 'How to opt out')} — ${safe(g.platform)}`, value: joinLines(lines, LIMITS.fieldValue) };
}

/** The alert as one embed with fields, plus link buttons for the opt-out pages. */
export function renderAlert(alert: Alert): MessageBody {
  const L = alert.labels;
  const fields: APIEmbedField[] = [];
  if (alert.affected.length) fields.push({ name: safe(L.affected ?? 'Who is affected'), value: joinLines(alert.affected.map((a) => `• ${safe(a)}`), LIMITS.fieldValue) });
  for (const g of alert.guides) fields.push(guideField(g, alert));
  if (alert.articleSteps.length)
    fields.push({
      name: safe(L.fromArticle ?? 'Steps given in the article'),
      value: joinLines(alert.articleSteps.map((s) => `“${safe(s.quote, { multiline: false })}” — ${withLink(s.source, s.link)}`), LIMITS.fieldValue),
    });
  if (alert.deadline) fields.push({ name: safe(L.deadline ?? 'Deadline'), value: safe(alert.deadline) });
  if (alert.pastTraining) fields.push({ name: safe(L.pastTraining ?? 'Already-trained models'), value: safe(alert.pastTraining) });
  if (alert.sources.length) {
    const lines = alert.sources.map((s) => {
      const u = safeUrl(s.link);
      return u ? `• ${safe(s.name)}: ${mdLink(s.title, u)}` : `• ${safe(s.name)}: ${safe(s.title)}`;
    });
    fields.push({ name: `${safe(L.sources ?? 'Sources')} (${alert.sources.length})`, value: joinLines(lines, LIMITS.fieldValue) });
  }
  const first = alert.sources.find((s) => safeUrl(s.link));
  const embed: APIEmbed = {
    title: safe(alert.headline),
    url: safeUrl(first?.link),
    description: safe(alert.summary.join(' '), { multiline: true }),
    color: COLOR.alert,
    fields,
    // The story id in the footer is what findMessage looks for after a crash.
    footer: { text: storyFooter(alert) },
  };
  const buttons = alert.guides.flatMap((g) =>
    g.links.map((l) => ({ label: l.label.toLowerCase().startsWith(g.platform.toLowerCase()) ? l.label : `${g.platform}: ${l.label}`, url: l.url })),
  );
  if (first?.link) buttons.push({ label: first.name || 'Article', url: first.link });
  return { embeds: fitEmbeds([embed]), components: linkButtons(buttons, 10), allowed_mentions: { ...NO_MENTIONS } };
}

export function storyFooter(alert: Alert): string {
  const L = alert.labels;
  return `${L.score ?? 'score'} ${alert.footer.score.toFixed(2)} · ${L.story ?? 'story'} ${alert.footer.storyId} · ${alert.footer.why}`;
}

/** Whether an embed footer names this story (the id as a whole word). */
export function footerHasStory(footer: string | undefined, storyId: string): boolean {
  if (!footer || !storyId) return false;
  return footer.split(/[\s·]+/).includes(storyId);
}

/**
 * A platform-neutral Reply as interaction message data: one embed for its
 * blocks (headings, text, lists, links, fields, context) plus one per alert
 * block. Ephemeral (flag 64) unless the reply says otherwise.
 */
export function renderReply(reply: Reply): MessageBody {
  let title: string | undefined;
  const paragraphs: string[] = [];
  const fields: APIEmbedField[] = [];
  const context: string[] = [];
  const alerts: APIEmbed[] = [];
  const components: { label: string; url: string }[] = [];
  for (const b of reply.blocks) {
    switch (b.type) {
      case 'heading':
        if (title === undefined) title = safe(b.text);
        else paragraphs.push(`**${safe(b.text)}**`);
        break;
      case 'text':
        paragraphs.push(safe(b.text, { multiline: true }));
        break;
      case 'list':
        paragraphs.push(joinLines(b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '•'} ${safe(it)}`), LIMITS.description));
        break;
      case 'links':
        paragraphs.push(
          joinLines(
            b.links.flatMap((l) => {
              const u = safeUrl(l.url);
              return u ? [`→ ${mdLink(l.label, u)}`] : [];
            }),
            LIMITS.description,
          ),
        );
        for (const l of b.links) components.push(l);
        break;
      case 'fields':
        for (const f of b.fields) fields.push({ name: safe(f.name), value: safe(f.value, { multiline: true }) });
        break;
      case 'context':
        context.push(safe(b.text));
        break;
      case 'alert':
        alerts.push(...renderAlert(b.alert).embeds);
        break;
    }
  }
  const main: APIEmbed = {
    title,
    description: joinLines(paragraphs.filter(Boolean), LIMITS.description, '\n\n'),
    color: reply.error ? COLOR.error : COLOR.reply,
    fields,
    footer: context.length ? { text: context.join(' · ') } : undefined,
  };
  let embeds = fitEmbeds([main, ...alerts]);
  if (embeds.length === 0) embeds = fitEmbeds([{ description: safe(reply.fallback || '…', { multiline: true }), color: main.color }]);
  const body: MessageBody = { embeds, allowed_mentions: { ...NO_MENTIONS } };
  const rows = linkButtons(components, 10);
  if (rows.length) body.components = rows;
  if (reply.ephemeral !== false) body.flags = EPHEMERAL;
  return body;
}
