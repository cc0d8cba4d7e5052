/** Accent- and case-insensitive comparison key ("Données" → "donnees"). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
