// A seeded generator of hostile feed text, alerts and replies for the
// property test: mentions, markdown links, control and bidi characters,
// emoji, endless words, huge lists and bad URLs.
import { labelsFor } from '../../src/compose/labels/index.js';
import type { Alert } from '../../src/domain.js';
import type { Reply, ReplyBlock } from '../../commands/types.js';
import { rng as mulberry32 } from '../helpers/random.js';

/** mulberry32: small, fast, seeded, good enough to explore inputs reproducibly. */
export function rng(seed: number) {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

const HOSTILE = [
  '@everyone',
  '@here',
  '@EVERYONE look',
  '@@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&987654321098765432>',
  '<#112233445566778899>',
  '</radar why:1234567890>',
  '<:pepe:123456789012345678>',
  '<a:dance:123456789012345678>',
  '<t:1700000000:R>',
  '[free nitro](https://inject.example/x)',
  '[x](<https://inject.example/y>)',
  '**bold** __under__ ~~strike~~ ||spoiler||',
  '`code` ```block```',
  '> quote',
  '# Heading',
  '-# subtext',
  '1. numbered',
  '\\',
  '\\\\\\',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\u0000\u0001\u0007\u001b[31m',
  '\ufeffbom',
  '😀🏳️‍🌈👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  'ﬁ ß İ',
  '\u200b\u200d',
  '\t\t',
  '\n\n\n',
  '«guillemets» “quotes”',
  'http://example.com/a_b*c',
  '@',
  '<',
  'every@one',
  '<@',
];
const WORDS = ['LinkedIn', 'Meta', 'données', 'training', 'opt-out', 'AI', 'Datenschutz', 'users', 'the', 'de', 'model', 'EU', 'privacy', 'x'];

export function text(r: Rng, maxPieces: number): string {
  const n = r.int(0, maxPieces);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.3) parts.push(r.pick(HOSTILE));
    else if (roll < 0.35) parts.push(r.pick(['a', 'é', '😀', '\\', '@', '<', '_']).repeat(r.int(50, 3000))); // an endless "word"
    else if (roll < 0.4) parts.push(String.fromCodePoint(...Array.from({ length: r.int(1, 40) }, () => r.int(0, 0x2ffff)).filter((c) => c < 0xd800 || c > 0xdfff)));
    else parts.push(r.pick(WORDS));
  }
  return parts.join(r.pick([' ', ' ', ' ', '', '\n', '  ']));
}

function url(r: Rng): string {
  return r.pick([
    'https://example.com/page',
    `https://example.com/${'a'.repeat(r.int(400, 3000))}`,
    'javascript:alert(1)',
    'http://exa mple.com/x',
    'https://example.com/a_(b)_[c]?q=@everyone',
    'ftp://example.com/file',
    '',
    'not a url',
    'https://user:pw@example.com/',
    `https://example.com/?q=${encodeURIComponent(text(r, 3))}`,
    'https://ünïcode.example/päth',
  ]);
}

export function alert(r: Rng, i: number): Alert {
  const big = r.next() < 0.15; // some cases go far past every limit
  const n = (lo: number, hi: number) => r.int(lo, big ? hi * 4 : hi);
  const { labels } = labelsFor(r.pick(['en', 'fr']));
  const storyId = `s${i.toString(36)}x${r.int(0, 9999)}`;
  return {
    storyId,
    lang: 'en',
    headline: text(r, big ? 400 : 20),
    summary: Array.from({ length: n(0, 3) }, () => text(r, big ? 300 : 40)),
    affected: Array.from({ length: n(0, 6) }, () => text(r, 15)),
    guides: Array.from({ length: n(0, 4) }, () => ({
      platform: text(r, 4) || 'Platform',
      steps: Array.from({ length: n(0, 8) }, () => ({ text: text(r, 25), ...(r.next() < 0.5 ? { url: url(r) } : {}) })),
      links: Array.from({ length: n(0, 5) }, () => ({ label: text(r, 8), url: url(r) })),
      ...(r.next() < 0.5 ? { regionsNote: text(r, 10) } : {}),
      ...(r.next() < 0.3 ? { notes: [text(r, 30), text(r, 30)] } : {}),
      ...(r.next() < 0.5 ? { lastVerified: '2025-11-03' } : {}),
    })),
    articleSteps: Array.from({ length: n(0, 3) }, () => ({ quote: text(r, 40), source: text(r, 3), ...(r.next() < 0.5 ? { link: url(r) } : {}) })),
    ...(r.next() < 0.4 ? { deadline: text(r, 30) } : {}),
    ...(r.next() < 0.4 ? { pastTraining: text(r, 30) } : {}),
    sources: Array.from({ length: n(0, 12) }, () => ({ name: text(r, 4), title: text(r, 25), ...(r.next() < 0.8 ? { link: url(r) } : {}) })),
    footer: { score: r.next(), storyId, why: labels.why.replace('{id}', storyId) },
    labels,
  };
}

export function reply(r: Rng, i: number): Reply {
  const blocks: ReplyBlock[] = [];
  for (let k = r.int(0, 12); k > 0; k--) {
    const kind = r.int(0, 6);
    if (kind === 0) blocks.push({ type: 'heading', text: text(r, 30) });
    else if (kind === 1) blocks.push({ type: 'text', text: text(r, 200) });
    else if (kind === 2) blocks.push({ type: 'list', ordered: r.next() < 0.5, items: Array.from({ length: r.int(0, 40) }, () => text(r, 30)) });
    else if (kind === 3) blocks.push({ type: 'links', links: Array.from({ length: r.int(0, 30) }, () => ({ label: text(r, 6), url: url(r) })) });
    else if (kind === 4) blocks.push({ type: 'fields', fields: Array.from({ length: r.int(0, 30) }, () => ({ name: text(r, r.next() < 0.2 ? 200 : 10), value: text(r, 100) })) });
    else if (kind === 5) blocks.push({ type: 'context', text: text(r, 60) });
    else blocks.push({ type: 'alert', alert: alert(r, i) });
  }
  return { blocks, fallback: text(r, 20), ...(r.next() < 0.5 ? { ephemeral: r.next() < 0.5 } : {}), ...(r.next() < 0.2 ? { error: true } : {}) };
}

