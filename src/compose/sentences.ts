// Sentence splitter for news text in the seven classifier languages. It must
// not break on abbreviations ("e.g.", "M.", "U.S."), decimals ("3.5"),
// initials, or inside quotes, and must handle French spacing before « ? ! »
// and closing » / ” after the full stop.

// Lower-cased tokens (without the final dot) that do not end a sentence.
const ABBREVIATIONS = new Set(
  [
    // en
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar',
    'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'approx', 'est', 'dept', 'fig', 'gov',
    'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'cf', 'al', 'ca', 'op', 'vol', 'ed', 'eds', 'rep', 'sen', 'gen',
    // fr
    'mme', 'mlle', 'mm', 'me', 'mgr', 'env', 'janv', 'févr', 'fév', 'avr', 'juil', 'déc', 'p', 'pp', 'c.-à-d', 'cf', 'chap', 'art', 'al',
    // de
    'z.b', 'd.h', 'u.a', 'bzw', 'usw', 'ggf', 'vgl', 'nr', 'ca', 'inkl', 'evtl', 'sog', 'abs', 'str', 'hr', 'fr', 'dipl', 'ing',
    // es / pt / it / nl
    'sr', 'sra', 'srta', 'dra', 'pág', 'núm', 'ud', 'uds', 'sto', 'sta', 'ee.uu', 'eeuu', 'sig', 'dott', 'sig.ra', 'ecc', 'pag',
    'dhr', 'mevr', 'drs', 'ir', 'bijv', 'o.a', 'enz', 'm.b.t', 'i.v.m', 'v.s', 'exmo', 'exma', 'ex',
  ].map((s) => s.toLowerCase()),
);

// Month names (folded) after which "27. Mai" / "1. November" is a German ordinal date, not a sentence end.
const MONTHS = new Set(
  'januar februar marz maerz april mai juni juli august september oktober november dezember jan feb mar apr jun jul aug sep sept okt nov dez'.split(' '),
);

const TERMINATORS = '.!?…';
const CLOSERS = '»”’"\')]';
const SPACE = /[\s\u00a0\u202f]/;
// What may open a new sentence: a capital letter, a digit, or an opening quote/bracket.
const OPENER = /[\p{Lu}\p{N}«“‘"'(¿¡[]/u;

function tokenBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !SPACE.test(text[i - 1]!) && !'(«“"'.includes(text[i - 1]!)) i--;
  return text.slice(i, end);
}

function isAbbreviation(token: string): boolean {
  const t = token.toLowerCase().replace(/^[^\p{L}]+/u, '');
  if (!t) return false;
  if (ABBREVIATIONS.has(t)) return true;
  // Dotted acronyms ("U.S", "E.U") below.
  // Initials ("J." in "J. Smith") and spaced abbreviations ("z. B.", "u. a.", "d. h.").
  if (/^\p{L}$/u.test(token.replace(/^[^\p{L}]+/u, ''))) return true;
  if (/^(\p{L}\.)+\p{L}$/u.test(t)) return true;
  return false;
}

/** "1. Open the app": a number opening the sentence is a list marker. */
function isListMarker(p: string, start: number, dot: number): boolean {
  return /^\d{1,2}$/.test(p.slice(start, dot).trim());
}

function isOrdinalDate(p: string, dot: number, next: number): boolean {
  if (!/^\d{1,2}$/.test(tokenBefore(p, dot))) return false;
  const word = /^\p{L}+/u.exec(p.slice(next))?.[0] ?? '';
  return MONTHS.has(word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
}

/** Splits one paragraph into sentences. Pieces are exact substrings (trimmed). */
function splitParagraph(p: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < p.length) {
    const ch = p[i]!;
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    // Run of terminators ("?!", "...").
    let j = i;
    while (j < p.length && TERMINATORS.includes(p[j]!)) j++;
    // Closing quotes/brackets, possibly after a (French) space: « … fin. »
    let k = j;
    for (;;) {
      let m = k;
      while (m < p.length && (p[m] === '\u00a0' || p[m] === '\u202f' || p[m] === ' ') && m - k < 2) m++;
      // Only » may follow a space (French typography); a spaced " opens the next quote.
      const c = p[m];
      if (c !== undefined && CLOSERS.includes(c) && (m === k || c === '»')) k = m + 1;
      else break;
    }
    // Must be followed by whitespace and a plausible sentence opener.
    let s = k;
    while (s < p.length && SPACE.test(p[s]!)) s++;
    const boundary =
      s > k &&
      s < p.length &&
      OPENER.test(p[s]!) &&
      !(ch === '.' && j - i === 1 && (isAbbreviation(tokenBefore(p, i)) || isOrdinalDate(p, i, s) || isListMarker(p, start, i)));
    if (boundary) {
      const piece = p.slice(start, k).trim();
      if (piece) out.push(piece);
      start = s;
      i = s;
    } else {
      i = j;
    }
  }
  const last = p.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Paragraphs = blank-line or single-newline separated blocks (feeds often use single newlines). */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((s) => s.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

export function splitSentences(text: string): string[] {
  return splitParagraphs(text).flatMap(splitParagraph);
}
