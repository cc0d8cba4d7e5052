// Where the shared services and fixtures are, and how a suite that needs them
// skips visibly when they are absent (never silently, and never in CI).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const hasShared = existsSync(sharedDir);
export const inCI = Boolean(process.env.CI);

export interface BackendCase {
  name: 'sqlite' | 'redis' | 'postgres';
  url: string | undefined;
}

/** The three store backends; Redis/PostgreSQL only when their URL is set. */
export function storeBackends(tmpDir: string): BackendCase[] {
  return [
    { name: 'sqlite', url: `sqlite://${resolve(tmpDir, 'store.db')}` },
    { name: 'redis', url: process.env.REDIS_URL },
    { name: 'postgres', url: process.env.DATABASE_URL },
  ];
}

/** Warns (visibly) that a suite is skipped; in CI a missing service is an error. */
export function requireOrSkip(what: string, available: boolean, envHint: string): boolean {
  if (available) return true;
  if (inCI) throw new Error(`${what} is required in CI but ${envHint} is not set`);
  console.warn(`\n  SKIPPED: ${what} (set ${envHint} to run it)\n`);
  return false;
}

export function uniquePrefix(tag: string): string {
  return `t${tag}${randomBytes(4).toString('hex')}_`;
}
