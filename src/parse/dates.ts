// Feed dates come in every shape: RFC 822 with two-digit years, ISO 8601 with
// truncated offsets, localised month names. Anything we cannot read with
// confidence becomes `undefined` (unknown), never NaN and never 1970.

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [0, ['jan', 'january', 'janvier', 'janv', 'januar', 'jänner', 'jän', 'gennaio', 'gen', 'enero', 'ene', 'janeiro', 'januari', 'jan.']],
  [1, ['feb', 'february', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'februar', 'febbraio', 'febrero', 'fevereiro', 'fev', 'februari']],
  [2, ['mar', 'march', 'mars', 'märz', 'maerz', 'mär', 'marzo', 'março', 'marco', 'maart', 'mrt']],
  [3, ['apr', 'april', 'avril', 'avr', 'aprile', 'abril', 'abr']],
  [4, ['may', 'mai', 'maggio', 'mag', 'mayo', 'maio', 'mei']],
  [5, ['jun', 'june', 'juin', 'juni', 'giugno', 'giu', 'junio', 'junho']],
  [6, ['jul', 'july', 'juillet', 'juil', 'juli', 'luglio', 'lug', 'julio', 'julho']],
  [7, ['aug', 'august', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [8, ['sep', 'sept', 'september', 'septembre', 'settembre', 'set', 'septiembre', 'setembro']],
  [9, ['oct', 'october', 'octobre', 'oktober', 'okt', 'ottobre', 'ott', 'octubre', 'outubro', 'out']],
  [10, ['nov', 'november', 'novembre', 'noviembre', 'novembro']],
  [11, ['dec', 'december', 'décembre', 'decembre', 'déc', 'dezember', 'dez', 'dicembre', 'dic', 'diciembre', 'dezembro', 'des']],
];
for (const [m, names] of monthNames) for (const n of names) MONTHS[n.replace(/\.$/, '')] = m;

const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, MET: 60, CEST: 120, MEST: 120, EET: 120, EEST: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, IST: 330, JST: 540, AEST: 600, AEDT: 660, BRT: -180,
};

const MIN_YEAR = 1980;

export function monthIndex(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function valid(ms: number, now: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < MIN_YEAR || ms > now + 2 * 86_400_000 * 365) return undefined;
  return d.toISOString();
}

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function offsetMinutes(tz: string | undefined): number | undefined {
  if (!tz) return 0; // no zone given: read as UTC rather than the host's zone
  const t = tz.trim().toUpperCase();
  if (t in ZONES) return ZONES[t];
  const m = /^([+-])(\d{1,2}):?(\d{0,2})$/.exec(t);
  if (m) {
    const h = Number(m[2]);
    const mi = m[3] ? Number(m[3].padEnd(2, '0')) : 0;
    if (h > 14 || mi > 59) return undefined;
    return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
  }
  if (/^[A-Z]$/.test(t)) return 0; // military zones are ambiguous in practice; RFC 1123 says treat as UTC
  return undefined;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string | undefined, now: number): string | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const off = offsetMinutes(tz);
  if (off === undefined) return undefined;
  const ms = Date.UTC(y, mo, d, h, mi, Math.min(s, 59)) - off * 60_000;
  const chk = new Date(Date.UTC(y, mo, d));
  if (chk.getUTCDate() !== d) return undefined; // 31 February and friends
  return valid(ms, now);
}

/** Parse a feed or page date; returns ISO 8601 UTC or undefined when unknown. */
export function parseDate(input: string | undefined | null, now: number = Date.now()): string | undefined {
  if (!input) return undefined;
  const s = input.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 100) return undefined;

  // ISO 8601 / RFC 3339, tolerating a space for T, missing seconds and a truncated offset.
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{1,2}(?::?\d{0,2})?|[A-Z]{2,4})?)?$/i.exec(s);
  if (m) {
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[7], now);
  }
  // Compact ISO (20240115T103000Z) and W3C year-month.
  m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), m[7], now);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]) - 1, 1, 0, 0, 0, 'Z', now);

  // Word-based forms: drop weekday names and ordinals, then look for day, month name, year, time, zone.
  const t = s
    .replace(/,/g, ' ')
    .replace(/\b(\d{1,2})(st|nd|rd|th|er|e|º|°)\b/gi, '$1')
    .replace(/\b(\d{1,2})\./g, '$1 ') // German "27. Mai 2025"
    .replace(/\s+(de|del|di|du|of|à|a las|um|at)\s+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = t.split(' ');
  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  let h = 0, mi = 0, sec = 0;
  let tz: string | undefined;
  let pm: boolean | undefined;
  const loose: number[] = [];
  for (const tok of tokens) {
    const low = tok.toLowerCase().replace(/\.$/, '');
    const tm = /^(\d{1,2})[:h](\d{2})(?::(\d{2}))?([+-]\d{2}:?\d{2})?$/.exec(tok);
    if (tm) {
      h = Number(tm[1]); mi = Number(tm[2]); sec = Number(tm[3] ?? 0);
      if (tm[4]) tz = tm[4];
      continue;
    }
    if (/^\d{4}$/.test(tok) && (year !== undefined || loose.length > 0) && Number(tok) < 2400 && Number(tok.slice(2)) < 60 && h === 0 && mi === 0 && (year !== undefined || Number(tok) < 1900)) {
      // "03 Apr 02 1500 GMT": a bare HHMM time after a two-digit year
      h = Number(tok.slice(0, 2)); mi = Number(tok.slice(2)); continue;
    }
    if (low === 'am' || low === 'pm') { pm = low === 'pm'; continue; }
    const mo = MONTHS[low];
    if (mo !== undefined && month === undefined) { month = mo; continue; }
    if (/^[+-]\d{2}:?\d{2}$/.test(tok) || (tok.toUpperCase() in ZONES && /^[A-Za-z]+$/.test(tok))) { tz = tok; continue; }
    if (/^\d{4}$/.test(tok)) { year = Number(tok); continue; }
    if (/^\d{1,2}$/.test(tok)) {
      if (day === undefined && (month === undefined || loose.length === 0) && Number(tok) <= 31 && year === undefined && loose.length === 0) day = Number(tok);
      else loose.push(Number(tok));
      continue;
    }
    // weekday names and other words are ignored
  }
  if (month === undefined) {
    // Numeric day/month/year (European order; US-only sites are rare among our sources).
    const dm = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
    if (dm) return build(fullYear(Number(dm[3])), Number(dm[2]) - 1, Number(dm[1]), Number(dm[4] ?? 0), Number(dm[5] ?? 0), Number(dm[6] ?? 0), undefined, now);
    const fallback = Date.parse(s);
    return Number.isFinite(fallback) && /\d{4}/.test(s) ? valid(fallback, now) : undefined;
  }
  if (year === undefined && loose.length) year = fullYear(loose.shift()!);
  if (day === undefined && loose.length) day = loose.shift();
  if (day === undefined || year === undefined) return undefined;
  if (pm !== undefined) {
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  return build(year, month, day, h, mi, sec, tz, now);
}
