// The text-safety helpers and the request signer, checked on known cases
// (the property test covers random ones).
import { describe, expect, it } from 'vitest';
import { clean, cut, cutMrkdwn, escapeMrkdwn, link, plainSafe, safeUrl } from '../../src/adapters/slack/text.js';
import { splitShare } from '../../src/adapters/slack/listeners.js';
import { slackSignature } from './helpers/sign.js';

describe('escaping feed text for mrkdwn', () => {
  it('escapes exactly &, < and >, so no mention or link can be formed', () => {
    expect(escapeMrkdwn('Tom & Jerry <!channel> <@U123> <http://x|y> a > b')).toBe('Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt; &lt;http://x|y&gt; a &gt; b');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
  it('defuses bare @channel/@here/@everyone with an invisible word joiner', () => {
    expect(escapeMrkdwn('hey @channel and @Here')).toBe('hey @\u2060channel and @\u2060Here');
  });
  it('drops control and bidi-override characters and lone surrogates, keeps emoji and RTL text', () => {
    expect(clean('a\u0000b\u0007c\u202ed\u2066e\ud83d f')).toBe('abcde f');
    expect(clean('😀 שלום \u200f مرحبا')).toBe('😀 שלום \u200f مرحبا');
    expect(escapeMrkdwn('line 1\r\nline 2\n\n\n\nline 3')).toBe('line 1\nline 2\n\nline 3');
  });
  it('plain_text keeps the characters but cannot start a control sequence', () => {
    expect(plainSafe('Q&A <!here>')).toBe('Q&A <\u2060!here>');
  });
});

describe('cutting to a limit', () => {
  it('cuts at a word boundary with an ellipsis, and leaves short text alone', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('LinkedIn trains AI on member data', 20)).toBe('LinkedIn trains AI…');
    expect(cut('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  it('never splits a surrogate pair', () => {
    const out = cut('😀'.repeat(100), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(out)).toBe(false);
  });
  it('never ends inside an entity or one of our links', () => {
    const text = `${'word '.repeat(5)}&amp;&amp;&amp; <https://example.org/${'a'.repeat(50)}|label>`;
    for (let max = 10; max < text.length; max++) {
      const out = cutMrkdwn(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&[a-z]*…$/);
      expect(out.lastIndexOf('<') <= out.lastIndexOf('>')).toBe(true);
    }
  });
});

describe('URLs', () => {
  it('keeps http(s) only and encodes what would end a Slack link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl('https://user:pw@evil.example/')).toBeUndefined();
    expect(safeUrl('https://ok.example/a|b<c>@here')).toBe('https://ok.example/a%7Cb%3Cc%3E%40here');
    expect(safeUrl(`https://ok.example/${'a'.repeat(3000)}`)).toBeUndefined();
  });
  it('link() falls back to the escaped label when the URL is unusable', () => {
    expect(link('https://ok.example/x', 'A & B')).toBe('<https://ok.example/x|A &amp; B>');
    expect(link('javascript:x', '<!channel>')).toBe('&lt;!channel&gt;');
  });
});

describe('share word', () => {
  it('a trailing share/public word makes the answer public; a quoted one is an argument', () => {
    expect(splitShare('linkedin share')).toEqual({ text: 'linkedin', share: true });
    expect(splitShare('latest 5 PUBLIC')).toEqual({ text: 'latest 5', share: true });
    expect(splitShare('search "share"')).toEqual({ text: 'search "share"', share: false });
    expect(splitShare('search shareholders')).toEqual({ text: 'search shareholders', share: false });
    expect(splitShare('')).toEqual({ text: '', share: false });
  });
});

describe('request signing (the test helper)', () => {
  it('reproduces Slack’s published example signature', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });
});
