// Pulls the dates and regions a story states: deadlines ("before 27 May",
// "avant le 26 mai"), start dates ("à partir du 3 novembre") and which
// regions are in or out ("not available in the EU/EEA or Switzerland").
import { splitSentences } from './sentences.js';
import { fold } from './text.js';

export interface DateMention {
  kind: 'deadline' | 'start';
  quote: string; // as written, e.g. "before 27 May"
  date?: string; // resolved ISO day when the month is known
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'janvier', 'januar', 'enero', 'gennaio', 'januari', 'janeiro', 'jan', 'janv'],
  ['february', 'fevrier', 'februar', 'febrero', 'febbraio', 'februari', 'fevereiro', 'feb', 'fevr'],
  ['march', 'mars', 'marz', 'maerz', 'marzo', 'maart', 'marco', 'mar'],
  ['april', 'avril', 'abril', 'aprile', 'apr', 'avr'],
  ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio'],
  ['june', 'juin', 'juni', 'junio', 'giugno', 'junho', 'jun'],
  ['july', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'jul', 'juil'],
  ['august', 'aout', 'agosto', 'augustus', 'aug'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'sep', 'sept'],
  ['october', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'oct', 'okt'],
  ['november', 'novembre', 'noviembre', 'novembro', 'nov'],
  ['december', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'dec', 'dez'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?';
const YEAR = '(?:,?\\s+(?:de\\s+)?(\\d{4}))?';
// "27 May [2025]" / "27. Mai" / "27 de mayo de 2025" / "May 27[, 2025]"
const DMY = `${DAY}\\s+(?:de\\s+)?(${MONTH_RE})\\.?${YEAR}`;
const MDY = `(${MONTH_RE})\\.?\\s+${DAY}${YEAR}`;

// Cue words on folded text; each maps to the kind of date it introduces.
const CUES: { re: string; kind: DateMention['kind'] }[] = [
  { re: "before|by|until|no later than|ahead of|deadline(?: is| of)?|avant le|d'ici le|jusqu'au|au plus tard le|date limite(?: du| le| :)?|bis zum|bis|vor dem|spatestens (?:am|bis)|antes del?|hasta el|a mas tardar el|entro il|prima del|fino al|voor|uiterlijk|tot|antes de|ate", kind: 'deadline' },
  { re: "from|starting(?: on)?|as of|beginning|effective|a partir du|des le|a compter du|ab dem|ab|seit dem|a partir del|desde el|a partire dal|dal|vanaf|per|a partir de|desde", kind: 'start' },
];

function resolve(day: number, month: number, year: number | undefined, ref: Date): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  let y = year;
  if (!y) {
    // No year: the nearest such date around the story's date.
    y = ref.getUTCFullYear();
    const candidate = Date.UTC(y, month - 1, day);
    // Stories announce dates ahead more often than behind, hence the lopsided window.
    if (candidate < ref.getTime() - 120 * 86_400_000) y += 1;
    else if (candidate > ref.getTime() + 245 * 86_400_000) y -= 1;
  }
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Date mentions with a deadline/start cue, in text order, deduplicated by date. */
export function extractDates(text: string | undefined, ref: Date): DateMention[] {
  if (!text) return [];
  const folded = fold(text);
  // fold() keeps length for Latin text, but guard against drift anyway.
  const same = folded.length === text.length;
  const out: DateMention[] = [];
  for (const { re, kind } of CUES) {
    const rx = new RegExp(`(?<![\\p{L}])(?:${re})\\s+(?:the\\s+|le\\s+|il\\s+|el\\s+|o\\s+|dia\\s+)?(?:${DMY}|${MDY})(?![\\p{L}\\d])`, 'gu');
    for (const m of folded.matchAll(rx)) {
      const [, d1, mon1, y1, mon2, d2, y2] = m;
      const day = Number(d1 ?? d2);
      const month = MONTHS[(mon1 ?? mon2 ?? '').toLowerCase()] ?? 0;
      const year = y1 ?? y2 ? Number(y1 ?? y2) : undefined;
      const quote = (same ? text.slice(m.index, m.index + m[0].length) : m[0]).replace(/\.$/, '');
      const date = resolve(day, month, year, ref);
      out.push({ kind, quote, ...(date ? { date } : {}), index: m.index } as DateMention & { index: number });
    }
  }
  const sorted = (out as (DateMention & { index: number })[]).sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const result: DateMention[] = [];
  for (const { index: _i, ...d } of sorted) {
    const key = `${d.kind}:${d.date ?? d.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(d);
  }
  return result;
}

// Region acronyms, matched case-sensitively on the unfolded-case text so that
// "usa" (Spanish/Portuguese verb) or "us" (pronoun) never read as the USA.
const REGION_ACRONYMS: [string, RegExp][] = [
  ['EEA', /\b(EEA|EEE|EWR|EER|SEE)\b/g],
  ['EU', /\b(EU|UE)\b/g],
  ['UK', /\b(UK|U\.K\.)(?![\p{L}])/gu],
  ['US', /(\bUS\b|\bU\.S\.(?:A\.)?|\bUSA\b|\bEE\.\s?UU\.|\bEUA\b)/g],
];

// Region names in the seven languages, matched on folded (lower-case, accent-free) text.
const REGION_WORDS: [string, RegExp][] = [
  ['EEA', /\b(european economic area|espace economique europeen|europaischen wirtschaftsraum(s)?|espacio economico europeo|spazio economico europeo|europese economische ruimte|espaco economico europeu)\b/g],
  ['EU', /\b(european union|union europeenne|europaischen union|europaische union|union europea|unione europea|europese unie|uniao europeia|europe|european|europeens?|europeennes?|europa|europaische[nr]?|europeos?|europeas?|europei|europee|europese|europeus|europeias?)\b/g],
  ['UK', /\b(united kingdom|britain|british|royaume-uni|britanniques?|grossbritannien|vereinigten konigreich|reino unido|regno unito|verenigd koninkrijk)\b/g],
  ['CH', /\b(switzerland|swiss|suisse|schweiz|suiza|svizzera|zwitserland|suica)\b/g],
  ['US', /\b(united states|americans?|etats-unis|americains?|vereinigten staaten|estados unidos|stati uniti|verenigde staten|estadounidenses?|norte-americanos?)\b/g],
  ['BR', /\b(brazil|bresil|brasilien|brasil|brasile|brazilie|brasileiros?|brazilians?|bresiliens?)\b/g],
  ['CA', /\b(canada|kanada)\b/g],
  ['HK', /\bhong kong\b/g],
  ['CN', /\b(mainland china|china|chine|cina)\b/g],
  ['KR', /\b(south korea|coree du sud|sudkorea|corea del sur|corea del sud|zuid-korea|coreia do sul)\b/g],
  ['JP', /\b(japan|japon|giappone|japao)\b/g],
  ['IN', /\b(india|inde|indien)\b/g],
  ['AU', /\b(australia|australie|australien)\b/g],
  ['IT', /\b(italy|italie|italien|italia|italie)\b/g],
];

// Cues that put what FOLLOWS out of scope: "except the EU", "not available in Switzerland".
const EXCLUDE_AFTER =
  /\b(not available|unavailable|except(?:ing)?|excluding|outside(?: of)?|other than|not (?:in|for)|sauf|hors|a l'exception d[eu']|pas disponible|en dehors d[eu']|ausser|ausserhalb|nicht (?:in|fur|verfugbar)|excepto|salvo|fuera d[e']|no (?:esta )?disponible|tranne|eccetto|al di fuori d\w*|non disponibile|behalve|buiten|niet beschikbaar|exceto|fora d[oa']|nao (?:esta )?disponivel)\b/;
// Cues that put what PRECEDES out of scope: "EU users are excluded", "… ne sont pas concernés".
const EXCLUDE_BEFORE =
  /\b(are|were|is|remain|will be|stay)\s+(?:not affected|unaffected|excluded|exempt(?:ed)?|spared|left out|not included)|\b(won't|will not|aren't|are not) be(?:ing)? (?:affected|included|used)|\b(?:ne sont pas|ne seront pas|n'est pas|ne sera pas) (?:concernes?|visees?|inclus)|\b(?:sont|seront|restent) (?:exclus|epargnes|exemptes|exemptes)|\b(?:sind|bleiben|ist) (?:ausgenommen|nicht betroffen|ausgeschlossen)|\b(?:quedan|estan|seran) (?:excluid\w*|exent\w*)|\bno (?:se ven|se veran|estan) afectad\w*|\b(?:sono|restano|saranno) (?:esclus\w*|esent\w*)|\bnon (?:sono|saranno) (?:interessat\w*|coinvolt\w*)|\b(?:zijn|blijven|worden) (?:uitgezonderd|uitgesloten|niet getroffen)|\b(?:ficam|estao|serao) (?:excluid\w*|isent\w*)|\bnao (?:sao|serao) afetad\w*/;
// Clause breaks: the exclusion never reaches past them.
const CLAUSE_BREAK = /[;:]|\b(but|while|whereas|mais|alors que|tandis que|aber|wahrend|pero|mientras|ma|mentre|maar|terwijl|mas|enquanto)\b/g;

export interface RegionMentions {
  included: string[];
  excluded: string[];
}

function clauseBounds(f: string, at: number): [number, number] {
  let start = 0;
  let end = f.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of f.matchAll(CLAUSE_BREAK)) {
    if (m.index < at) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

export function extractRegions(text: string | undefined): RegionMentions {
  const included = new Set<string>();
  const excluded = new Set<string>();
  if (!text) return { included: [], excluded: [] };
  for (const sentence of splitSentences(text)) {
    const f = fold(sentence);
    // Spans of the sentence that are "out of scope".
    const spans: [number, number][] = [];
    const after = EXCLUDE_AFTER.exec(f);
    if (after) spans.push([after.index, clauseBounds(f, after.index)[1]]);
    const before = EXCLUDE_BEFORE.exec(f);
    if (before) spans.push([clauseBounds(f, before.index)[0], before.index]);
    // Same length as f (marks removed, case kept) so indexes line up with the spans.
    const cased = sentence.normalize('NFKD').replace(/\p{M}/gu, '');
    const hits: [string, number][] = [];
    for (const [code, re] of REGION_WORDS) for (const m of f.matchAll(re)) hits.push([code, m.index]);
    if (cased.length === f.length) for (const [code, re] of REGION_ACRONYMS) for (const m of cased.matchAll(re)) hits.push([code, m.index]);
    for (const [code, at] of hits) {
      if (spans.some(([a, b]) => at >= a && at <= b)) excluded.add(code);
      else included.add(code);
    }
  }
  for (const code of excluded) included.delete(code);
  return { included: [...included], excluded: [...excluded] };
}
