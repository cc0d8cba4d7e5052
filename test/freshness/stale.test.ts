import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/domain.js';
import { Store } from '../../src/store/store.js';
import { loadConfig, ConfigError } from '../../src/config/load.js';
import { checkFreshness, freshnessOf, freshnessWarning, guideFreshness, formatKbCheck } from '../../src/freshness/index.js';
import { decision } from '../helpers/stories.js';
import { oldLinkedInKb } from './kb-copy.js';

const tmp = mkdtempSync(join(tmpdir(), 'stale-'));
const verifiedJan = oldLinkedInKb('2025-01-01');
const verifiedOct = oldLinkedInKb('2025-10-01');
afterAll(() => {
  for (const d of [tmp, verifiedJan.dir, verifiedOct.dir]) rmSync(d, { recursive: true, force: true });
});
let store: Store;
let n = 0;
beforeEach(async () => {
  store = await Store.open(`sqlite://${join(tmp, `s${++n}.db`)}`);
});
afterEach(async () => store.close());

const story: Story = {
  id: 'eu1',
  title: 'LinkedIn to use EU members’ data for AI from November',
  content: 'LinkedIn will start using the data of members in the European Union to train its AI models from 3 November 2025.',
  published: '2025-09-19T07:00:00Z',
  firstSeen: '2025-09-19T07:00:00Z',
  updatedAt: '2025-09-19T07:00:00Z',
  sources: [],
  decision: decision({ platforms: ['LinkedIn'] }),
};

describe('guides not verified for KB_STALE_DAYS', () => {
  it('are marked with their age; a younger one is not', async () => {
    const now = new Date('2025-09-01T00:00:00Z');
    const g = await freshnessOf(store, 'LinkedIn', { kb: verifiedJan.kb, now, staleDays: 180 });
    expect(g).toMatchObject({ platformId: 'linkedin', lastVerified: '2025-01-01', staleDays: 243, marks: [] });
    expect(freshnessWarning(g)).toBe('⚠️ Guide not verified for 243 days (last verified 1 January 2025).');
    expect(freshnessWarning(g, 'fr')).toContain('Guide non vérifié depuis 243 jours');
    expect(await freshnessOf(store, 'LinkedIn', { kb: verifiedJan.kb, now, staleDays: 365 })).toMatchObject({ marks: [] });
    expect(freshnessWarning(await freshnessOf(store, 'LinkedIn', { kb: verifiedJan.kb, now, staleDays: 365 }))).toBeUndefined();
    const all = await guideFreshness(store, { kb: verifiedJan.kb, now, staleDays: 180 });
    expect(all.at(-1)!.platformId).toBe('website');
    expect(formatKbCheck(all)).toContain('LinkedIn (linkedin) — last verified 2025-01-01 — STALE');
  });

  it('moving lastVerified past a mark clears it: that is how an operator says “re-checked”', async () => {
    await checkFreshness(store, story, { kb: verifiedJan.kb, now: new Date('2025-09-19T09:00:00Z') });
    const before = await freshnessOf(store, 'linkedin', { kb: verifiedJan.kb, now: new Date('2025-09-20T00:00:00Z'), staleDays: 365 });
    expect(before!.marks.map((m) => m.kind).sort()).toEqual(['new-deadline', 'region-included']);
    expect(freshnessWarning(before)).toMatch(/^⚠️ This guide may be out of date since “LinkedIn to use EU members’ data for AI from November” \(\/radar why eu1\)/);
    const after = await freshnessOf(store, 'linkedin', { kb: verifiedOct.kb, now: new Date('2025-10-02T00:00:00Z'), staleDays: 365 });
    expect(after!.marks).toEqual([]);
  });
});

describe('configuration', () => {
  it('REMINDER_DAYS and KB_STALE_DAYS have defaults and are validated', () => {
    const c = loadConfig({}, '');
    expect(c.REMINDER_DAYS).toEqual([7, 1]);
    expect(c.KB_STALE_DAYS).toBe(180);
    expect(loadConfig({ REMINDER_DAYS: '1, 14,3', KB_STALE_DAYS: '90' }, '')).toMatchObject({ REMINDER_DAYS: [14, 3, 1], KB_STALE_DAYS: 90 });
    for (const bad of [{ REMINDER_DAYS: '0' }, { REMINDER_DAYS: 'seven' }, { REMINDER_DAYS: '7,,1' }, { KB_STALE_DAYS: '-3' }, { KB_STALE_DAYS: '1.5' }]) {
      expect(() => loadConfig(bad, '')).toThrow(ConfigError);
    }
    try {
      loadConfig({ REMINDER_DAYS: '7;1' }, '');
    } catch (err) {
      expect((err as ConfigError).problems).toEqual(['REMINDER_DAYS must be a comma-separated list of whole days between 1 and 365 (e.g. "7,1") (got "7;1")']);
    }
  });
});
