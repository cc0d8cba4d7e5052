// Reads and validates the knowledge base (data-kb/) once. Any problem is a
// KbError naming the file and the field, so a bad edit fails at start.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normaliseName } from './lookup.js';
import { PlatformEntry, WebsiteGuide } from './schema.js';

export class KbError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`knowledge base: ${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'KbError';
  }
}

export interface Kb {
  dir: string;
  platforms: PlatformEntry[];
  website: WebsiteGuide;
}

/** Finds data-kb/ by walking up from this module (works from src/ and dist/). */
export function defaultKbDir(): string {
  if (process.env.OPTOUT_KB_DIR) return process.env.OPTOUT_KB_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data-kb');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    dir = dirname(dir);
  }
  throw new KbError('data-kb', '', 'directory not found');
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** Validates one parsed file; throws KbError with the first problem's field. */
export function parseEntry<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const extra = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem(s))` : '';
  throw new KbError(file, fieldPath(issue.path) || '(root)', issue.message + extra);
}

function readJson(path: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new KbError(file, '', `not valid JSON: ${(e as Error).message}`);
  }
}

/** Cross-file checks: unique ids, and no name or alias (as lookup compares them) that points at two platforms. */
function checkUnique(entries: { file: string; entry: PlatformEntry }[]): void {
  const owner = new Map<string, { id: string; file: string }>();
  for (const { file, entry } of entries) {
    const keys = [entry.id, entry.name, ...entry.aliases];
    keys.forEach((raw, i) => {
      const k = normaliseName(raw);
      const prev = owner.get(k);
      if (prev && prev.id !== entry.id) {
        const field = i === 0 ? 'id' : i === 1 ? 'name' : `aliases[${i - 2}]`;
        throw new KbError(file, field, `"${raw}" is already used by platform "${prev.id}" (${prev.file})`);
      }
      owner.set(k, { id: entry.id, file });
    });
  }
}

export function loadKb(dir = defaultKbDir()): Kb {
  const platformsDir = join(dir, 'platforms');
  if (!existsSync(platformsDir)) throw new KbError(basename(dir) + '/platforms', '', 'directory not found');
  const files = readdirSync(platformsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const parsed = files.map((f) => {
    const file = `platforms/${f}`;
    const entry = parseEntry(PlatformEntry, readJson(join(platformsDir, f), file), file);
    if (`${entry.id}.json` !== f) throw new KbError(file, 'id', `must match the file name ("${f.replace(/\.json$/, '')}")`);
    return { file, entry };
  });
  checkUnique(parsed);
  const websiteFile = 'website-owners.json';
  const website = parseEntry(WebsiteGuide, readJson(join(dir, websiteFile), websiteFile), websiteFile);
  return { dir, platforms: parsed.map((p) => p.entry), website };
}

let cached: Kb | undefined;

/** The bundled KB, loaded and validated on first use. */
export function getKb(): Kb {
  cached ??= loadKb();
  return cached;
}
