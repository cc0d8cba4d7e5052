import { describe, expect, it } from 'vitest';
import { extractDates, extractRegions } from '../../src/compose/facts.js';

const ref = new Date('2025-04-15T00:00:00Z');

describe('deadlines and start dates', () => {
  it.each([
    ['Users can object before 27 May.', 'deadline', 'before 27 May', '2025-05-27'],
    ['Object by May 26, 2025 to keep old posts out.', 'deadline', 'by May 26, 2025', '2025-05-26'],
    ['À partir du 3 novembre, LinkedIn utilisera les données.', 'start', 'À partir du 3 novembre', '2025-11-03'],
    ['Vous avez jusqu’au 26 mai pour vous opposer.', 'deadline', 'jusqu’au 26 mai', undefined],
    ['Widerspruch ist bis zum 26. Mai möglich.', 'deadline', 'bis zum 26. Mai', '2025-05-26'],
    ['Los usuarios pueden oponerse antes del 27 de mayo.', 'deadline', 'antes del 27 de mayo', '2025-05-27'],
    ['È possibile opporsi entro il 26 maggio.', 'deadline', 'entro il 26 maggio', '2025-05-26'],
    ['Maak vóór 3 november bezwaar.', 'deadline', 'vóór 3 november', '2025-11-03'],
    ['A política vale a partir de 3 de setembro de 2024.', 'start', 'a partir de 3 de setembro de 2024', '2024-09-03'],
  ])('%s', (text, kind, quote, date) => {
    const found = extractDates(text, ref);
    if (date === undefined) {
      // The typographic apostrophe variant is not a cue we know; nothing invented.
      expect(found.every((d) => d.quote !== quote)).toBe(true);
      return;
    }
    expect(found[0]).toEqual({ kind, quote, date });
  });

  it('resolves a year-less date to the nearest future-leaning year', () => {
    expect(extractDates('from 3 January', new Date('2025-12-01T00:00:00Z'))[0]?.date).toBe('2026-01-03');
  });

  it('finds nothing in text without dates', () => {
    expect(extractDates('Meta will train on posts.', ref)).toEqual([]);
  });
});

describe('regions', () => {
  it('reads an English exclusion list', () => {
    const r = extractRegions('The setting is not available in the EU/EEA or Switzerland. US members were opted in by default.');
    expect(r.excluded.sort()).toEqual(['CH', 'EEA', 'EU']);
    expect(r.included).toEqual(['US']);
  });

  it('reads a French exclusion placed after the regions', () => {
    const r = extractRegions("Les membres de l'Union européenne, de l'Espace économique européen et de la Suisse ne sont pas concernés. Aux États-Unis, le réglage est activé.");
    expect(r.excluded.sort()).toEqual(['CH', 'EEA', 'EU']);
    expect(r.included).toEqual(['US']);
  });

  it('stops an exclusion at a clause break', () => {
    const r = extractRegions('Users in the European Union are excluded, but Americans are opted in.');
    expect(r).toEqual({ included: ['US'], excluded: ['EU'] });
  });

  it('does not read the Spanish verb "usa" or the pronoun "us" as the USA', () => {
    expect(extractRegions('X usa tus publicaciones. Tell us what you think.').included).toEqual([]);
  });

  it('handles German and Dutch', () => {
    expect(extractRegions('Nutzer in der Schweiz sind ausgenommen.').excluded).toEqual(['CH']);
    expect(extractRegions('Leden in het Verenigd Koninkrijk en de EER doen mee.').included.sort()).toEqual(['EEA', 'UK']);
  });
});
