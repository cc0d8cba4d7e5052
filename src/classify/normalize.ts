// Text cleaning shared by language detection, matching and evidence quoting.
// Feeds deliver HTML fragments and entities; lexicons are written in folded
// form (lower case, no diacritics) so "Entraînement" and "entrainement" match
// the same pattern without listing every spelling.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'",
  rdquo: '"', ldquo: '"', ndash: '-', mdash: '-', hellip: '...', laquo: '"', raquo: '"',
  eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô', uuml: 'ü',
  ouml: 'ö', auml: 'ä', szlig: 'ß', ntilde: 'ñ', atilde: 'ã', otilde: 'õ', iacute: 'í',
  oacute: 'ó', uacute: 'ú', aacute: 'á', icirc: 'î', acirc: 'â', ugrave: 'ù', euro: '€',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** HTML fragment → plain text. Block tags become sentence breaks so a list item never glues onto the next. */
export function stripHtml(s: string): string {
  if (s.indexOf('<') < 0 && s.indexOf('&') < 0) return s;
  let t = s.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  t = t.replace(/<\/?(p|div|li|ul|ol|br|h\d|tr|td|blockquote|figure|figcaption)\b[^>]*>/gi, ' . ');
  t = t.replace(/<[^>]*>/g, ' ');
  // Entities are decoded after tags are removed so "&lt;b&gt;" stays text.
  return decodeEntities(t);
}

/** Collapse whitespace and unify quotes/dashes. Keeps case and accents (for quoting and case-sensitive acronyms). */
export function tidy(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(\s\.\s*)+/g, ' . ')
    .trim();
}

const MARKS = /[\u0300-\u036f]/g;

/** Lower case, strip diacritics, ß→ss: the form every lexicon pattern is written in. */
export function fold(s: string): string {
  return s.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '').replace(/[œ]/g, 'oe').replace(/[æ]/g, 'ae');
}

/** Strip diacritics but keep case: for case-sensitive aliases such as "EU" or "X". */
export function unaccent(s: string): string {
  return s.replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '');
}

/**
 * Sentence split on cleaned text. A break needs end punctuation followed by a
 * space and a capital, digit or quote, so "U.S. users" stays one sentence.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  // German/Dutch ordinals ("27. Mai") and initials are not sentence ends.
  for (const part of text.split(/(?<=[.!?])(?<!\b\d{1,2}\.)(?<!\b\p{Lu}\.)\s+(?=["'(\p{Lu}\d])|\s\.\s/u)) {
    const t = part.trim().replace(/^[.\s]+|\s+\.$/g, '');
    if (t.length > 1) out.push(t);
  }
  return out;
}
