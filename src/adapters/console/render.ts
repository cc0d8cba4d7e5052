// Plain-text rendering of alerts and command replies for the console adapter
// and the CLI: readable in an 80-column terminal, no markup.
import type { Alert, AlertGuide } from '../../domain.js';
import type { Reply, ReplyBlock } from '../../../commands/types.js';
import { formatDate } from '../../kb/dates.js';

const RULE = '─'.repeat(60);

// Feed text reaches the terminal: drop control characters (ANSI escapes,
// bells, C1 codes) so a hostile item cannot move the cursor or recolour output.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string): string {
  return text.replace(CONTROL, '');
}

function fill(template: string | undefined, vars: Record<string, string>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Wraps one paragraph at `width` columns without breaking words; keeps its leading indent, continuation lines get `indent`. */
export function wrap(text: string, width = 78, indent = ''): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const words: string[] = [];
  // French spacing: never leave « at a line end or start a line with » : ; ? !
  for (const w of text.trim().split(/\s+/).filter(Boolean)) {
    const prev = words[words.length - 1];
    if (prev !== undefined && (/^[»:;?!]+[.,]?$/.test(w) || prev === '«')) words[words.length - 1] = `${prev} ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent + w;
    } else {
      line = line.trim() ? `${line} ${w}` : line + w;
    }
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

function section(title: string | undefined): string {
  return `\n${(title ?? '').toUpperCase()}`;
}

function renderGuide(g: AlertGuide, labels: Record<string, string>, lang: string): string[] {
  const out: string[] = [];
  const verified = g.lastVerified ? ` (${fill(labels.lastVerified, { date: formatDate(g.lastVerified, lang) })})` : '';
  out.push(`■ ${g.platform}${verified}`);
  if (g.regionsNote) out.push(wrap(`  ${g.regionsNote}`, 78, '  '));
  g.steps.forEach((s, i) => {
    const prefix = `  ${i + 1}. `;
    out.push(wrap(prefix + s.text + (s.url ? ` <${s.url}>` : ''), 78, ' '.repeat(prefix.length)));
  });
  if (g.steps.length === 0) out.push(`  ${labels.noOptOut ?? ''}`);
  for (const l of g.links) out.push(wrap(`  → ${l.label}${labels.colon ?? ': '}${l.url}`, 78, '    '));
  for (const n of g.notes ?? []) out.push(wrap(`  • ${n}`, 78, '    '));
  return out;
}

export function renderAlertText(alert: Alert): string {
  const L = alert.labels;
  const out: string[] = [RULE, wrap(alert.headline), RULE];
  if (alert.summary.length) {
    out.push(section(L.summary));
    out.push(wrap(alert.summary.join(' ')));
  }
  if (alert.affected.length) {
    out.push(section(L.affected));
    for (const a of alert.affected) out.push(wrap(`• ${a}`, 78, '  '));
  }
  if (alert.guides.length || alert.articleSteps.length) {
    out.push(section(L.howTo));
    for (const g of alert.guides) out.push(...renderGuide(g, L, alert.lang));
    if (alert.articleSteps.length) {
      out.push(`■ ${L.fromArticle ?? ''}`);
      for (const s of alert.articleSteps) {
        out.push(wrap(`  ${L.quoteOpen ?? '“'}${s.quote}${L.quoteClose ?? '”'} — ${s.source}${s.link ? ` <${s.link}>` : ''}`, 78, '    '));
      }
    }
  }
  if (alert.deadline) {
    out.push(section(L.deadline));
    out.push(wrap(alert.deadline));
  }
  if (alert.pastTraining) {
    out.push(section(L.pastTraining));
    out.push(wrap(alert.pastTraining));
  }
  if (alert.sources.length) {
    out.push(section(L.sources));
    for (const s of alert.sources) out.push(wrap(`• ${s.name}${L.colon ?? ': '}${s.title}${s.link ? ` <${s.link}>` : ''}`, 78, '  '));
  }
  out.push('');
  out.push(`${L.score ?? 'score'} ${alert.footer.score.toFixed(2)} · ${L.story ?? 'story'} ${alert.footer.storyId} · ${alert.footer.why}`);
  out.push(RULE);
  return sanitize(out.join('\n'));
}

function renderBlock(b: ReplyBlock): string {
  switch (b.type) {
    case 'heading':
      return `${wrap(b.text)}\n${'═'.repeat(Math.min(60, Math.max(3, b.text.length)))}`;
    case 'text':
      return b.text.split('\n').map((p) => wrap(p)).join('\n');
    case 'list':
      return b.items
        .map((it, i) => {
          const prefix = b.ordered ? `${i + 1}. ` : '• ';
          return wrap(prefix + it, 78, ' '.repeat(prefix.length));
        })
        .join('\n');
    case 'links':
      return b.links.map((l) => wrap(`→ ${l.label}: ${l.url}`, 78, '  ')).join('\n');
    case 'fields':
      return b.fields.map((f) => wrap(`${f.name}: ${f.value}`, 78, '  ')).join('\n');
    case 'context':
      return wrap(b.text);
    case 'alert':
      return renderAlertText(b.alert);
  }
}

export function renderReplyText(reply: Reply): string {
  if (reply.blocks.length === 0) return sanitize(reply.fallback);
  return sanitize(reply.blocks.map(renderBlock).join('\n\n'));
}
