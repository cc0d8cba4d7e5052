// Label sets by language. Adding a language = one file here plus one line below.
import { en, type LabelKey } from './en.js';
import { fr } from './fr.js';
import { de } from './de.js';

export type { LabelKey };
export type Labels = Record<LabelKey, string>;

const SETS: Record<string, Labels> = { en, fr, de };

export function supportedLabelLangs(): string[] {
  return Object.keys(SETS);
}

/** Labels for a channel language; unknown languages fall back to English. */
export function labelsFor(lang: string | undefined): { lang: string; labels: Labels } {
  const key = (lang ?? 'en').toLowerCase().slice(0, 2);
  const set = SETS[key];
  return set ? { lang: key, labels: set } : { lang: 'en', labels: en };
}

/** Fills {name} placeholders. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
