// The console renderer: plain, wrapped, no terminal control characters.
import { describe, expect, it } from 'vitest';
import { renderAlertText, renderReplyText, sanitize, wrap } from '../../src/adapters/console/render.js';
import { composeAlert } from '../../src/compose/index.js';
import type { Reply } from '../../commands/types.js';
import type { Decision, Story } from '../../src/domain.js';

const story: Story = {
  id: 'r1',
  title: 'Evil \u001b[31mred\u001b[0m title\u0007 about LinkedIn',
  content: 'LinkedIn uses member posts to train generative AI models by default. The setting was switched on for US members without notice.',
  firstSeen: '2024-09-18T00:00:00Z',
  updatedAt: '2024-09-18T00:00:00Z',
  sources: [{ itemId: 'i', sourceId: 's', sourceName: 'Outlet', title: 'LinkedIn AI', link: 'https://example.org/a' }],
};
const decision: Decision = { relevant: true, score: 0.8, lang: 'en', platforms: ['LinkedIn'], regulators: [], regions: ['US'], greyZone: false, reasons: [] };

describe('console renderer', () => {
  it('strips control characters from feed text', () => {
    const text = renderAlertText(composeAlert(story, decision, { now: new Date('2026-01-01') }));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('Evil [31mred[0m title about LinkedIn');
    expect(sanitize('a\u202eb')).toBe('ab');
  });

  it('wraps at 78 columns without breaking words, except for long URLs', () => {
    const text = renderAlertText(composeAlert(story, decision, { now: new Date('2026-01-01') }));
    for (const line of text.split('\n')) {
      if (!/https?:\/\//.test(line)) expect(line.length).toBeLessThanOrEqual(78);
    }
    expect(wrap('aaa bbb ccc', 7, '  ')).toBe('aaa bbb\n  ccc');
    expect(wrap('Ouvrez « Make a Privacy Request » maintenant', 24)).toBe('Ouvrez « Make a Privacy\nRequest » maintenant');
    expect(wrap('un deux trois « quatre', 14)).toBe('un deux trois\n« quatre');
    expect(wrap('  indented text here', 13, '    ')).toBe('  indented\n    text here');
  });

  it('renders every reply block type', () => {
    const reply: Reply = {
      blocks: [
        { type: 'heading', text: 'Title' },
        { type: 'text', text: 'Line one\nLine two' },
        { type: 'list', items: ['a', 'b'], ordered: true },
        { type: 'list', items: ['c'] },
        { type: 'links', links: [{ label: 'Form', url: 'https://example.org/f' }] },
        { type: 'fields', fields: [{ name: 'Region', value: 'EU' }] },
        { type: 'context', text: 'small print' },
      ],
      fallback: 'fb',
    };
    expect(renderReplyText(reply)).toBe(
      ['Title\n═════', 'Line one\nLine two', '1. a\n2. b', '• c', '→ Form: https://example.org/f', 'Region: EU', 'small print'].join('\n\n'),
    );
    expect(renderReplyText({ blocks: [], fallback: 'only \u001bfallback' })).toBe('only fallback');
  });

  it('renders an alert block inside a reply', () => {
    const alert = composeAlert(story, decision, { now: new Date('2026-01-01') });
    expect(renderReplyText({ blocks: [{ type: 'alert', alert }], fallback: '' })).toBe(renderAlertText(alert));
  });
});
