// Text safety for Slack: every string that came from a feed (or a user) goes
// through here before it reaches a block. Three jobs: drop invisible control
// characters, escape what Slack treats as markup (&, <, >), and cut text to a
// Block Kit limit at a word boundary without breaking an escape or a link.

/** Block Kit limits for messages (platform-facts S6). Lengths are UTF-16 units, which never undercount. */
export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Top-level `text`: Slack truncates above 40,000; we stay well below. */
  fallbackText: 3900,
} as const;

const ELLIPSIS = '…';

// C0/C1 controls (except newline and tab, handled by callers), zero-width and
// bidi embedding/override/isolate characters: invisible, and the bidi ones can
// make text read differently from what it is. Plain RTL/LTR marks stay.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes invisible characters and lone surrogates; keeps newlines when asked, else folds all whitespace. */
export function clean(text: string, opts: { keepNewlines?: boolean } = {}): string {
  const t = String(text ?? '')
    .replace(/[\u2028\u2029]/g, '\n') // line/paragraph separators are line breaks
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '');
  if (opts.keepNewlines)
    return t
      .replace(/\r\n?/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  return t.replace(/\s+/g, ' ').trim();
}

// A word joiner (U+2060) after "@" stops @channel/@here/@everyone from ever
// being read as a broadcast, whatever parse mode Slack applies; it is invisible.
// No word boundary required: a later cut could create one ("@channelx" → "@channel…").
const BROADCAST = /@(channel|here|everyone)/gi;
const WJ = '\u2060';

/** Feed text → mrkdwn that shows the same words and can never mention, link or ping. */
export function escapeMrkdwn(text: string): string {
  return clean(text, { keepNewlines: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `@${WJ}$1`);
}

/** Feed text → plain_text (headers, buttons). plain_text is never parsed, but a word joiner after "<" keeps even that assumption out of the safety argument. */
export function plainSafe(text: string): string {
  return clean(text).replace(/</g, `<${WJ}`).replace(BROADCAST, `@${WJ}$1`);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Largest index ≤ max that does not split a surrogate pair. */
function safeIndex(text: string, max: number): number {
  if (max <= 0) return 0;
  if (max >= text.length) return text.length;
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
}

/**
 * Cuts plain text to at most `max` units, at a word boundary when one is in the
 * second half, with an ellipsis. Text that fits is returned unchanged.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = safeIndex(text, max - ELLIPSIS.length);
  const slice = text.slice(0, room);
  const space = slice.search(/\s\S*$/);
  const base = space > room / 2 ? slice.slice(0, space) : slice;
  return `${base.replace(/[\s,;:–—-]+$/, '')}${ELLIPSIS}`;
}

/**
 * clean + cut for text that may be huge (a 50 kB feed title): only a prefix is
 * cleaned, which is all that can be shown anyway.
 */
export function clip(raw: string, max: number, opts: { keepNewlines?: boolean } = {}): string {
  const limit = max * 4 + 64;
  const text = String(raw ?? '');
  if (text.length <= limit) return cut(clean(text, opts), max);
  const head = clean(text.slice(0, limit), opts);
  return head.length > max ? cut(head, max) : `${cut(head, max - ELLIPSIS.length)}${ELLIPSIS}`;
}

/**
 * Cuts already-escaped mrkdwn. Same as `cut`, and then backs off so the cut
 * never ends inside an entity (&amp;) or inside one of our own <url|label> links.
 */
export function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = cut(text, max).slice(0, -ELLIPSIS.length);
  const openLink = out.lastIndexOf('<');
  if (openLink > out.lastIndexOf('>')) out = out.slice(0, openLink);
  out = out.replace(/&[a-z]*$/i, '');
  // A formatting marker left open by the cut (e.g. "*Title") is harmless: Slack shows it literally.
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * A URL safe to put inside <url|label> or a button: http(s) only, parsed and
 * re-serialised, with the characters that end a Slack link percent-encoded.
 * Anything else (javascript:, relative, too long) → undefined, and the caller shows text only.
 */
export function safeUrl(raw: string | undefined, max: number = LIMITS.buttonUrl): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(clean(raw));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined; // "https://@channel@host" tricks
  // "@" is encoded too so no URL can read as "@here"; equivalent for servers in paths and queries.
  const rest = url.href.slice(url.origin.length).replace(/[|<>\s"'`@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const href = `${url.origin}${rest}`;
  return href.length <= max ? href : undefined;
}

/** A mrkdwn link with an escaped label; falls back to the label alone when the URL is unusable. */
export function link(url: string | undefined, label: string): string {
  const safe = safeUrl(url);
  const text = escapeMrkdwn(label).replace(/\n/g, ' ');
  return safe ? `<${safe}|${text || safe}>` : text;
}
