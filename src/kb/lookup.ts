// Finds a KB entry by any name a person or the classifier might use:
// case-, accent- and punctuation-insensitive, and "Meta (Instagram)" style
// canonical names resolve through the product in parentheses.
import { distance } from 'fastest-levenshtein';
import type { PlatformEntry } from './schema.js';

export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface PlatformIndex {
  find(name: string): PlatformEntry | undefined;
  closest(name: string, n?: number): string[];
  names(): string[];
}

export function buildIndex(entries: readonly PlatformEntry[]): PlatformIndex {
  const byKey = new Map<string, PlatformEntry>();
  for (const e of entries) {
    for (const k of [e.id, e.name, ...e.aliases]) {
      const key = normaliseName(k);
      if (key && !byKey.has(key)) byKey.set(key, e);
    }
  }

  function find(name: string): PlatformEntry | undefined {
    const direct = byKey.get(normaliseName(name));
    if (direct) return direct;
    // "Meta (Instagram)": try the product, then the company.
    const m = /^(.*?)\s*[([]\s*(.+?)\s*[)\]]\s*$/.exec(name);
    if (m) return byKey.get(normaliseName(m[2]!)) ?? byKey.get(normaliseName(m[1]!));
    return undefined;
  }

  function closest(name: string, n = 3): string[] {
    const q = normaliseName(name);
    if (!q) return [];
    const best = new Map<string, number>();
    for (const [key, e] of byKey) {
      let d = distance(q, key);
      // A typed prefix ("linked") is a strong hint.
      if (key.startsWith(q) || q.startsWith(key)) d = Math.min(d, 1);
      const prev = best.get(e.name);
      if (prev === undefined || d < prev) best.set(e.name, d);
    }
    const ranked = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    // Only plausible typos, unless nothing is close: then the best few anyway.
    const limit = Math.max(2, Math.ceil(q.length * 0.4));
    const close = ranked.filter(([, d]) => d <= limit);
    return (close.length ? close : ranked).slice(0, n).map(([nm]) => nm);
  }

  return { find, closest, names: () => entries.map((e) => e.name).sort((a, b) => a.localeCompare(b)) };
}
