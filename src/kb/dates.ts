// Formats KB dates ("2025-11-03" or "2025-11") for people, in the label language.
export function formatDate(iso: string, lang = 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m) return iso;
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const locale = lang === 'en' ? 'en-GB' : lang;
  const opts: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, opts).format(date);
  } catch {
    return iso;
  }
}

/** Compares "YYYY-MM[-DD]" strings (month-only dates count as the 1st). */
export function isoDay(iso: string): string {
  return iso.length === 7 ? `${iso}-01` : iso.slice(0, 10);
}
