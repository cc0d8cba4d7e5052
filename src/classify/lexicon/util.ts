// Small helpers for writing lexicon patterns readably.

/** `a` followed by `b` within `chars` characters of the same sentence. */
export function near(a: string, b: string, chars = 50): string {
  return String.raw`(?:${a})[^.!?;]{0,${chars}}?(?:${b})`;
}

/** Either order. */
export function both(a: string, b: string, chars = 50): string[] {
  return [near(a, b, chars), near(b, a, chars)];
}

/** Word alternation with a leading word boundary. */
export function words(...alts: string[]): string {
  return String.raw`\b(?:${alts.join('|')})`;
}
