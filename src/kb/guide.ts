// Turns a KB entry into the AlertGuide an alert or /optout shows, for one
// region (or all) and one label language.
import type { AlertGuide, AlertStep } from '../domain.js';
import { fill, labelsFor, type Labels } from '../compose/labels/index.js';
import { formatDate } from './dates.js';
import { regionCovers, regionName } from './regions.js';
import type { Localized, PlatformEntry } from './schema.js';

type RegionRule = PlatformEntry['regions'][number];
type Route = PlatformEntry['routes'][number];

export function localize(t: Localized, lang: string): string {
  if (typeof t === 'string') return t;
  return (t as Record<string, string | undefined>)[lang] ?? t.en;
}

function appliesTo(regions: readonly string[] | undefined, region: string | undefined): boolean {
  if (!region || !regions) return true;
  return regions.some((r) => regionCovers(r, region));
}

/** The region rules that matter for `region`; all of them when none is given. */
export function rulesFor(entry: PlatformEntry, region?: string): RegionRule[] {
  if (!region) return entry.regions;
  const exact = entry.regions.filter((r) => appliesTo(r.regions, region));
  if (exact.length) return exact;
  // A country not listed falls under "rest of the world" when the entry has it.
  return entry.regions.filter((r) => r.regions.includes('ROW') || r.regions.includes('GLOBAL'));
}

export function describeRule(rule: RegionRule, lang: string, L: Labels, withNote = true): { regions: string; status: string } {
  const regions = rule.regions.map((r) => regionName(r, lang)).join(', ');
  const parts = [L[`training.${rule.training}` as keyof Labels]];
  if (rule.since) parts.push(fill(L.since, { date: formatDate(rule.since, lang) }));
  if (rule.until) parts.push(fill(L.until, { date: formatDate(rule.until, lang) }));
  let status = parts.join(' ');
  status += ` — ${L[`mechanism.${rule.mechanism}` as keyof Labels]}`;
  if (withNote && rule.note) status += `. ${localize(rule.note, lang)}`;
  return { regions, status };
}

function routeSteps(route: Route, lang: string): string[] {
  return (route.steps as Record<string, string[] | undefined>)[lang] ?? route.steps.en;
}

export interface GuideOptions {
  region?: string;
  lang?: string;
}

export function buildGuide(entry: PlatformEntry, opts: GuideOptions = {}): AlertGuide {
  const { lang, labels: L } = labelsFor(opts.lang);
  const routes = entry.routes.filter((r) => appliesTo(r.regions, opts.region));
  const [primary, ...others] = routes;
  const steps: AlertStep[] = primary
    ? routeSteps(primary, lang).map((text, i, all) => (i === all.length - 1 && primary.url ? { text, url: primary.url } : { text }))
    : [];
  const notes: string[] = [];
  for (const r of others) {
    notes.push(fill(L.alsoRoute, { label: localize(r.label, lang), steps: routeSteps(r, lang).join(' → ') }) + (r.url ? ` <${r.url}>` : ''));
  }
  if (entry.email) notes.push(fill(L.emailTo, { email: entry.email }));
  for (const n of entry.notes) notes.push(localize(n, lang));

  const regionsNote = rulesFor(entry, opts.region)
    .map((rule) => {
      const d = describeRule(rule, lang, L);
      return fill(L.ruleLine, d);
    })
    .join(' · ');

  const links = entry.links
    .filter((l) => appliesTo(l.regions, opts.region))
    .map((l) => ({ label: localize(l.label, lang), url: l.url }));

  return {
    platform: entry.name,
    steps,
    links,
    undoesPastTraining: entry.undoesPastTraining,
    regionsNote,
    lastVerified: entry.lastVerified,
    notes,
  };
}
