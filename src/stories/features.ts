// Language-independent fingerprint of an item: named entities (from a
// gazetteer), concepts, figures and day-of-month dates, plus same-language
// content words. Clustering compares these, not raw wording.
import type { Item } from '../domain.js';
import { CONCEPTS, ENTITIES, STOPWORDS, type EntityClass } from './lexicon.js';
import { monthIndex } from '../parse/dates.js';

export interface Features {
  entities: string[]; // "e:meta", "r:dpc", "g:eu"
  concepts: string[]; // "c:train"
  numbers: string[]; // "n:15000000", "d:05-27"
  words: string[]; // "w:instagram" (same-language overlap)
  title: string; // normalised title for near-duplicate checks
}

interface Lookup {
  exact: Map<string, string>;
  prefix: Map<string, [string, string][]>; // first 3 chars → [prefix, id]
}

function compile(groups: [string, string[]][]): Lookup {
  const exact = new Map<string, string>();
  const prefix = new Map<string, [string, string][]>();
  for (const [id, aliases] of groups) {
    for (const a of aliases) {
      if (a.endsWith('*')) {
        const p = a.slice(0, -1);
        const k = p.slice(0, 3);
        const list = prefix.get(k) ?? [];
        list.push([p, id]);
        prefix.set(k, list);
      } else exact.set(a, id);
    }
  }
  return { exact, prefix };
}

function find(l: Lookup, tok: string): string | undefined {
  const e = l.exact.get(tok);
  if (e) return e;
  const list = l.prefix.get(tok.slice(0, 3));
  if (list) for (const [p, id] of list) if (tok.startsWith(p)) return id;
  return undefined;
}

const ENTITY_LOOKUP = compile(
  (Object.entries(ENTITIES) as [EntityClass, Record<string, string[]>][]).flatMap(([cls, map]) =>
    Object.entries(map).map(([id, al]) => [`${cls === 'org' ? 'e' : cls === 'regulator' ? 'r' : 'g'}:${id}`, al] as [string, string[]]),
  ),
);
const CONCEPT_LOOKUP = compile(Object.entries(CONCEPTS).map(([id, al]) => [`c:${id}`, al]));

export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const SCALE: [RegExp, number][] = [
  [/^(k|thousand|tausend|mille|mil)$/, 1e3],
  [/^(m|mn|mio|million|millions|millionen|milioni|millones|milhoes|miljoen)$/, 1e6],
  [/^(bn|b|billion|billions|milliard|milliards|milliarde|milliarden|mrd|miliardi|miliardo|mil millones|bilhoes|bilhao|miljard)$/, 1e9],
];

/** Figures with their scale: "€1.2bn", "1,2 Milliarden", "15 million" → the same token. */
function numbers(text: string): string[] {
  const out = new Set<string>();
  const re = /(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+(?:[.,]\d+)?)\.?\s*(?:%|€|\$|£)?\s*([a-z]+)?/g;
  const t = fold(text);
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const raw = m[1]!;
    let value: number;
    if (/^\d{1,3}([.,\u00a0 ]\d{3})+$/.test(raw)) value = Number(raw.replace(/[.,\u00a0 ]/g, ''));
    else value = Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) continue;
    const word = m[2] ?? '';
    let scaled = value;
    for (const [reScale, mult] of SCALE) if (reScale.test(word)) scaled = value * mult;
    const month = word ? monthIndex(word) : undefined;
    if (month !== undefined && value >= 1 && value <= 31 && Number.isInteger(value)) {
      out.add(`d:${String(month + 1).padStart(2, '0')}-${String(value).padStart(2, '0')}`);
      continue;
    }
    if (scaled === value && Number.isInteger(value) && value >= 1990 && value <= 2040) continue; // years say little
    if (scaled === value && value < 10) continue; // small counts are noise
    out.add(`n:${Math.round(scaled * 100) / 100}`);
  }
  // "May 27" order
  const re2 = /\b([a-z]{3,10})\.?\s+(\d{1,2})\b/g;
  while ((m = re2.exec(t))) {
    const month = monthIndex(m[1]!);
    const d = Number(m[2]);
    if (month !== undefined && d >= 1 && d <= 31) out.add(`d:${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  return [...out];
}

export function tokens(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/**
 * Names the gazetteer does not know (a new app, a small company): capitalised
 * words that do not open a sentence. Headline Title Case and German nouns add
 * noise here, which is why these weigh less than gazetteer names and a shared
 * one only opens the comparison; the score still has to clear the threshold.
 */
function properNouns(title: string, summary: string): string[] {
  const out = new Set<string>();
  const scan = (text: string) => {
    let sentenceStart = true;
    for (const raw of text.split(/\s+/)) {
      if (!raw) continue;
      for (const w of raw.split(/[-/]/)) {
        const word = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (!sentenceStart && word.length >= 4 && /^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word)) {
          const t = fold(word);
          if (!STOPWORDS.has(t) && !find(ENTITY_LOOKUP, t) && !find(CONCEPT_LOOKUP, t) && monthIndex(t) === undefined) out.add(t);
        }
      }
      sentenceStart = /[.!?:]$/.test(raw);
    }
  };
  scan(title);
  scan(summary);
  return [...out];
}

export function itemFeatures(item: Pick<Item, 'title' | 'summary'>): Features {
  const title = item.title ?? '';
  const summary = (item.summary ?? '').slice(0, 400);
  const text = `${title}. ${summary}`;
  const entities = new Set<string>();
  const concepts = new Set<string>();
  const words = new Set<string>();
  // "X" alone (capital, as a word) is the platform; lowercase x is not.
  if (/(^|[^\p{L}\p{N}])X([^\p{L}\p{N}]|$)/u.test(text)) entities.add('e:x');
  const all = tokens(text);
  // Hyphenated compounds ("KI-Training", "EU-Nutzer") also count as their parts.
  for (const tok of all) {
    const ent = find(ENTITY_LOOKUP, tok);
    if (ent) entities.add(ent);
    const con = find(CONCEPT_LOOKUP, tok);
    if (con) concepts.add(con);
  }
  // German compounds: look for concept stems inside long words (Datenschutzbeschwerde, KI-Modelle).
  for (const tok of all) {
    if (tok.length < 10) continue;
    for (const part of ['daten', 'training', 'trainier', 'nutzer', 'beschwerde', 'klage', 'widerspruch', 'modell', 'bussgeld']) {
      if (tok.includes(part) && !tok.startsWith(part)) {
        const con = find(CONCEPT_LOOKUP, part);
        if (con) concepts.add(con);
      }
    }
  }
  for (const p of properNouns(title, summary)) if (!entities.has(`e:${p}`)) entities.add(`p:${p}`);
  for (const tok of tokens(title)) {
    // Words already counted as an entity or concept would be counted twice.
    if (tok.length >= 4 && !STOPWORDS.has(tok) && !/^\d+$/.test(tok) && !find(ENTITY_LOOKUP, tok) && !find(CONCEPT_LOOKUP, tok)) words.add(`w:${tok.slice(0, 8)}`);
  }
  return {
    entities: [...entities],
    concepts: [...concepts],
    numbers: numbers(text),
    words: [...words],
    title: tokens(title).join(' '),
  };
}
