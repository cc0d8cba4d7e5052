import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Story } from '../../src/domain.js';
import { Store } from '../../src/store/store.js';
import { getKb } from '../../src/kb/index.js';
import { checkFreshness, FRESHNESS_NS, freshnessOf, type FreshnessRecord } from '../../src/freshness/index.js';
import { decision } from '../helpers/stories.js';
import { oldLinkedInKb } from './kb-copy.js';

const tmp = mkdtempSync(join(tmpdir(), 'fresh-'));
const old = oldLinkedInKb();
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(old.dir, { recursive: true, force: true });
});
let store: Store;
let n = 0;
beforeEach(async () => {
  store = await Store.open(`sqlite://${join(tmp, `f${++n}.db`)}`);
});
afterEach(async () => store.close());

function newsStory(id: string, title: string, content: string, over: Partial<Story> & { lang?: string; platforms?: string[]; regions?: string[] } = {}): Story {
  const published = over.published ?? '2025-09-19T08:00:00Z';
  return {
    id,
    title,
    content,
    link: `https://news.example/${id}`,
    published,
    firstSeen: published,
    updatedAt: published,
    sources: [{ itemId: `${id}-1`, sourceId: 'news', sourceName: 'Example News', title, link: `https://news.example/${id}` }],
    decision: decision({ lang: over.lang ?? 'en', platforms: over.platforms ?? ['LinkedIn'], regions: over.regions ?? [] }),
  };
}

const now = new Date('2025-09-20T10:00:00Z');

describe('stories that agree with the guide mark nothing', () => {
  it('an English explainer of the November 2025 change, checked against the current LinkedIn guide', async () => {
    const s = newsStory(
      'agree-en',
      'LinkedIn will train its AI on European members’ data from November',
      'LinkedIn will use the profiles and public posts of members in the EU, the EEA, Switzerland and the UK to train its generative AI models from 3 November 2025, under legitimate interest. ' +
        'Members in the US have been opted in since last year. ' +
        'To refuse, open Settings & Privacy, go to Data privacy, select “Data for Generative AI Improvement” and turn off “Use my data for training content creation AI models”. ' +
        'For other AI models, members can use the objection form. Opting out does not undo past training.',
    );
    expect(await checkFreshness(store, s, { now })).toEqual([]);
    expect(await store.ns(FRESHNESS_NS).values()).toEqual([]);
  });

  it('a French article quoting the French menu labels', async () => {
    const s = newsStory(
      'agree-fr',
      'LinkedIn va utiliser vos données pour entraîner son IA : voici comment refuser',
      "À partir du 3 novembre 2025, LinkedIn utilisera les données de ses membres européens, suisses et britanniques pour entraîner ses modèles d'IA générative. " +
        'Pour refuser, ouvrez Préférences et confidentialité, puis Confidentialité des données, cliquez sur « Données pour l\'amélioration de l\'IA générative » et désactivez le réglage. ' +
        "Le formulaire d'opposition reste disponible pour les autres modèles.",
      { lang: 'fr' },
    );
    expect(await checkFreshness(store, s, { now })).toEqual([]);
  });

  it('a story about another platform leaves LinkedIn alone, and an irrelevant story is not read', async () => {
    const other = newsStory('other', 'Reddit signs AI data deal', 'Reddit will license its users’ posts to train AI models in the US.', { platforms: ['Reddit'] });
    const irrelevant = { ...newsStory('irr', 'LinkedIn earnings', 'LinkedIn will use EU data from 3 December 2025.'), decision: decision({ relevant: false }) };
    await checkFreshness(store, other, { now });
    expect(await checkFreshness(store, irrelevant, { now })).toEqual([]);
    expect(await freshnessOf(store, 'linkedin', { now })).toMatchObject({ marks: [] });
  });
});

