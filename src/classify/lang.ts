// Language of an item: the feed's tag when it names one of our seven languages,
// otherwise a stop-word vote. tinyld alone misreads short titles (English
// headlines come out as Romanian, German as Dutch), so it only breaks ties on
// longer text.
import { createRequire } from 'node:module';

// tinyld builds its model tables when loaded (~50 ms); most items carry a feed
// language tag, so it is loaded on the first item that needs it.
const requireCjs = createRequire(import.meta.url);
let tinyld: typeof import('tinyld') | undefined;
function detect(text: string, opts?: Parameters<typeof import('tinyld').detect>[1]): string {
  tinyld ??= requireCjs('tinyld') as typeof import('tinyld');
  return tinyld.detect(text, opts);
}
import { LANGS, type Lang } from '../domain.js';

const STOP: Record<Lang, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'for', 'on', 'with', 'its', 'it', 'will', 'that', 'this', 'your', 'from', 'by', 'how', 'says', 'are', 'users', 'data', 'after', 'about', 'new', 'what', 'you', 'be', 'has', 'over', 'their', 'not', 'can', 'an', 'as', 'at', 'into', 'why', 'who', 'was', 'were', 'been', 'than'],
  fr: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'pour', 'sur', 'avec', 'une', 'un', 'dans', 'vos', 'votre', 'pas', 'ses', 'aux', 'au', 'ce', 'qui', 'que', 'donnees', 'utilisateurs', 'son', 'sa', 'leurs', 'comment', 'entrainer', 'plus', 'par', 'il', 'elle', 'ne', 'apres', 'entre', 'chez', 'sous', 'vers', 'etre', 'nouvelle', 'nouveau', 'aussi', 'selon', 'sont'],
  de: ['der', 'die', 'das', 'und', 'ist', 'mit', 'fur', 'auf', 'nicht', 'den', 'dem', 'ein', 'eine', 'zu', 'von', 'sich', 'auch', 'will', 'ihre', 'nutzer', 'daten', 'wie', 'bei', 'im', 'aus', 'werden', 'soll', 'kann', 'sie', 'es', 'wird', 'nach', 'um', 'uber', 'des', 'vor', 'wegen', 'muss', 'gegen', 'beim', 'zum', 'zur', 'vom', 'ins', 'gibt', 'neue', 'neuen', 'jetzt', 'bis'],
  es: ['el', 'la', 'los', 'las', 'del', 'de', 'y', 'es', 'para', 'con', 'una', 'un', 'en', 'por', 'sus', 'su', 'que', 'se', 'datos', 'usuarios', 'como', 'al', 'lo', 'entrenar', 'mas', 'tu', 'tus', 'pero', 'sobre', 'ya', 'esta', 'este', 'pasa', 'tras', 'segun', 'hasta', 'desde', 'cuando', 'muy', 'tambien', 'nuevo', 'nueva', 'ante'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'dei', 'delle', 'della', 'degli', 'di', 'e', 'per', 'con', 'una', 'un', 'non', 'che', 'sui', 'sul', 'suoi', 'dati', 'utenti', 'come', 'alla', 'nel', 'nei', 'anche', 'addestrare', 'del', 'da', 'sono', 'ha', 'si', 'piu', 'dopo', 'torna', 'arriva', 'diventa', 'lancia', 'sulla', 'nella', 'negli', 'agli', 'dal', 'dai', 'nuovo', 'nuova', 'ecco'],
  nl: ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'op', 'is', 'niet', 'om', 'te', 'zijn', 'je', 'jouw', 'gebruikers', 'gegevens', 'hoe', 'bij', 'ook', 'wil', 'naar', 'uit', 'dat', 'die', 'wordt', 'kan', 'mag', 'over', 'nog', 'geen', 'hun', 'haar', 'worden', 'heeft', 'onder', 'tegen', 'nieuwe', 'zo', 'vanaf', 'tot', 'dit'],
  pt: ['o', 'os', 'as', 'do', 'dos', 'das', 'da', 'de', 'e', 'para', 'com', 'uma', 'um', 'no', 'na', 'nos', 'nas', 'nao', 'seus', 'suas', 'dados', 'usuarios', 'como', 'ao', 'em', 'treinar', 'mais', 'sobre', 'pela', 'pelo', 'sua', 'seu', 'que', 'se', 'foi', 'passa', 'lanca', 'apos', 'aos', 'ja', 'tambem', 'ainda', 'novo', 'nova', 'vai', 'ser', 'sao', 'pelos', 'pelas'],
};

// Letters and endings that one language uses and its neighbours do not.
const CUES: Record<Lang, RegExp> = {
  en: /\b\w+(?:ing|tion)s?\b|\bthe\b|'s\b/gi,
  fr: /[èêëçœ]|\b(?:l|d|qu|n|s)'\w|\w+(?:eux|aux|ées?)\b/gi,
  de: /[äöüß]|\b\w+(?:ung|heit|keit|lich|isch)en?\b/gi,
  es: /[ñ¿¡]|\w+(?:ción|ciones|dad)\b/gi,
  it: /\b\w+(?:zione|zioni|mente|ità|ggi\w*|gli)\b|\b(?:dell|all|nell|sull)'/gi,
  nl: /\bij\w*|\w+ij\w*|\b\w*(?:aa|oo|uu|ee)\w*\b/gi,
  pt: /[ãõ]|\w+(?:ção|ções|ão|ões)\b|\bnão\b/gi,
};

const STOPSETS = Object.fromEntries(LANGS.map((l) => [l, new Set(STOP[l])])) as Record<Lang, Set<string>>;

function fromTag(tag: string | undefined): Lang | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(base ?? '') ? (base as Lang) : undefined;
}

/** Scores per language; exported for tests and diagnostics. */
export function langScores(text: string, folded: string): Record<Lang, number> {
  const scores = { en: 0, fr: 0, de: 0, es: 0, it: 0, nl: 0, pt: 0 } as Record<Lang, number>;
  for (const w of folded.split(/[^a-z']+/)) {
    if (!w) continue;
    for (const l of LANGS) if (STOPSETS[l].has(w)) scores[l] += 1;
  }
  const sample = text.length > 600 ? text.slice(0, 600) : text;
  for (const l of LANGS) {
    const m = sample.match(CUES[l]);
    if (m) scores[l] += 0.6 * m.length;
  }
  return scores;
}

/**
 * `tag` wins when it is one of ours; otherwise the stop-word vote, with tinyld
 * consulted when the vote is close and there is enough text for it to be reliable.
 */
export function detectLang(text: string, folded: string, tag?: string): Lang {
  const tagged = fromTag(tag);
  if (tagged) return tagged;
  const s = langScores(text, folded);
  const ranked = [...LANGS].sort((a, b) => s[b] - s[a]);
  const best = ranked[0] as Lang;
  const second = ranked[1] as Lang;
  // A clear stop-word majority is trusted; otherwise tinyld (limited to our seven)
  // decides, which measured better than either alone on short headlines.
  if (s[best] - s[second] >= 1) return best;
  const t = detect(text.slice(0, 1000), { only: [...LANGS] });
  if ((LANGS as readonly string[]).includes(t)) return t as Lang;
  return s[best] === 0 ? 'en' : best;
}
