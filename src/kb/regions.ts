// Region codes the KB and the composer accept: ISO 3166-1 alpha-2 country
// codes (checked through ICU, so no hand-kept list) plus a few groups that
// privacy terms use.
export const REGION_GROUPS = ['EU', 'EEA', 'UK', 'GLOBAL', 'ROW'] as const;
export type RegionGroup = (typeof REGION_GROUPS)[number];

const GROUP_NAMES: Record<string, Record<RegionGroup, string>> = {
  en: { EU: 'EU', EEA: 'EEA', UK: 'UK', GLOBAL: 'everywhere', ROW: 'rest of the world' },
  fr: { EU: 'UE', EEA: 'EEE', UK: 'Royaume-Uni', GLOBAL: 'partout', ROW: 'reste du monde' },
  de: { EU: 'EU', EEA: 'EWR', UK: 'Vereinigtes Königreich', GLOBAL: 'überall', ROW: 'übrige Welt' },
};

// EEA = EU + Iceland, Liechtenstein, Norway.
export const EU_MEMBERS = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];
export const EEA_MEMBERS = [...EU_MEMBERS, 'IS', 'LI', 'NO'];

// Two-letter codes ICU names that are not places a user lives in.
const NOT_COUNTRIES = new Set(['ZZ', 'EZ', 'UN', 'QO', 'XA', 'XB']);

let enNames: Intl.DisplayNames | undefined;
function displayNames(lang: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  } catch {
    return undefined;
  }
}

/** Upper-cases and maps the usual synonyms (GB→UK). */
export function normaliseRegion(code: string): string {
  const c = code.trim().toUpperCase();
  if (c === 'GB') return 'UK';
  return c;
}

export function isKnownRegion(code: string): boolean {
  const c = normaliseRegion(code);
  if ((REGION_GROUPS as readonly string[]).includes(c)) return true;
  if (!/^[A-Z]{2}$/.test(c) || NOT_COUNTRIES.has(c)) return false;
  enNames ??= displayNames('en');
  const name = enNames?.of(c);
  // ICU echoes unknown codes back unchanged.
  return !!name && name !== c;
}

export function regionName(code: string, lang = 'en'): string {
  const c = normaliseRegion(code);
  const groups = GROUP_NAMES[lang] ?? GROUP_NAMES.en!;
  if (c in groups) return groups[c as RegionGroup];
  if (c === 'US' && lang === 'en') return 'US';
  return displayNames(lang)?.of(c) ?? c;
}

/** Whether a concrete region (e.g. "FR") falls within a listed one (e.g. "EU"). */
export function regionCovers(listed: string, asked: string): boolean {
  const l = normaliseRegion(listed);
  const a = normaliseRegion(asked);
  if (l === a || l === 'GLOBAL') return true;
  if (l === 'EU') return EU_MEMBERS.includes(a);
  if (l === 'EEA') return a === 'EU' || EEA_MEMBERS.includes(a);
  return false;
}
