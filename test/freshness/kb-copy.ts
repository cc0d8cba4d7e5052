// A modified copy of the bundled knowledge base in a temp dir, for tests that
// need a guide to say something the real one no longer says.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKb, type Kb } from '../../src/kb/index.js';
import { repoRoot } from '../helpers/env.js';

/** LinkedIn as the 2024 guide had it: EU/EEA/UK/CH excluded, no November 2025 date. */
export function oldLinkedInKb(lastVerified = '2025-09-01'): { dir: string; kb: Kb } {
  const dir = mkdtempSync(join(tmpdir(), 'kb-copy-'));
  cpSync(join(repoRoot, 'data-kb'), dir, { recursive: true });
  const file = join(dir, 'platforms', 'linkedin.json');
  const e = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { regions: unknown[]; keyDates: { date: string }[] };
  e.regions = [
    { regions: ['US', 'ROW'], training: 'default-on', mechanism: 'settings-toggle', since: '2024-09-18' },
    { regions: ['EU', 'EEA', 'UK', 'CH'], training: 'not-used', mechanism: 'none', note: 'Members in Europe are excluded.' },
  ];
  e.keyDates = e.keyDates.filter((k) => k.date !== '2025-11-03');
  e.lastVerified = lastVerified;
  writeFileSync(file, JSON.stringify(e, null, 2));
  return { dir, kb: loadKb(dir) };
}
