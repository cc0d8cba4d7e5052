// Maps the classifier's platform names to KB entries and builds their guides,
// plus the "current state" lines where the KB knows more than the article.
import type { AlertGuide } from '../domain.js';
import { buildGuide, describeRule, findPlatform, formatDate, normaliseName, regionCovers, type PlatformEntry } from '../kb/index.js';
import { isoDay } from '../kb/dates.js';
import { fill, type Labels } from './labels/index.js';

// The classifier collapses some multi-product companies to the company name
// ("Google" for Gemini, YouTube, Gmail). The story's words pick the product
// whose guide applies; the first entry is the default.
const COMPANY_PRODUCTS: Record<string, [RegExp | null, string][]> = {
  google: [[/\bgemini\b|\bbard\b/i, 'google-gemini'], [/\byoutube\b/i, 'youtube'], [/\bgmail\b|\bworkspace\b|\bsmart features\b/i, 'google-workspace'], [null, 'google-gemini']],
  microsoft: [[/\bcopilot\b|\bbing\b|\bmsn\b/i, 'microsoft-copilot'], [/\bword\b|\bexcel\b|\boffice\b|connected experiences|microsoft 365/i, 'microsoft-365'], [null, 'microsoft-copilot']],
  automattictumblrwordpress: [[/\btumblr\b/i, 'tumblr'], [/\bwordpress\b/i, 'wordpress-com'], [null, 'tumblr']],
  meta: [[/\binstagram\b/i, 'meta-instagram'], [/\bwhats ?app\b/i, 'meta-whatsapp'], [/\bthreads\b/i, 'meta-threads'], [/\bfacebook\b/i, 'meta-facebook'], [null, 'meta-facebook']],
};

function productsFor(company: string, text: string): PlatformEntry[] {
  const table = COMPANY_PRODUCTS[normaliseName(company)];
  if (!table) return [];
  const hits = table.filter(([re]) => re && re.test(text)).map(([, id]) => id);
  const ids = hits.length ? hits : table.filter(([re]) => !re).map(([, id]) => id);
  return ids.flatMap((id) => findPlatform(id) ?? []);
}

/** KB entries for the decision's platforms, deduplicated, in the decision's order. */
export function entriesFor(platforms: readonly string[], text = ''): PlatformEntry[] {
  const seen = new Set<string>();
  const out: PlatformEntry[] = [];
  for (const p of platforms) {
    const fromCompany = productsFor(p, text);
    const found = fromCompany.length ? fromCompany : [findPlatform(p)].filter((e): e is PlatformEntry => !!e);
    for (const e of found) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

/** Alert-sized guides: regions are already under "who is affected", and only a few notes fit. */
export function guidesFor(entries: readonly PlatformEntry[], lang: string, maxNotes = 3): AlertGuide[] {
  return entries.map((e) => {
    const { regionsNote: _r, notes, ...g } = buildGuide(e, { lang });
    return { ...g, notes: (notes ?? []).slice(0, maxNotes) };
  });
}

export interface ArticleFacts {
  included: string[];
  excluded: string[];
  dates: string[]; // ISO days the article itself states
  published?: string;
}

/**
 * "Who is affected" lines from the KB, for the regions the story is about
 * (all regions when it names none). A rule is marked "current state (date)"
 * when it contradicts the article (a region the article calls excluded is in
 * scope now) or took effect after the story without the story saying so.
 * Identical lines for sibling products (Facebook, Instagram) are merged.
 */
export function stateLines(entries: readonly PlatformEntry[], article: ArticleFacts, lang: string, L: Labels): string[] {
  const published = article.published?.slice(0, 10);
  const named = [...article.included, ...article.excluded];
  const groups = new Map<string, { platforms: string[]; changed: boolean; date?: string; regions: string; status: string }>();
  for (const entry of entries) {
    for (const rule of entry.regions) {
      const touches = (list: string[]) => list.some((x) => rule.regions.some((r) => regionCovers(r, x) || regionCovers(x, r)));
      const inScope = rule.training === 'default-on' || rule.training === 'opt-in' || rule.training === 'unclear';
      const contradicts = inScope && touches(article.excluded);
      const since = rule.since ? isoDay(rule.since) : undefined;
      const newer = !!(since && published && since > published && !article.dates.includes(since));
      const changed = !!rule.since && (contradicts || newer);
      // Only the regions the story is about (all when it names none).
      if (named.length && !touches(named)) continue;
      const d = describeRule(rule, lang, L, false);
      const key = `${changed}|${d.regions}|${d.status}`;
      const g = groups.get(key);
      if (g) g.platforms.push(entry.name);
      else groups.set(key, { platforms: [entry.name], changed, ...(changed && rule.since ? { date: rule.since } : {}), regions: d.regions, status: d.status });
    }
  }
  return [...groups.values()].map((g) =>
    g.changed && g.date
      ? fill(L.kbStateChanged, { platform: g.platforms.join(', '), date: formatDate(g.date, lang), regions: g.regions, status: g.status })
      : fill(L.kbState, { platform: g.platforms.join(', '), regions: g.regions, status: g.status }),
  );
}
