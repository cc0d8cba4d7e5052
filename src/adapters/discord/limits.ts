// Makes any set of embeds and buttons fit every Discord limit at once: each
// field on its own, then the 6000-character total across the message, by
// shortening the longest text first (it loses the least information).
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithURL, type APIEmbed } from 'discord.js';
import { LIMITS, cut, neutralizeMentions, oneLine, safeUrl } from './text.js';

/** Nothing in a message this bot sends may ping anyone (SPEC §5). */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[] });

export interface MessageBody {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithURL>[];
  allowed_mentions: { parse: never[] };
  flags?: number;
}

const len = (s: string | undefined) => (s ? s.trim().length : 0);

/** Discord's count for one embed: title, description, fields, footer, author. */
export function embedLength(e: APIEmbed): number {
  let n = len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  for (const f of e.fields ?? []) n += len(f.name) + len(f.value);
  return n;
}

export function totalLength(embeds: APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

/** Cuts each part of one embed to its own limit; drops empty fields and bad URLs. */
function fitOne(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  const text = (s: string | undefined, max: number) => {
    const v = s === undefined ? undefined : cut(neutralizeMentions(s), max);
    return v ? v : undefined;
  };
  out.title = text(e.title, LIMITS.title);
  out.description = text(e.description, LIMITS.description);
  out.url = out.title ? safeUrl(e.url) : undefined;
  if (e.footer) {
    const t = text(e.footer.text, LIMITS.footer);
    out.footer = t ? { text: t } : undefined;
  }
  if (e.author) {
    const n = text(e.author.name, LIMITS.author);
    out.author = n ? { name: n, ...(safeUrl(e.author.url) ? { url: safeUrl(e.author.url) } : {}) } : undefined;
  }
  out.fields = (e.fields ?? [])
    .map((f) => ({ name: text(f.name, LIMITS.fieldName) ?? '', value: text(f.value, LIMITS.fieldValue) ?? '', ...(f.inline ? { inline: true } : {}) }))
    .filter((f) => f.name && f.value)
    .slice(0, LIMITS.fields);
  for (const k of Object.keys(out) as (keyof APIEmbed)[]) if (out[k] === undefined) delete out[k];
  if (out.fields?.length === 0) delete out.fields;
  return out;
}

const isEmpty = (e: APIEmbed) => embedLength(e) === 0;

/**
 * Returns embeds within every limit. Over the total, the longest piece of text
 * is shortened by the overflow (at most by half each round); each round
 * removes at least one character, and 10 embeds of at most 28 one-character
 * pieces stay far below 6000, so it always ends within the limit.
 */
export function fitEmbeds(input: APIEmbed[]): APIEmbed[] {
  const embeds = input.map(fitOne).filter((e) => !isEmpty(e)).slice(0, LIMITS.embeds);
  let over = totalLength(embeds) - LIMITS.total;
  if (over <= 0) return embeds;
  type Piece = { get: () => string; set: (v: string) => void };
  const pieces: Piece[] = [];
  for (const e of embeds) {
    if (e.description) pieces.push({ get: () => e.description ?? '', set: (v) => (e.description = v) });
    if (e.footer) pieces.push({ get: () => e.footer?.text ?? '', set: (v) => (e.footer = { text: v }) });
    if (e.title) pieces.push({ get: () => e.title ?? '', set: (v) => (e.title = v) });
    for (const f of e.fields ?? []) {
      pieces.push({ get: () => f.value, set: (v) => (f.value = v) });
      pieces.push({ get: () => f.name, set: (v) => (f.name = v) });
    }
  }
  const lengths = pieces.map((p) => len(p.get()));
  while (over > 0) {
    let at = -1;
    for (let i = 0; i < lengths.length; i++) if (at < 0 || lengths[i]! > lengths[at]!) at = i;
    const longest = at < 0 ? 0 : lengths[at]!;
    if (longest <= 1) break;
    // Shrink by the overflow, but never by more than half of one piece per round.
    const target = Math.min(longest - 1, Math.max(longest - over, Math.ceil(longest / 2), 1));
    const next = cut(pieces[at]!.get(), target);
    pieces[at]!.set(next);
    lengths[at] = len(next);
    over -= longest - lengths[at]!;
  }
  return embeds;
}

/** Link buttons (style 5): valid http(s) URLs only, deduplicated, in rows of 5. */
export function linkButtons(links: { label: string; url: string }[], maxButtons = LIMITS.rows * LIMITS.buttonsPerRow): APIActionRowComponent<APIButtonComponentWithURL>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithURL[] = [];
  for (const l of links) {
    const url = safeUrl(l.url, LIMITS.buttonUrl);
    const label = cut(neutralizeMentions(oneLine(l.label)), LIMITS.buttonLabel);
    if (!url || !label || seen.has(url)) continue;
    seen.add(url);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label, url });
    if (buttons.length >= Math.min(maxButtons, LIMITS.rows * LIMITS.buttonsPerRow)) break;
  }
  const rows: APIActionRowComponent<APIButtonComponentWithURL>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  return rows;
}

/** Plain message content, safe and within 2000 characters. */
export function safeContent(text: string): string {
  return cut(neutralizeMentions(text), LIMITS.content);
}
