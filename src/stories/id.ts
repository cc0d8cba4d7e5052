// Story ids: 7 characters of Crockford base32 (no i, l, o, u), derived from the
// first item's id so they are stable and easy to type in `/radar why <id>`.
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function storyIdFor(seed: string, length = 7): string {
  const bytes = createHash('sha256').update(seed).digest();
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

/** Users may type ids in upper case or with look-alike letters. */
export function normaliseStoryId(input: string): string {
  return input.trim().toLowerCase().replace(/[il]/g, '1').replace(/o/g, '0');
}
