// Extractive summary: picks 2–3 whole sentences of the story's own text,
// preferring early sentences that name the story's platforms or regulators
// and say something about AI training. Nothing is invented or rewritten.
import { isBoilerplate } from './boilerplate.js';
import { splitSentences } from './sentences.js';
import { isInstruction } from './steps.js';
import { escapeRegExp, fold } from './text.js';

export interface SummaryOptions {
  title?: string;
  /** Names (platforms, aliases, regulators) whose mention makes a sentence more useful. */
  keywords?: string[];
  max?: number; // default 3
  maxChars?: number; // total budget, default 600
}

export const SENTENCE_MIN = 30;
export const SENTENCE_MAX = 360;

// Words that signal the subject matter, in the seven languages (folded, no accents).
const TOPIC =
  /\b(train\w*|ai|artificial intelligence|opt[- ]?out|object\w*|consent\w*|data|personal|privacy|entrain\w*|ia|intelligence artificielle|donnees|opposition|opposer|refuser|vie privee|trainier\w*|ki|kunstliche intelligenz|daten|widerspr\w*|datenschutz|entren\w*|inteligencia artificial|datos|oponerse|privacidad|addestr\w*|intelligenza artificiale|dati|opporsi|traine\w*|kunstmatige intelligentie|gegevens|bezwaar|treina\w*|inteligencia|dados|privacidade)\b/g;

function wordSet(s: string): Set<string> {
  return new Set(fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

function usable(s: string): boolean {
  if (s.length < SENTENCE_MIN || s.length > SENTENCE_MAX) return false;
  if (isBoilerplate(s)) return false;
  if (/[:：]$/.test(s)) return false; // a lead-in to a list
  if (/^\s*(\d{1,2}[.)]|[-•*–])\s/.test(s)) return false; // a list item (steps are shown apart)
  if (!/[.!?…»”"')]$/.test(s)) return false; // a fragment (headline, caption, menu)
  if ((s.match(/\p{L}+/gu) ?? []).length < 6) return false;
  return true;
}

export function summarise(text: string | undefined, opts: SummaryOptions = {}): string[] {
  if (!text || !text.trim()) return [];
  const max = opts.max ?? 3;
  const budget = opts.maxChars ?? 600;
  const title = opts.title ? wordSet(opts.title) : new Set<string>();
  const keys = (opts.keywords ?? [])
    .map((k) => fold(k).trim())
    .filter((k) => k.length >= 2)
    .map((k) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}($|[^\\p{L}\\p{N}])`, 'u'));

  const sentences = splitSentences(text);
  const candidates = sentences
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => usable(s))
    // The title restated adds nothing.
    .filter(({ s }) => !(title.size && similarity(wordSet(s), title) > 0.8 && wordSet(s).size <= title.size + 3));

  if (!candidates.length) return [];

  const scored = candidates.map(({ s, i }) => {
    const f = fold(s);
    let score = 1.5 / (1 + i * 0.35); // lead sentences carry the news
    const hits = keys.filter((re) => re.test(f)).length;
    score += Math.min(hits, 3) * 0.8;
    score += Math.min((f.match(TOPIC) ?? []).length, 4) * 0.25;
    if (/\d/.test(s)) score += 0.15;
    if (s.length < 60) score -= 0.3;
    if (s.length > 260) score -= 0.3;
    if (/\?$/.test(s)) score -= 0.4;
    // Instructions are quoted in their own section.
    if (isInstruction(s)) score -= 3;
    return { s, i, score };
  });

  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const picked: typeof scored = [];
  let used = 0;
  const want = candidates.length >= 4 ? max : Math.min(max, 2);
  for (const c of scored) {
    if (picked.length >= want) break;
    if (picked.length >= 2 && used + c.s.length > budget) continue;
    // Skip near-duplicates of what is already picked.
    if (picked.some((p) => similarity(wordSet(p.s), wordSet(c.s)) > 0.7)) continue;
    picked.push(c);
    used += c.s.length;
  }
  return picked.sort((a, b) => a.i - b.i).map((p) => p.s);
}
