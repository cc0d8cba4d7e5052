// Text safety for Discord: feed text is untrusted, so it is cleaned, its
// markdown escaped and its mentions broken before it reaches a message, and
// every string is cut to Discord's limits instead of being rejected (SPEC §5).

/** Discord's message and embed limits (developers/resources/message.mdx). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  buttonUrl: 512,
  embedUrl: 2048,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ZWJ = '\u200d';

// C0/C1 controls (except \n), bidi overrides/isolates (spoofing), BOM.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Removes control and bidi characters; tabs and the like become spaces. */
export function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, (c) => (c === '\t' ? ' ' : ''));
}

/** One line: all whitespace runs collapsed (titles, names, labels). */
export function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

/**
 * Breaks everything Discord could turn into a ping or a reference:
 * @everyone/@here (also as a prefix, so a later cut cannot re-form one) and
 * every `<…>` token (<@id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>) except
 * `<https://…>`, which only suppresses a link preview. Idempotent.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=(everyone|here))/gi, `@${ZWJ}`).replace(/<(?![\s\u200d]|$|https?:\/\/)/g, `<${ZWJ}`);
}

/**
 * Escapes Discord markdown so feed text shows literally (no links, no
 * formatting). Inside bare URLs only the characters that could build a link,
 * code or spoiler are escaped, so "a_b" in a URL keeps working as a link.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>]+)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/[\\`|[\]]/g, (c) => `\\${c}`) : part.replace(/[\\*_~`|[\]]/g, (c) => `\\${c}`)))
    .join('')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

// No piece of a message can show more than 4096 characters, so longer input
// is clipped before the work below (a hostile feed can be megabytes).
const MAX_INPUT = LIMITS.description + 200;

function clip(text: string): string {
  if (text.length <= MAX_INPUT) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
  return `${text.slice(0, end)}…`;
}

/** Untrusted text made safe to show: cleaned, escaped, mentions broken. */
export function safe(text: string, opts: { multiline?: boolean } = {}): string {
  const raw = clip(text);
  const base = opts.multiline ? clean(raw).replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim() : oneLine(raw);
  return neutralizeMentions(escapeMarkdown(base));
}

/**
 * Cuts `text` to at most `max` characters (UTF-16 units, which never undercount
 * Discord's own count) at a word boundary, ending with "…". Never splits a
 * surrogate pair or leaves a dangling escape backslash.
 */
export function cut(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  if (max <= 0) return '';
  if (max === 1) return '…';
  let head = t.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  // Prefer the last word boundary unless it throws away most of the text.
  if (space > (max - 1) * 0.6) head = head.slice(0, space);
  head = tidyEnd(head);
  return `${head}…`;
}

function tidyEnd(s: string): string {
  let out = s.trimEnd();
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  // An odd number of trailing backslashes would escape the ellipsis.
  let slashes = 0;
  while (out[out.length - 1 - slashes] === '\\') slashes++;
  if (slashes % 2 === 1) out = out.slice(0, -1);
  // A zero-width joiner right after "<" or "@" must stay with what follows; drop both.
  out = out.replace(/[<@]\u200d?$/, '');
  return out.trimEnd();
}

/**
 * Joins lines up to `max` characters: whole lines while they fit; the first that
 * does not is cut when it is plain text (a cut markdown link would break), and
 * "…" marks what was left out.
 */
export function joinLines(lines: string[], max: number, sep = '\n'): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const extra = (out.length ? sep.length : 0) + line.length;
    if (used + extra <= max) {
      out.push(line);
      used += extra;
      continue;
    }
    const room = max - used - (out.length ? sep.length : 0);
    if (room >= 24 && !line.includes('](')) out.push(cut(line, room));
    else if (room >= 1) out.push('…');
    break;
  }
  return out.join(sep).trim();
}

/** An http(s) URL in normal form, or undefined (Discord refuses malformed URLs with a 400). */
export function safeUrl(raw: string | undefined, max: number = LIMITS.embedUrl): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  // "@" after the host is legal but reads like a mention to people and parsers; %40 means the same.
  const href = `${url.protocol}//${url.host}${(url.pathname + url.search + url.hash).replace(/@/g, '%40')}`;
  return href.length <= max && new URL(href).href === href ? href : undefined;
}

/** A masked link whose label is escaped and whose URL cannot close the link early. */
export function mdLink(label: string, url: string): string {
  const target = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  const text = safe(label) || target;
  return `[${text}](${target})`;
}
