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
 * removes at least one character, so it always ends.
 */
export function fitEmbeds(input: APIEmbed[]): APIEmbed[] {
  let embeds = input.map(fitOne).filter((e) => !isEmpty(e)).slice(0, LIMITS.embeds);
  let over = totalLength(embeds) - LIMITS.total;
  while (over > 0) {
    let best: { get: () => string; set: (v: string) => void } | undefined;
    let bestLen = 0;
    for (const e of embeds) {
      const pieces: { get: () => string; set: (v: string) => void }[] = [
        { get: () => e.description ?? '', set: (v) => (e.description = v) },
        { get: () => e.footer?.text ?? '', set: (v) => (e.footer = { text: v }) },
        { get: () => e.title ?? '', set: (v) => (e.title = v) },
        ...(e.fields ?? []).map((f) => ({ get: () => f.value, set: (v: string) => (f.value = v) })),
      ];
      for (const p of pieces) {
        const l = len(p.get());
        if (l > bestLen) {
          best = p;
          bestLen = l;
        }
      }
    }
    if (!best || bestLen <= 1) break;
    // Shrink by the overflow, but never by more than half of one piece per round.
    const target = Math.min(bestLen - 1, Math.max(bestLen - over, Math.ceil(bestLen / 2), 1));
    best.set(cut(best.get(), target));
    embeds = embeds.map(fitOne).filter((e) => !isEmpty(e));
    over = totalLength(embeds) - LIMITS.total;
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
