// Turning feed text fields (often HTML, often double-escaped) into clean plain text.
import * as cheerio from 'cheerio';

const NAMED_OR_NUMERIC = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;

/** Decode HTML entities (named and numeric) without interpreting tags. */
export function decodeEntities(s: string): string {
  if (!NAMED_OR_NUMERIC.test(s)) return s;
  // Escape '<' first so cheerio treats the whole string as text; only entities change.
  const $ = cheerio.load(s.replace(/</g, '&lt;'), null, false);
  return $.root().text();
}

export function collapseWs(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}

const BLOCK = 'p,div,br,li,h1,h2,h3,h4,h5,h6,tr,blockquote,section,article,header,footer,pre,table,ul,ol,figure,figcaption';

/**
 * HTML fragment → plain text: scripts, styles and other non-content dropped,
 * entities decoded, block boundaries kept as spaces, whitespace collapsed.
 */
export function htmlToText(html: string, maxLen = 20_000): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapseWs(html).slice(0, maxLen);
  // Very large inputs are cut before parsing: we never need more than maxLen of text.
  const src = html.length > maxLen * 8 ? html.slice(0, maxLen * 8) : html;
  const $ = cheerio.load(src, null, false);
  // Only elements whose content is never readable text; <object>/<iframe> fallback text is kept.
  $('script,style,noscript,svg,math,template,select,textarea').remove();
  $(BLOCK).each((_, el) => {
    $(el).prepend(' ').append(' ');
  });
  return collapseWs($.root().text()).slice(0, maxLen);
}

/** True when a string looks like it carries markup rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>|<!--/i.test(s) || /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i.test(s);
}

/** A title or other short field: markup and entities gone, one line. */
export function cleanText(s: string | undefined, maxLen = 1000): string {
  if (!s) return '';
  return looksLikeHtml(s) ? htmlToText(s, maxLen) : collapseWs(s).slice(0, maxLen);
}
