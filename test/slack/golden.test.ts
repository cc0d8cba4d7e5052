// Golden files: the exact Block Kit message for the French LinkedIn story of
// the demo feeds, with English and with French labels. A change in rendering
// shows up as a diff here; UPDATE_GOLDEN=1 rewrites the files after review.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAlertBlocks } from '../../src/adapters/slack/alert-blocks.js';
import { frenchLinkedInAlert } from './helpers/stories.js';
import { activeSequences, blockProblems, mrkdwnStrings } from './helpers/check-blocks.js';

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: unknown): void {
  const file = join(goldenDir, name);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, text);
    if (!update) console.warn(`golden file ${name} was missing and has been written; review it`);
    return;
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('Slack alert golden files: the French LinkedIn story', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`renders with ${lang === 'en' ? 'English' : 'French'} labels`, async () => {
      const alert = await frenchLinkedInAlert(lang);
      const msg = renderAlertBlocks(alert);
      golden(`linkedin-fr.${lang}.json`, msg);

      // What the golden file must show, whatever its exact wording.
      expect(blockProblems(msg)).toEqual([]);
      const json = JSON.stringify(msg.blocks);
      expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
      expect(json).toContain('LinkedIn');
      expect(json).toContain(lang === 'en' ? 'Who is affected' : 'Qui est concerné');
      expect(json).toContain(lang === 'en' ? 'How to opt out or object' : "Comment refuser ou s'opposer");
      const buttons = msg.blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.type === 'actions' ? b.elements : []));
      expect(buttons.length).toBeGreaterThan(0);
      expect(buttons.every((b) => /^https:\/\/([a-z0-9-]+\.)*linkedin\.com\//.test(b.url ?? ''))).toBe(true);
      const footer = msg.blocks.at(-1)!;
      expect(footer.type).toBe('context');
      expect(JSON.stringify(footer)).toContain(alert.storyId);
      expect(msg.metadata).toEqual({ event_type: 'optout_radar_alert', event_payload: { story_id: alert.storyId, sources: alert.sources.length } });
      const hosts = new Set(['www.linkedin.com', 'linkedin.com', 'demo.invalid']);
      for (const s of mrkdwnStrings(msg)) expect(activeSequences(s, hosts)).toEqual([]);
    });
  }
});
