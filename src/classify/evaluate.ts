// Measures the classifier on labelled JSON Lines (the `eval` command and the
// corpus tests): precision/recall/F1 overall and per language, grey-zone and
// borderline items counted apart, every error listed.
import { classify, DEFAULT_THRESHOLD, type ClassifyInput } from './index.js';
import type { Decision } from '../domain.js';

export interface LabelledItem extends ClassifyInput {
  label: 0 | 1 | boolean;
  grey?: boolean;
  borderline?: boolean;
  note?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  n: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalError {
  id?: string;
  lang: string;
  label: 0 | 1;
  score: number;
  title: string;
  kind: 'false positive' | 'false negative';
  why: string;
  set: 'main' | 'grey';
}

export interface EvalReport {
  threshold: number;
  overall: Counts;
  byLang: Record<string, Counts>;
  /** Items flagged grey/borderline in the file: reported apart, never in `overall`. */
  grey: Counts & { flaggedGreyByClassifier: number };
  errors: EvalError[];
  /** Lines that could not be read: line number and message. */
  invalid: { line: number; error: string }[];
}

function empty(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0, n: 0, precision: 0, recall: 0, f1: 0 };
}

function add(c: Counts, label: 0 | 1, predicted: boolean): void {
  c.n++;
  if (label === 1 && predicted) c.tp++;
  else if (label === 1) c.fn++;
  else if (predicted) c.fp++;
  else c.tn++;
}

function finish(c: Counts): void {
  // Empty denominators count as perfect: no positives predicted means no false alarms.
  c.precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  c.recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  c.f1 = c.precision + c.recall === 0 ? 0 : (2 * c.precision * c.recall) / (c.precision + c.recall);
}

/** Validates one parsed line; returns an error message or undefined. */
export function checkLabelled(o: unknown): string | undefined {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'expected a JSON object';
  const r = o as Record<string, unknown>;
  if (typeof r.title !== 'string') return 'missing string field "title"';
  if (!(r.label === 0 || r.label === 1 || r.label === true || r.label === false)) return 'field "label" must be 0 or 1';
  for (const k of ['summary', 'content', 'link', 'lang', 'id'] as const) {
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') return `field "${k}" must be a string`;
  }
  return undefined;
}

export function parseLabelled(text: string): { items: { line: number; item: LabelledItem }[]; invalid: EvalReport['invalid'] } {
  const items: { line: number; item: LabelledItem }[] = [];
  const invalid: EvalReport['invalid'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      invalid.push({ line: i + 1, error: `invalid JSON: ${(e as Error).message}` });
      return;
    }
    const err = checkLabelled(o);
    if (err) invalid.push({ line: i + 1, error: err });
    else items.push({ line: i + 1, item: o as LabelledItem });
  });
  return { items, invalid };
}

function why(d: Decision): string {
  return d.reasons
    .slice(0, 2)
    .map((r) => (r.evidence ? `${r.concept} — “${r.evidence}”` : r.concept))
    .join('; ');
}

export function evaluate(items: LabelledItem[], opts: { threshold?: number } = {}): EvalReport {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const overall = empty();
  const byLang: Record<string, Counts> = {};
  const grey = { ...empty(), flaggedGreyByClassifier: 0 };
  const errors: EvalError[] = [];
  for (const it of items) {
    const label: 0 | 1 = it.label === 1 || it.label === true ? 1 : 0;
    const d = classify(it, { threshold });
    const isGrey = !!(it.grey || it.borderline);
    if (isGrey) {
      add(grey, label, d.relevant);
      if (d.greyZone) grey.flaggedGreyByClassifier++;
    } else {
      add(overall, label, d.relevant);
      const lang = it.lang ? d.lang : d.lang; // d.lang already honours the item's tag
      add((byLang[lang] ??= empty()), label, d.relevant);
    }
    if ((label === 1) !== d.relevant) {
      errors.push({
        id: it.id,
        lang: d.lang,
        label,
        score: d.score,
        title: it.title,
        kind: d.relevant ? 'false positive' : 'false negative',
        why: why(d),
        set: isGrey ? 'grey' : 'main',
      });
    }
  }
  finish(overall);
  finish(grey);
  for (const c of Object.values(byLang)) finish(c);
  return { threshold, overall, byLang, grey, errors, invalid: [] };
}

function pct(x: number): string {
  return (x * 100).toFixed(1) + '%';
}

function line(name: string, c: Counts): string {
  return `${name.padEnd(8)} n=${String(c.n).padStart(5)}  P=${pct(c.precision).padStart(6)}  R=${pct(c.recall).padStart(6)}  F1=${pct(c.f1).padStart(6)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}, tn ${c.tn})`;
}

/** Human-readable report, as `eval` prints it. */
export function formatReport(r: EvalReport): string {
  const out: string[] = [`threshold ${r.threshold}`, line('overall', r.overall)];
  for (const lang of Object.keys(r.byLang).sort()) out.push(line(lang, r.byLang[lang] as Counts));
  out.push(line('grey', r.grey) + `  [classifier flagged ${r.grey.flaggedGreyByClassifier}/${r.grey.n} as grey zone]`);
  if (r.invalid.length) {
    out.push('', `${r.invalid.length} invalid line(s):`);
    for (const e of r.invalid) out.push(`  line ${e.line}: ${e.error}`);
  }
  out.push('', r.errors.length ? `${r.errors.length} error(s):` : 'no errors');
  for (const e of r.errors) {
    out.push(`  [${e.set}] ${e.kind} ${e.id ?? ''} (${e.lang}, score ${e.score}): ${e.title}`, `      ${e.why}`);
  }
  return out.join('\n');
}