describe('more agreeing stories, several languages and platforms', () => {
  const cases: [string, string, string, string, string[]][] = [
    ['en', '2025-04-15', 'Meta will train its AI on EU users’ public posts from 27 May', 'Meta will start training its AI models on public posts and comments of adults in the EU from 27 May 2025. Facebook and Instagram users can object through a form before that date. Private messages are not used.', ['Meta (Facebook)', 'Meta (Instagram)']],
    ['de', '2025-04-15', 'Meta nutzt ab 27. Mai öffentliche Beiträge für KI-Training', 'Meta wird ab dem 27. Mai 2025 öffentliche Beiträge von Erwachsenen in der EU für das Training seiner KI verwenden. Nutzer von Facebook und Instagram können bis zum 26. Mai über ein Formular widersprechen.', ['Meta (Facebook)', 'Meta (Instagram)']],
    ['fr', '2025-05-20', 'Meta IA : vous avez jusqu’au 27 mai pour vous opposer', "Meta utilisera les publications publiques des adultes de l'Union européenne pour entraîner son IA à partir du 27 mai 2025. Pour s'y opposer, il faut remplir le formulaire d'opposition sur Facebook et Instagram avant cette date.", ['Meta (Facebook)', 'Meta (Instagram)']],
    ['en', '2025-08-29', 'Anthropic will train Claude on chats unless users opt out', 'Anthropic will start using consumer chats with Claude to train its models unless users opt out. Existing users must make their choice by 28 September 2025 in a pop-up; the setting can be changed later under Privacy settings.', ['Anthropic']],
    ['en', '2024-09-18', 'LinkedIn is training AI on user data; here is how to opt out', 'LinkedIn users in the US can opt out of having their data used to train generative AI. Go to Settings & Privacy, then Data privacy, and turn off Data for Generative AI Improvement. Users in the EU, EEA and Switzerland are not affected.', ['LinkedIn']],
  ];
  it.each(cases)('%s %s: %s', async (lang, date, title, content, platforms) => {
    const s = newsStory(`ok-${lang}-${date}`, title, content, { lang, platforms, published: `${date}T08:00:00Z` });
    expect(await checkFreshness(store, s, { now: new Date(`${date}T09:00:00Z`) })).toEqual([]);
  });
});

