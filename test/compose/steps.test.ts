import { describe, expect, it } from 'vitest';
import { extractSteps, isInstruction } from '../../src/compose/steps.js';

const INSTRUCTIONS: [string, string][] = [
  ['en', 'To opt out, go to Settings, open Data privacy and turn off "Data for Generative AI Improvement".'],
  ['en', 'Head to Settings > Privacy > Data sharing and untick the Grok box.'],
  ['fr', 'Pour refuser, accédez à Préférences et confidentialité, cliquez sur Confidentialité des données puis désactivez l’option.'],
  ['de', 'Öffnen Sie die Einstellungen, tippen Sie auf Datenschutz und deaktivieren Sie die Option „Daten für KI“.'],
  ['es', 'Para evitarlo, ve a Configuración y privacidad, toca Grok y desmarca la casilla.'],
  ['it', 'Per opporsi, vai su Impostazioni, apri Privacy e disattiva l’opzione dedicata all’addestramento.'],
  ['nl', 'Ga naar Instellingen, kies Gegevensprivacy en zet de optie voor AI-verbetering uit.'],
  ['pt', 'Para recusar, acesse Configurações, toque em Privacidade de dados e desative a opção.'],
];

const NOT_INSTRUCTIONS: [string, string][] = [
  ['en', 'LinkedIn updated its privacy policy on Wednesday.'],
  ['en', 'The company disabled the feature in Europe after the regulator intervened.'],
  ['fr', 'La CNIL a publié ses recommandations sur l’intérêt légitime.'],
  ['de', 'Die Verbraucherzentrale hat Meta abgemahnt.'],
  ['es', 'La empresa asegura que respeta la privacidad de sus usuarios.'],
  ['it', 'Il Garante ha aperto un’istruttoria su DeepSeek.'],
  ['nl', 'Privéberichten worden volgens LinkedIn niet gebruikt.'],
  ['pt', 'A ANPD suspendeu a política da Meta.'],
];

describe('article steps', () => {
  it.each(INSTRUCTIONS)('finds the %s instruction', (lang, s) => {
    expect(isInstruction(s, lang)).toBe(true);
  });

  it.each(NOT_INSTRUCTIONS)('ignores a %s news sentence', (lang, s) => {
    expect(isInstruction(s, lang)).toBe(false);
  });

  it('quotes instruction sentences verbatim, in order, skipping boilerplate', () => {
    const text = [
      'LinkedIn trained AI on member data.',
      INSTRUCTIONS[0]![1],
      'Click here to subscribe to our newsletter and turn off ads in settings.',
      'You can also use the objection form.',
    ].join('\n');
    expect(extractSteps(text, 'en')).toEqual([INSTRUCTIONS[0]![1]]);
  });

  it('cuts very long instructions at a word boundary', () => {
    const long = `Go to Settings and turn off ${'the very long option name '.repeat(20)}now.`;
    const [q] = extractSteps(long, 'en');
    expect(q!.length).toBeLessThanOrEqual(301);
    expect(q!.endsWith('…')).toBe(true);
    expect(long.startsWith(q!.slice(0, -1))).toBe(true);
  });

  it('quotes a numbered how-to list as one step block', () => {
    const text = ['Here is how to opt out of Meta AI training.', '1. Open Instagram and tap your profile.', '2. Tap Settings, then Privacy Centre.', '3. Submit the objection form.', 'Meta says it will honour every request.'].join('\n');
    expect(extractSteps(text, 'en')).toEqual(['1. Open Instagram and tap your profile. 2. Tap Settings, then Privacy Centre. 3. Submit the objection form.']);
    const fr = ['Voici la marche à suivre :', '1. Ouvrez l’application LinkedIn.', '2. Touchez votre photo puis Préférences.', '3. Désactivez l’option.'].join('\n');
    expect(extractSteps(fr, 'fr')).toHaveLength(1);
  });

  it('returns nothing for an article without instructions or without text', () => {
    expect(extractSteps('Meta will train on posts. Regulators object.', 'en')).toEqual([]);
    expect(extractSteps(undefined)).toEqual([]);
  });
});
