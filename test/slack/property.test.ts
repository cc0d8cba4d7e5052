// Property: whatever a feed (or a user) throws at the renderer — mentions,
// links, markup, 50 kB titles, control characters, emoji, RTL marks, broken
// surrogates, hostile URLs — the message keeps every Block Kit limit and
// contains no active mention or link of the feed's own. Seeded, reproducible.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/domain.js';
import type { Reply, ReplyBlock } from '../../commands/types.js';
import { renderAlertBlocks } from '../../src/adapters/slack/alert-blocks.js';
import { renderReply } from '../../src/adapters/slack/reply-blocks.js';
import { en } from '../../src/compose/labels/en.js';
import { fr } from '../../src/compose/labels/fr.js';
import { activeSequences, allStrings, blockProblems, mrkdwnStrings } from './helpers/check-blocks.js';
import { rng as mulberry32 } from '../helpers/random.js';

/** mulberry32: a tiny seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '@channel', '@here', '@everyone', '<@U123ABC>', '<@W999>', '<#C0123|general>',
  '<!subteam^S0123>', '<!date^1392734382^{date}|x>', '<http://evil.example|click me>', '<https://evil.example>', '<mailto:x@evil.example|mail>',
  '&', '&amp;', '&lt;!channel&gt;', '<', '>', '<<>>', '|', '*bold*', '_italic_', '~strike~', '`code`', '```block```', '> quote', '\n> quote',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u200b', '\u202e', '\u2066', '\u200f', '\u200e', '\ufeff', '\r\n', '\t', '\n\n\n',
  '😀', '👩‍👩‍👧‍👦', '🇫🇷', '\ud83d', '\ude00', 'é', 'ﷺ', 'مرحبا بالعالم', 'שלום', '日本語のテキスト', 'Ω≈ç√∫', ':skull:', '<script>alert(1)</script>',
  'https://evil.example/path?x=1', 'javascript:alert(1)', '%3C!channel%3E', '‮', ' ', '  ', 'word',
];
const WORDS = ['LinkedIn', 'trains', 'AI', 'on', 'your', 'data', 'données', 'opt-out', 'refuser', 'Meta', 'users', 'the', 'regulator', 'CNIL', 'fine'];

function str(r: Rng, maxParts = 12): string {
  const n = r.int(maxParts) + 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.next();
    if (k < 0.45) s += r.pick(HOSTILE);
    else if (k < 0.9) s += `${r.pick(WORDS)} `;
    else if (k < 0.97) s += r.pick(WORDS).repeat(r.int(400) + 1); // a very long word
    else s += 'x'.repeat(r.int(5000));
  }
  return s;
}
/** Sometimes huge: a 50 kB+ field, made of words or of one endless word. */
function maybeHuge(r: Rng): string {
  if (r.next() < 0.08) {
    if (r.next() < 0.3) return 'A'.repeat(51_200);
    const unit = `${str(r).slice(0, 400)} `;
    return unit.repeat(Math.ceil(51_200 / unit.length));
  }
  return str(r);
}
function url(r: Rng): string | undefined {
  const k = r.next();
  if (k < 0.15) return undefined;
  if (k < 0.25) return r.pick(['javascript:alert(1)', 'ftp://files.example/x', '/relative/path', 'not a url', 'data:text/html,<b>x</b>', '']);
  if (k < 0.32) return `https://long.example/${'a'.repeat(3000 + r.int(3000))}`;
  const host = r.pick(['news.example', 'www.linkedin.com', 'cnil.fr', 'regulator.example.eu', 'xn--bcher-kva.example']);
  const path = str(r, 3).slice(0, 200);
  return `https://${host}/${r.next() < 0.5 ? encodeURIComponent(path.toWellFormed()) : path}${r.next() < 0.3 ? '|<!channel>>' : ''}${r.next() < 0.2 ? '?q=a b&c=<d>' : ''}`;
}
const many = <T,>(r: Rng, max: number, f: () => T): T[] => Array.from({ length: r.int(max + 1) }, f);

function alert(r: Rng): Alert {
  const lang = r.pick(['en', 'fr']);
  const storyId = r.next() < 0.9 ? r.pick(['k3x9q2a', 'abc1234', 'zz']) : str(r, 2);
  return {
    storyId,
    lang,
    headline: r.next() < 0.05 ? '' : maybeHuge(r),
    summary: many(r, 4, () => maybeHuge(r)),
    affected: many(r, r.next() < 0.1 ? 60 : 5, () => str(r)),
    guides: many(r, r.next() < 0.15 ? 45 : 4, () => ({
      platform: str(r, 3),
      steps: many(r, r.next() < 0.1 ? 40 : 6, () => ({ text: maybeHuge(r), ...(r.next() < 0.5 ? { url: url(r) } : {}) })),
      links: many(r, r.next() < 0.1 ? 40 : 4, () => ({ label: str(r, 4), url: url(r) ?? 'https://ok.example/' })),
      ...(r.next() < 0.5 ? { undoesPastTraining: r.next() < 0.5 } : {}),
      ...(r.next() < 0.5 ? { regionsNote: str(r) } : {}),
      ...(r.next() < 0.5 ? { lastVerified: r.pick(['2024-09-20', '2025-01', 'garbage', '']) } : {}),
      ...(r.next() < 0.5 ? { notes: many(r, 5, () => str(r)) } : {}),
    })) as Alert['guides'],
    articleSteps: many(r, r.next() < 0.1 ? 30 : 3, () => ({ quote: maybeHuge(r), source: str(r, 3), ...(r.next() < 0.7 ? { link: url(r) } : {}) })) as Alert['articleSteps'],
    ...(r.next() < 0.5 ? { deadline: maybeHuge(r) } : {}),
    ...(r.next() < 0.5 ? { pastTraining: str(r) } : {}),
    sources: many(r, r.next() < 0.1 ? 250 : 6, () => ({ name: str(r, 3), title: maybeHuge(r), ...(r.next() < 0.8 ? { link: url(r) } : {}) })) as Alert['sources'],
    footer: { score: r.next(), storyId, why: `Ask why: /radar why ${storyId}` },
    labels: { ...(lang === 'fr' ? fr : en) },
  };
}

