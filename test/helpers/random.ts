// A small seeded generator (mulberry32) so property and fuzz tests are
// reproducible: a failure prints its seed.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '@everyone', '@here', '<@U012345>', '<#C012345>', '<@&123456789012345678>', '<@123456789012345678>',
  '<http://evil.example|click me>', '[click](http://evil.example)', '*bold*', '_it_', '~strike~', '`code`', '```block```', '> quote',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '&amp;&lt;&gt;', '\u0000', '\u0007', '\u001b[31m', '\u202e', '\u200b', '\ufeff',
  '🙂', '👨‍👩‍👧‍👦', 'é', 'ß', '中文', 'العربية', '../../etc/passwd', '%00', '${jndi:ldap://x}', "'; DROP TABLE keyv; --", '{{7*7}}', '\\', '"', '“', '”',
  'platforms:', 'min:2', 'min:-1', 'min:abc', 'at:25:00', 'tz:Mars/Olympus', 'regions:E1', 'languages:english', 'n:0', 'n:99999', 'mode:weekly',
];

export function hostileString(r: () => number, maxLen = 300): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    const pick = r();
    if (pick < 0.45) parts.push(HOSTILE[Math.floor(r() * HOSTILE.length)]!);
    else if (pick < 0.75) parts.push(Array.from({ length: 1 + Math.floor(r() * 12) }, () => String.fromCharCode(32 + Math.floor(r() * 95))).join(''));
    else if (pick < 0.9) parts.push(String.fromCodePoint(Math.floor(r() * 0x2ffff)));
    else parts.push('x'.repeat(Math.floor(r() * maxLen)));
  }
  return parts.join(r() < 0.5 ? ' ' : '');
}
