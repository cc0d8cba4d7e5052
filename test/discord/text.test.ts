// The text rules on their own: clean cuts, broken mentions, escaped markdown,
// usable URLs, and the 6000-character total across embeds.
import { describe, expect, it } from 'vitest';
import { cut, escapeMarkdown, joinLines, mdLink, neutralizeMentions, safe, safeUrl } from '../../src/adapters/discord/text.js';
import { embedLength, fitEmbeds, totalLength } from '../../src/adapters/discord/limits.js';

describe('cut', () => {
  it('keeps short text and cuts long text at a word boundary with an ellipsis', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(cut('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits an emoji or leaves a dangling escape', () => {
    const emoji = '😀'.repeat(10); // 20 UTF-16 units
    const c = cut(emoji, 6);
    expect(c.length).toBeLessThanOrEqual(6);
    expect(c).toBe('😀😀…');
    expect(cut('ab\\*cd\\*ef\\*gh', 4)).toBe('ab…');
    expect(cut(`${'a'.repeat(8)}\\\\zz`, 11)).toBe(`${'a'.repeat(8)}\\\\…`);
  });
});

describe('mentions and markup', () => {
  it('breaks @everyone, @here and <…> mentions, idempotently', () => {
    const s = neutralizeMentions('hi @everyone and @here <@123> <@&4> <#5> </x:6> <:e:7>');
    expect(s).not.toMatch(/@(everyone|here)|<[@#/:]/);
    expect(neutralizeMentions(s)).toBe(s);
    expect(neutralizeMentions('see <https://example.com>')).toBe('see <https://example.com>');
  });

  it('escapes markdown so feed text shows literally', () => {
    expect(escapeMarkdown('[nitro](https://x.example) **b** `c` ||s||')).toBe('\\[nitro\\](https://x.example) \\*\\*b\\*\\* \\`c\\` \\|\\|s\\|\\|');
    expect(escapeMarkdown('# head\n> quote\n-# sub\n1. item')).toBe('\\# head\n\\> quote\n\\-# sub\n1\\. item');
  });

  it('leaves bare URLs clickable but still breaks links built inside them', () => {
    expect(escapeMarkdown('see https://example.com/a_b*c and a_b')).toBe('see https://example.com/a_b*c and a\\_b');
    expect(escapeMarkdown('https://a.example/[x](https://inject.example)')).toBe('https://a.example/\\[x\\](https://inject.example)');
  });

  it('safe() also removes control and bidi characters', () => {
    expect(safe('a\u202eb\u0000c\td')).toBe('abc d');
  });

  it('builds masked links whose label cannot break out', () => {
    expect(mdLink('a](https://evil.example)', 'https://ok.example/p(1)')).toBe('[a\\](https://evil.example)](https://ok.example/p%281%29)');
  });

  it('accepts only http(s) URLs in normal form', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://user:pw@example.com/')).toBeUndefined();
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeUrl('https://example.com/?q=@here')).toBe('https://example.com/?q=%40here');
    expect(safeUrl(`https://example.com/${'a'.repeat(600)}`, 512)).toBeUndefined();
  });
});

describe('limits', () => {
  it('joins whole lines and marks what was left out', () => {
    expect(joinLines(['one', 'two', 'three'], 9)).toBe('one\ntwo\n…');
  });

  it('brings ten full embeds under the 6000 total and keeps each field limit', () => {
    const big = 'word '.repeat(2000);
    const embeds = fitEmbeds(
      Array.from({ length: 12 }, () => ({ title: big, description: big, footer: { text: big }, fields: Array.from({ length: 30 }, () => ({ name: big, value: big })) })),
    );
    expect(embeds).toHaveLength(10);
    expect(totalLength(embeds)).toBeLessThanOrEqual(6000);
    for (const e of embeds) {
      expect(e.title!.length).toBeLessThanOrEqual(256);
      expect(e.fields!.length).toBeLessThanOrEqual(25);
      expect(embedLength(e)).toBeGreaterThan(0);
    }
  });
});
