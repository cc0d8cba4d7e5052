// Turning feed text fields (often HTML, often double-escaped) into clean plain
// text. A linear scanner does the common case without building a DOM (feeds
// have thousands of small fields; a DOM per field costs time and memory);
// cheerio is the fallback for rare named entities.
import * as cheerio from 'cheerio';

// The named entities feeds actually use; anything else goes to cheerio's full HTML5 table.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', sect: '§', para: '¶',
  times: '×', divide: '÷', plusmn: '±', iexcl: '¡', iquest: '¿', shy: '\u00ad', ordf: 'ª', ordm: 'º', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  zwnj: '\u200c', zwj: '\u200d', dagger: '†', Dagger: '‡', permil: '‰', prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
  aacute: 'á', Aacute: 'Á', agrave: 'à', Agrave: 'À', acirc: 'â', Acirc: 'Â', auml: 'ä', Auml: 'Ä', atilde: 'ã', Atilde: 'Ã', aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ',
  ccedil: 'ç', Ccedil: 'Ç', eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', Ecirc: 'Ê', euml: 'ë', Euml: 'Ë',
  iacute: 'í', Iacute: 'Í', igrave: 'ì', Igrave: 'Ì', icirc: 'î', Icirc: 'Î', iuml: 'ï', Iuml: 'Ï', ntilde: 'ñ', Ntilde: 'Ñ',
  oacute: 'ó', Oacute: 'Ó', ograve: 'ò', Ograve: 'Ò', ocirc: 'ô', Ocirc: 'Ô', ouml: 'ö', Ouml: 'Ö', otilde: 'õ', Otilde: 'Õ', oslash: 'ø', Oslash: 'Ø', oelig: 'œ', OElig: 'Œ',
  uacute: 'ú', Uacute: 'Ú', ugrave: 'ù', Ugrave: 'Ù', ucirc: 'û', Ucirc: 'Û', uuml: 'ü', Uuml: 'Ü', yacute: 'ý', Yacute: 'Ý', yuml: 'ÿ', szlig: 'ß',
};

// HTML5: numeric references 0x80–0x9F mean windows-1252 characters.
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fromCode(n: number): string {
  if (n >= 0x80 && n <= 0x9f) return C1[n - 0x80]!;
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decode HTML entities (named and numeric) without interpreting tags. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let unknown = false;
  const out = s.replace(ENTITY, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return fromCode(Number(dec));
    if (hex) return fromCode(parseInt(hex, 16));
    const v = NAMED[name!];
    if (v !== undefined) return v;
    unknown = true;
    return all;
  });
  if (!unknown) return out;
  // Rare names: cheerio knows the whole HTML5 table. '<' is escaped so only entities change.
  const $ = cheerio.load(out.replace(/</g, '&lt;'), null, false);
  return $.root().text();
}

// C0/C1 controls, bidi embeddings/overrides/isolates (they can make a title read
// backwards in a chat client) and the noncharacters U+FFFE/U+FFFF: never text.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

export function collapseWs(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

const BLOCK = new Set('p div br li h1 h2 h3 h4 h5 h6 tr td th blockquote section article header footer pre table ul ol dl dt dd figure figcaption hr main aside nav'.split(' '));
// Elements whose content is never readable text. <object>/<iframe> fallback text is kept.
const DROP = new Set(['script', 'style', 'noscript', 'svg', 'math', 'template', 'select', 'textarea']);

/** End of a tag starting at `i` ('<'), honouring quoted attribute values; -1 if unterminated. */
function tagEnd(s: string, i: number): number {
  let q = '';
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (q) { if (c === q) q = ''; }
    else if (c === '"' || c === "'") { if (/[=\s]/.test(s[j - 1] ?? '')) q = c; }
    else if (c === '>') return j;
  }
  return -1;
}

/**
 * HTML fragment → plain text: scripts, styles and other non-content dropped,
 * comments removed, entities decoded, block boundaries kept as spaces.
 */
export function htmlToText(html: string, maxLen = 20_000): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return collapseWs(html).slice(0, maxLen);
  const src = html.length > maxLen * 8 ? html.slice(0, maxLen * 8) : html;
  const parts: string[] = [];
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) { parts.push(src.slice(i)); break; }
    if (lt > i) parts.push(src.slice(i, lt));
    const next = src[lt + 1] ?? '';
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) break; // an unclosed comment swallows the rest, as in HTML5
      i = end + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      parts.push(src.slice(lt + 9, end < 0 ? src.length : end).replace(/&/g, '&amp;'));
      i = end < 0 ? src.length : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = src.indexOf('>', lt);
      if (end < 0) break;
      i = end + 1;
      continue;
    }
    const m = /^<(\/?)([A-Za-z][\w:-]*)/.exec(src.slice(lt, lt + 64));
    if (!m) {
      parts.push('&lt;'); // a bare '<' is text
      i = lt + 1;
      continue;
    }
    const end = tagEnd(src, lt);
    if (end < 0) break;
    const name = m[2]!.toLowerCase().replace(/^.*:/, '');
    i = end + 1;
    if (BLOCK.has(name)) parts.push(' ');
    if (!m[1] && DROP.has(name) && src[end - 1] !== '/') {
      const close = new RegExp(`</${m[2]}\\s*>`, 'i');
      const rest = close.exec(src.slice(i));
      i = rest ? i + rest.index + rest[0].length : src.length;
      parts.push(' ');
    }
  }
  return collapseWs(decodeEntities(parts.join(''))).slice(0, maxLen);
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
