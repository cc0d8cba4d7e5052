// The labelled corpus (issue 4) and the held-out targets. The held-out part is
// never used for tuning; this test is where its figures come from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain.js';
import { evaluate, formatReport, parseLabelled, type LabelledItem } from '../../src/classify/evaluate.js';

const dir = join(import.meta.dirname, '../fixtures/classifier');
function load(name: string): LabelledItem[] {
  const { items, invalid } = parseLabelled(readFileSync(join(dir, name), 'utf8'));
  expect(invalid).toEqual([]);
  return items.map((x) => x.item);
}
const tune = load('tune.jsonl');
const holdout = load('holdout.jsonl');
const all = [...tune, ...holdout];

describe('labelled corpus', () => {
  it('has the size and mix the issue asks for', () => {
    const n = all.length;
    expect(n).toBeGreaterThanOrEqual(500);
    expect(all.filter((x) => x.lang !== 'en').length / n).toBeGreaterThanOrEqual(0.4);
    for (const l of LANGS) expect(all.filter((x) => x.lang === l).length, l).toBeGreaterThanOrEqual(40);
    expect(all.filter((x) => x.label === 1).length / n).toBeGreaterThanOrEqual(0.35);
    expect(all.filter((x) => x.note === 'hard negative' && x.label === 0).length).toBeGreaterThanOrEqual(150);
    expect(all.filter((x) => x.grey).length).toBeGreaterThan(0);
  });

  it('ids are unique and the two parts do not overlap', () => {
    const ids = all.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = new Set(tune.map((x) => x.title));
    expect(holdout.filter((x) => titles.has(x.title))).toEqual([]);
  });
});

describe('untouched held-out part', () => {
  it('reaches precision 0.95, recall 0.92 and per-language F1 0.88', () => {
    const report = evaluate(holdout);
    console.log(formatReport(report));
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.92);
    for (const l of LANGS) {
      const c = report.byLang[l];
      expect(c, l).toBeDefined();
      expect(c!.f1, `F1 ${l}`).toBeGreaterThanOrEqual(0.88);
    }
  });
});
