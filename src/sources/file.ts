// The sources file: our JSON format or OPML. JSON shape:
//   { "builtins": true,             // false → use only this file's sources
//     "disable": ["techcrunch-ai"], // built-in ids to switch off
//     "sources": [ {...} ] }        // new sources, or {id, ...fields} overriding a built-in
// A bare array is read as { "sources": [...] }. OPML adds its feeds to the built-ins.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Source } from '../domain.js';
import { builtinSources } from './builtin.js';
import { parseOpml } from './opml.js';
import { googleNewsUrl } from './google-news.js';

const recipe = z.object({ item: z.string().min(1), title: z.string().min(1), link: z.string().optional(), date: z.string().optional(), summary: z.string().optional() });
const query = z.object({ q: z.string().min(1), lang: z.string().min(2), region: z.string().min(2) });
const entry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/i, 'id must be url-safe: letters, digits, . _ -'),
  name: z.string().min(1).optional(),
  url: z.string().regex(/^https?:\/\//i, 'url must be http(s)').optional(),
  type: z.enum(['feed', 'html', 'google-news']).optional(),
  kind: z.enum(['news', 'regulator', 'advocacy']).optional(),
  lang: z.string().optional(),
  jurisdiction: z.string().optional(),
  enabled: z.boolean().optional(),
  evidence: z.string().optional(),
  html: recipe.optional(),
  query: query.optional(),
  alternates: z.array(z.string().regex(/^https?:\/\//i, 'alternate urls must be http(s)')).optional(),
});
const fileSchema = z.object({
  builtins: z.boolean().optional(),
  disable: z.array(z.string()).optional(),
  sources: z.array(entry).default([]),
});

export type SourcesFile = z.infer<typeof fileSchema>;

function describe(err: z.ZodError): string {
  return err.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}

/** Merge a parsed sources file with the built-ins. Throws with one line per problem. */
export function mergeSources(file: SourcesFile, builtins: Source[] = builtinSources(), origin = 'sources file'): Source[] {
  const problems: string[] = [];
  const useBuiltins = file.builtins !== false;
  const byId = new Map<string, Source>(useBuiltins ? builtins.map((s) => [s.id, s]) : []);
  for (const id of file.disable ?? []) {
    const s = byId.get(id);
    if (s) byId.set(id, { ...s, enabled: false });
    else problems.push(`  - disable: unknown source id "${id}"`);
  }
  for (const e of file.sources) {
    const base = byId.get(e.id);
    const merged = { ...(base ?? {}), ...stripUndefined(e) } as Partial<Source>;
    if (merged.type === 'google-news' && e.query) merged.url = googleNewsUrl(e.query);
    if (!merged.type) merged.type = merged.query ? 'google-news' : merged.html ? 'html' : 'feed';
    if (merged.type === 'google-news' && !merged.url && merged.query) merged.url = googleNewsUrl(merged.query);
    if (!merged.url) { problems.push(`  - ${e.id}: a new source needs a url (or a query for google-news)`); continue; }
    if (merged.type === 'html' && !merged.html) { problems.push(`  - ${e.id}: type "html" needs an html recipe {item, title}`); continue; }
    const full: Source = {
      ...merged,
      id: e.id,
      name: merged.name ?? e.id,
      url: merged.url,
      type: merged.type,
      kind: merged.kind ?? 'news',
      enabled: merged.enabled ?? true,
    };
    byId.set(e.id, full);
  }
  if (problems.length) throw new Error(`${origin}: ${problems.length} problem(s):\n${problems.join('\n')}`);
  return [...byId.values()];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function parseSourcesText(text: string, origin = 'sources file', builtins: Source[] = builtinSources()): Source[] {
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('<')) {
    const opml = parseOpml(trimmed);
    const urls = new Set(builtins.map((s) => s.url));
    const ids = new Set(builtins.map((s) => s.id));
    return [...builtins, ...opml.filter((s) => !urls.has(s.url) && !ids.has(s.id))];
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (err) {
    throw new Error(`${origin}: not valid JSON or OPML (${(err as Error).message})`);
  }
  const parsed = fileSchema.safeParse(Array.isArray(json) ? { sources: json } : json);
  if (!parsed.success) throw new Error(`${origin}: invalid sources file:\n${describe(parsed.error)}`);
  return mergeSources(parsed.data, builtins, origin);
}

/** No file → built-ins; a file (JSON or OPML) → merged as its format says. */
export async function loadSources(file?: string): Promise<Source[]> {
  if (!file) return builtinSources();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read sources file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseSourcesText(text, file);
}