function reply(r: Rng): Reply {
  const kinds = ['heading', 'text', 'list', 'links', 'fields', 'context', 'alert'] as const;
  const blocks: ReplyBlock[] = many(r, r.next() < 0.1 ? 70 : 6, () => {
    switch (r.pick(kinds)) {
      case 'heading':
        return { type: 'heading', text: maybeHuge(r) };
      case 'text':
        return { type: 'text', text: maybeHuge(r) };
      case 'list':
        return { type: 'list', items: many(r, r.next() < 0.1 ? 300 : 10, () => maybeHuge(r)), ordered: r.next() < 0.5 };
      case 'links':
        return { type: 'links', links: many(r, 30, () => ({ label: str(r), url: url(r) ?? '' })) };
      case 'fields':
        return { type: 'fields', fields: many(r, 25, () => ({ name: str(r, 3), value: maybeHuge(r) })) };
      case 'context':
        return { type: 'context', text: maybeHuge(r) };
      default:
        return { type: 'alert', alert: alert(r) };
    }
  });
  return { blocks, fallback: r.next() < 0.1 ? '' : maybeHuge(r), ephemeral: r.next() < 0.7 };
}

/** Hosts the message may legitimately link to: those of every URL field (never of free text). */
function linkHosts(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => linkHosts(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'url' || k === 'link') && typeof x === 'string') {
        try {
          const u = new URL(x.trim());
          if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.hostname);
        } catch {
          /* not a URL: no link allowed */
        }
      } else linkHosts(x, out);
    }
  }
  return out;
}

function assertSafe(message: { text: string; blocks: unknown[] }, source: unknown, seed: number): void {
  // Problems are collected and asserted once per case: thousands of expect() calls would dominate the run time.
  const problems = blockProblems(message);
  const hosts = linkHosts(source);
  for (const s of mrkdwnStrings(message)) {
    for (const a of activeSequences(s, hosts)) problems.push(`active sequence ${JSON.stringify(a)} in ${JSON.stringify(s.slice(0, 200))}`);
  }
  // Not even plain_text carries a raw control sequence, and no control characters survive.
  for (const s of allStrings(message.blocks)) {
    if (/<[!@#]/.test(s)) problems.push(`raw control sequence in ${JSON.stringify(s.slice(0, 120))}`);
    if (/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s)) problems.push(`control character in ${JSON.stringify(s.slice(0, 120))}`);
  }
  if (problems.length) expect.fail(`seed ${seed}: ${problems.slice(0, 5).join('; ')}`);
}

const CASES = Number(process.env.SLACK_PROPERTY_CASES ?? 1200);

describe('Slack rendering of hostile content (property, seeded)', () => {
  it(`alerts: ${CASES} random hostile alerts stay within every Block Kit limit with no active mention or link`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const a = alert(rng(seed));
      const msg = renderAlertBlocks(a);
      assertSafe(msg, a, seed);
      // The story id always survives the cutting (findMessage relies on it), and the footer stays last.
      if (msg.metadata?.event_payload.story_id === undefined || msg.blocks.at(-1)?.type !== 'context') expect.fail(`seed ${seed}: footer or story id lost`);
    }
  }, 180_000);

  it(`replies: ${CASES} random hostile command replies stay within every limit`, () => {
    for (let seed = 100_001; seed < 100_001 + CASES; seed++) {
      const rep = reply(rng(seed));
      const msg = renderReply(rep, { inChannel: seed % 2 === 0 });
      assertSafe(msg, rep, seed);
    }
  }, 180_000);

  it('a 50 kB title is cut at a word boundary with an ellipsis, never rejected', () => {
    const words = 'LinkedIn trains its models on member data without asking '.repeat(900);
    const a = alert(rng(7));
    a.headline = words;
    a.summary = [words];
    const msg = renderAlertBlocks(a);
    const head = msg.blocks[0] as { type: string; text: { text: string } };
    expect(head.type).toBe('header');
    expect(head.text.text.length).toBeLessThanOrEqual(150);
    expect(head.text.text.endsWith('…')).toBe(true);
    expect(head.text.text.slice(0, -1)).toMatch(/\w$/); // ends on a whole word
    expect(words.startsWith(head.text.text.slice(0, -1))).toBe(true);
    expect(blockProblems(msg)).toEqual([]);
  });
});