describe('stories that contradict the guide mark it, with the story', () => {
  it('region newly included + new deadline: EU members’ data from 3 November 2025 against a guide that excludes the EU', async () => {
    const s = newsStory(
      'li-eu',
      'LinkedIn to use EU members’ data for AI training from November',
      'LinkedIn will start using the data of its members in the European Union to train its generative AI models from 3 November 2025. ' +
        'Members who do not want this can object before that date in their settings.',
    );
    const marks = await checkFreshness(store, s, { kb: old.kb, now });
    const kinds = marks.map((m) => m.kind);
    expect(kinds).toContain('region-included');
    expect(kinds).toContain('new-deadline');
    const inc = marks.find((m) => m.kind === 'region-included')!;
    expect(inc.detail).toMatch(/EU included/);
    expect(inc.storyId).toBe('li-eu');
    const rec = (await store.ns<FreshnessRecord>(FRESHNESS_NS).get('linkedin'))!;
    expect(rec.marks.every((m) => m.storyId === 'li-eu')).toBe(true);
    // Checking the same story again adds nothing.
    expect(await checkFreshness(store, s, { kb: old.kb, now })).toEqual([]);
    // The same story against the current guide (which includes the EU from that date) marks nothing.
    expect(await checkFreshness(store, { ...s, id: 'li-eu-2' }, { now })).toEqual([]);
  });

  it('region newly excluded: LinkedIn stops using Swiss members’ data', async () => {
    const s = newsStory(
      'li-ch',
      'LinkedIn stops AI training on Swiss members’ data',
      'After a complaint, LinkedIn has stopped using the data of members in Switzerland to train its AI models, the company said on Monday.',
      { published: '2025-12-01T09:00:00Z' },
    );
    const marks = await checkFreshness(store, s, { now: new Date('2025-12-01T10:00:00Z') });
    expect(marks.map((m) => m.kind)).toEqual(['region-excluded']);
    expect(marks[0]!.detail).toMatch(/Switzerland excluded/);
  });

  it('a story about 2024, when Europe was excluded, does not contradict the 2025 rule', async () => {
    const s = newsStory(
      'li-2024',
      'LinkedIn is training AI on your data',
      'LinkedIn is using members’ posts to train its AI models, but members in the EU, EEA and Switzerland are not affected.',
      { published: '2024-09-19T09:00:00Z' },
    );
    expect(await checkFreshness(store, s, { now: new Date('2024-09-19T10:00:00Z') })).toEqual([]);
  });

  it('new mechanism: objecting by email', async () => {
    const s = newsStory(
      'li-mail',
      'LinkedIn adds an email route to object to AI training',
      'LinkedIn members can now also object to the use of their data for AI training by email, writing to dpo-ai@linkedin.com.',
    );
    const marks = await checkFreshness(store, s, { now });
    expect(marks.map((m) => m.kind)).toEqual(['mechanism-added']);
    expect(marks[0]!.detail).toMatch(/email/);
  });

  it('mechanism removed: the objection form is gone', async () => {
    const s = newsStory(
      'li-form',
      'LinkedIn quietly removes its AI objection form',
      'LinkedIn has removed the objection form it offered for AI models that personalise the feed; only the toggle in the settings remains.',
    );
    const marks = await checkFreshness(store, s, { now });
    expect(marks.map((m) => m.kind)).toEqual(['mechanism-removed']);
    expect(marks[0]!.detail).toMatch(/objection-form removed/);
  });

  it('mechanism removed: “no way to opt out” against a guide that offers a toggle', async () => {
    const s = newsStory('li-none', 'LinkedIn members can no longer refuse', 'According to the new terms there is no way to opt out of LinkedIn using your posts for AI training.');
    const marks = await checkFreshness(store, s, { now });
    expect(marks.map((m) => m.kind)).toEqual(['mechanism-removed']);
  });

  it('new deadline: a date the guide does not know', async () => {
    const s = newsStory(
      'li-jan',
      'LinkedIn extends AI training to messages',
      'LinkedIn members have until 15 January 2026 to object before their data is used to train new AI features.',
      { published: '2025-12-10T09:00:00Z' },
    );
    const marks = await checkFreshness(store, s, { now: new Date('2025-12-10T10:00:00Z') });
    expect(marks.map((m) => m.kind)).toEqual(['new-deadline']);
    expect(marks[0]!.detail).toMatch(/2026-01-15/);
  });

  it('changed menu label quoted in the article', async () => {
    const s = newsStory(
      'li-label',
      'LinkedIn renames its AI data setting',
      'In Settings, open Data privacy and switch off “Use my data for training AI models that create content”, the new name of the setting.',
    );
    const marks = await checkFreshness(store, s, { now });
    expect(marks.map((m) => m.kind)).toEqual(['label-changed']);
    expect(marks[0]!.detail).toContain('Use my data for training content creation AI models');
  });

  it('a quoted spokesperson sentence or an unrelated quoted name is not a label', async () => {
    const s = newsStory(
      'li-quote',
      'LinkedIn defends AI training',
      '“We believe members should have choice and control over their data,” a LinkedIn spokesperson said, adding that the setting is described under “How LinkedIn uses your data”.',
    );
    expect(await checkFreshness(store, s, { now })).toEqual([]);
  });

  it('a multi-platform story marks only the platform each sentence names', async () => {
    const s = newsStory(
      'multi',
      'Meta and LinkedIn update their AI terms',
      'Meta will use public posts of adults in the EU to train its AI. LinkedIn members can now object by email, writing to dpo-ai@linkedin.com.',
      { platforms: ['Meta (Facebook)', 'LinkedIn'] },
    );
    const marks = await checkFreshness(store, s, { now });
    expect(marks.map((m) => m.kind)).toEqual(['mechanism-added']);
    expect(await freshnessOf(store, 'facebook', { now })).toMatchObject({ marks: [] });
    expect(getKb().platforms.some((p) => p.id === 'meta-facebook')).toBe(true);
  });
});
