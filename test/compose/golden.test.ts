// Golden tests: real stories (written for these tests) rendered exactly as the
// console adapter prints them, in the channel languages en and fr.
// UPDATE_GOLDEN=1 npx vitest run test/compose/golden.test.ts rewrites the files.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeAlert } from '../../src/compose/index.js';
import { renderAlertText } from '../../src/adapters/console/render.js';
import type { Decision, Story } from '../../src/domain.js';

const here = dirname(fileURLToPath(import.meta.url));
const storiesDir = join(here, 'stories');
const goldenDir = join(here, 'golden');
const NOW = new Date('2026-11-29T00:00:00Z');
const update = process.env.UPDATE_GOLDEN === '1';

export function loadStory(name: string): { story: Story; decision: Decision } {
  return JSON.parse(readFileSync(join(storiesDir, `${name}.json`), 'utf8')) as { story: Story; decision: Decision };
}

const names = readdirSync(storiesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('golden alerts', () => {
  it('covers at least 8 stories in at least 4 languages', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    const langs = new Set(names.map((n) => loadStory(n).decision.lang));
    expect(langs.size).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    // Every story in English and French channels; German stories also in a German one.
    const langs = loadStory(name).decision.lang === 'de' ? ['en', 'fr', 'de'] : ['en', 'fr'];
    for (const lang of langs) {
      it(`${name} rendered with ${lang} labels`, () => {
        const { story, decision } = loadStory(name);
        const text = renderAlertText(composeAlert(story, decision, { lang, now: NOW })) + '\n';
        const file = join(goldenDir, `${name}.${lang}.txt`);
        if (update || !existsSync(file)) {
          mkdirSync(goldenDir, { recursive: true });
          writeFileSync(file, text);
          if (!update) throw new Error(`golden file ${file} was missing; written now — review it and re-run`);
        }
        expect(text).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
