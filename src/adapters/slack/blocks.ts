// Block builders that keep every Block Kit limit by construction: whatever
// goes in, what comes out is accepted by Slack. Renderers only use these.
import { LIMITS, clip, cut, cutMrkdwn, plainSafe, safeUrl } from './text.js';


export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  /** true: Slack does not auto-link URLs, channel names or mentions in it. */
  verbatim?: boolean;
}
export interface Button {
  type: 'button';
  text: PlainText;
  action_id: string;
  url?: string;
  value?: string;
  style?: 'primary' | 'danger';
}
export type Block =
  | { type: 'header'; block_id?: string; text: PlainText }
  | { type: 'section'; block_id?: string; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'context'; block_id?: string; elements: Mrkdwn[] }
  | { type: 'actions'; block_id?: string; elements: Button[] }
  | { type: 'divider'; block_id?: string };

const md = (text: string, max: number): Mrkdwn => ({ type: 'mrkdwn', text: cutMrkdwn(text, max), verbatim: true });
const id = (blockId: string | undefined) => (blockId ? { block_id: blockId.slice(0, LIMITS.blockId) } : {});

/** Header from raw (unescaped) text. */
export function header(raw: string, blockId?: string): Block | undefined {
  const text = cut(plainSafe(clip(raw, LIMITS.headerText)), LIMITS.headerText);
  return text ? { type: 'header', ...id(blockId), text: { type: 'plain_text', text, emoji: true } } : undefined;
}

/** Section from escaped mrkdwn; empty text gives no block (Slack requires 1+ characters). */
export function section(mrkdwn: string, blockId?: string): Block | undefined {
  return mrkdwn.trim() ? { type: 'section', ...id(blockId), text: md(mrkdwn, LIMITS.sectionText) } : undefined;
}

/** Sections of fields (escaped mrkdwn), ten per section. */
export function fieldSections(fields: string[], blockId?: string): Block[] {
  const out: Block[] = [];
  const usable = fields.filter((f) => f.trim());
  for (let i = 0; i < usable.length; i += LIMITS.fields) {
    const chunk = usable.slice(i, i + LIMITS.fields).map((f) => md(f, LIMITS.fieldText));
    out.push({ type: 'section', ...id(blockId && `${blockId}-${i / LIMITS.fields}`), fields: chunk });
  }
  return out;
}

export function context(elements: string[], blockId?: string): Block | undefined {
  const els = elements.filter((e) => e.trim()).slice(0, LIMITS.contextElements).map((e) => md(e, LIMITS.contextText));
  return els.length ? { type: 'context', ...id(blockId), elements: els } : undefined;
}

/** A link button; undefined when the URL is not a usable http(s) URL. */
export function linkButton(label: string, url: string | undefined, actionId: string): Button | undefined {
  const safe = safeUrl(url, LIMITS.buttonUrl);
  if (!safe) return undefined;
  const text = cut(plainSafe(clip(label, LIMITS.buttonText)), LIMITS.buttonText) || cut(new URL(safe).hostname, LIMITS.buttonText);
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, action_id: actionId.slice(0, LIMITS.actionId), url: safe };
}

export function valueButton(label: string, value: string, actionId: string): Button | undefined {
  if (value.length > LIMITS.buttonValue) return undefined;
  return { type: 'button', text: { type: 'plain_text', text: cut(plainSafe(clip(label, LIMITS.buttonText)), LIMITS.buttonText), emoji: true }, action_id: actionId.slice(0, LIMITS.actionId), value };
}

export function actions(buttons: (Button | undefined)[], blockId?: string): Block | undefined {
  const els = buttons.filter((b): b is Button => b !== undefined).slice(0, LIMITS.actionElements);
  return els.length ? { type: 'actions', ...id(blockId), elements: els } : undefined;
}

/** As many whole escaped lines as fit in `max` under an optional title (a first line too long on its own is cut); `used` counts them. */
export function packLines(title: string | undefined, lines: string[], max: number): { text: string; used: number } {
  const head = title ? `${title}\n` : '';
  let body = '';
  let used = 0;
  for (const line of lines) {
    const next = body ? `${body}\n${line}` : line;
    if (head.length + next.length <= max) {
      body = next;
      used++;
      continue;
    }
    if (used === 0) {
      body = cutMrkdwn(line, max - head.length);
      used++;
    }
    break;
  }
  return { text: `${head}${body}`, used };
}

/**
 * Joins escaped lines under an optional title, as many whole lines as fit in
 * `max`; the rest are counted in a last "more" line. Keeps sections readable
 * instead of chopping the last item in half.
 */
export function fitLines(title: string | undefined, lines: string[], max: number, more: (n: number) => string): string {
  const reserve = 60; // room for the "more" line
  const { text, used } = packLines(title, lines, max - reserve);
  const rest = lines.length - used;
  return rest > 0 ? `${text}\n${cutMrkdwn(more(rest), reserve - 1)}` : text;
}

/** Keeps at most `max` blocks; when cutting, the last kept block is `tail` (e.g. the footer), never dropped. */
export function capBlocks(blocks: Block[], max: number = LIMITS.blocks, tail?: Block): Block[] {
  const all = tail ? [...blocks, tail] : blocks;
  if (all.length <= max) return all;
  return tail ? [...blocks.slice(0, max - 1), tail] : blocks.slice(0, max);
}

/** Makes block_id and action_id values unique across a message (replies can hold several alerts). */
export function uniqueIds(blocks: Block[]): Block[] {
  const seen = new Set<string>();
  const fresh = (idv: string, max: number) => {
    let out = idv;
    for (let n = 2; seen.has(out); n++) out = `${idv.slice(0, max - 6)}~${n}`;
    seen.add(out);
    return out;
  };
  return blocks.map((b) => {
    const copy = { ...b } as Block;
    if (copy.block_id) copy.block_id = fresh(copy.block_id, LIMITS.blockId);
    if (copy.type === 'actions') copy.elements = copy.elements.map((e) => ({ ...e, action_id: fresh(e.action_id, LIMITS.actionId) }));
    return copy;
  });
}
