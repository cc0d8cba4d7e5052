// The escaping the status page and the feeds rely on, fed hostile feed text.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref, SafeHtml, stripControls } from '../../src/web/html.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["' onmouseover='x", '&#39; onmouseover=&#39;x'],
    ['a & b &amp; c', 'a &amp; b &amp;amp; c'],
    ['`backtick`', '&#96;backtick&#96;'],
    ['bell\u0007 nul\u0000 del\u007f ok\ttab\nline', 'bell nul del ok\ttab\nline'],
    ['lone \uD800 surrogate, pair \uD83D\uDE00 kept', 'lone  surrogate, pair \uD83D\uDE00 kept'],
  ])('%j', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });

  it('leaves no character that could open a tag or leave an attribute', () => {
    const nasty = '<>"\'`&'.repeat(3) + '</title><script>x</script><!-- ]]> -->';
    expect(escapeHtml(nasty)).not.toMatch(/[<>"'`]/);
  });
});

describe('the html tag', () => {
  it('escapes every interpolated value, also inside arrays', () => {
    const title = '<script>alert(1)</script>';
    const out = html`<p title="${title}">${title}</p><ul>${[title, 2].map((x) => html`<li>${x}</li>`)}</ul>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p><ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>2</li></ul>',
    );
  });

  it('passes nested fragments through once, and drops null, undefined and false', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`${inner}${null}${undefined}${false}${0}`.value).toBe('<b>a&lt;b</b>0');
  });
});

describe('safeHref', () => {
  it.each([
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['/relative', undefined],
    ['not a url', undefined],
    ['https://example.org/a?b=1&c="2"', 'https://example.org/a?b=1&c=%222%22'],
    ['http://example.org/', 'http://example.org/'],
  ])('%j → %j', (input, out) => {
    expect(safeHref(input)).toBe(out);
  });
});

it('stripControls keeps ordinary text, accents and emoji', () => {
  expect(stripControls('Données personnelles – “IA” 🙂')).toBe('Données personnelles – “IA” 🙂');
});
