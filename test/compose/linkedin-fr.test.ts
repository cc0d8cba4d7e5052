// The French LinkedIn demo story (TechCrunch, Sept 2024, retold in French):
// what the alert must show in a French and in an English channel.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeAlert } from '../../src/compose/index.js';
import { renderAlertText } from '../../src/adapters/console/render.js';
import type { Decision, Story } from '../../src/domain.js';

const here = dirname(fileURLToPath(import.meta.url));
const { story, decision } = JSON.parse(readFileSync(join(here, 'stories', 'fr-linkedin-techcrunch.json'), 'utf8')) as { story: Story; decision: Decision };
const NOW = new Date('2026-11-29T00:00:00Z');

describe('French LinkedIn story', () => {
  const fr = composeAlert(story, decision, { lang: 'fr', now: NOW });
  const en = composeAlert(story, decision, { lang: 'en', now: NOW });
  const text = renderAlertText(fr);

  it('names LinkedIn and keeps a French summary taken from the article', () => {
    expect(fr.headline).toContain('LinkedIn');
    expect(fr.guides.map((g) => g.platform)).toEqual(['LinkedIn']);
    expect(fr.summary.length).toBeGreaterThanOrEqual(2);
    expect(fr.summary.length).toBeLessThanOrEqual(3);
    for (const s of fr.summary) expect(story.content).toContain(s);
    expect(fr.summary[0]).toMatch(/LinkedIn a utilisé les données/);
    // The summary stays French whatever the channel language.
    expect(en.summary).toEqual(fr.summary);
    expect(fr.summary.join(' ')).not.toMatch(/Partagez|newsletter|Par Jeanne/);
  });

  it('says who is affected, with the article’s exclusions', () => {
    expect(fr.affected.join('\n')).toContain('États-Unis');
    expect(fr.affected.join('\n')).toMatch(/Non concernés selon l'article : UE, EEE, Suisse/);
    expect(en.affected.join('\n')).toMatch(/Not affected according to the story: EU, EEA, Switzerland/);
  });

  it('shows the KB’s current state with its date where it differs from the article', () => {
    expect(fr.affected.join('\n')).toMatch(/situation actuelle \(3 novembre 2025\) : UE, EEE, Royaume-Uni, Suisse : utilisées par défaut/);
    expect(en.affected.join('\n')).toMatch(/current state \(3 November 2025\): EU, EEA, UK, Switzerland: used by default/);
  });

  it('gives the steps, in French labels for a French channel and English ones otherwise', () => {
    const frSteps = fr.guides[0]!.steps.map((s) => s.text).join(' → ');
    expect(frSteps).toContain('Préférences et confidentialité');
    expect(frSteps).toContain('Confidentialité des données');
    expect(frSteps).toContain("Données pour l'amélioration de l'IA générative");
    expect(frSteps).toContain("« Utiliser mes données pour entraîner des modèles d'IA de création de contenu »");
    const enSteps = en.guides[0]!.steps.map((s) => s.text).join(' → ');
    expect(enSteps).toMatch(/Settings & Privacy.*Data privacy.*Data for Generative AI Improvement.*Turn off “Use my data for training content creation AI models”/);
  });

  it('links the settings page and the objection form', () => {
    const urls = fr.guides[0]!.links.map((l) => l.url);
    expect(urls).toContain('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    expect(urls).toContain('https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
    expect(text).toContain('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    expect(text).toContain("Formulaire d'opposition");
  });

  it('says that opting out does not undo past training', () => {
    expect(fr.guides[0]!.undoesPastTraining).toBe(false);
    expect(fr.pastTraining).toBe("Refuser n'annule pas l'entraînement déjà effectué ; cela ne vaut que pour l'avenir.");
    expect(en.pastTraining).toMatch(/does not undo training/);
  });

  it('quotes the article’s own steps, attributed', () => {
    expect(fr.articleSteps).toHaveLength(1);
    expect(fr.articleSteps[0]!.quote).toMatch(/^Pour refuser, accédez à Préférences et confidentialité/);
    expect(fr.articleSteps[0]!.source).toBe('TechCrunch');
    expect(fr.articleSteps[0]!.link).toBe(story.link);
  });

  it('uses French fixed labels and keeps the footer', () => {
    expect(fr.lang).toBe('fr');
    expect(text).toContain('QUI EST CONCERNÉ');
    expect(text).toContain("COMMENT REFUSER OU S'OPPOSER");
    expect(text).toContain('MODÈLES DÉJÀ ENTRAÎNÉS');
    expect(fr.footer).toEqual({ score: 0.93, storyId: 'li-fr-2409', why: 'Pourquoi ? /radar why li-fr-2409' });
    expect(fr.sources).toEqual([{ name: 'TechCrunch', title: story.sources[0]!.title, link: story.sources[0]!.link }]);
  });
});
