import { describe, expect, it } from 'vitest';
import { closestPlatforms, findPlatform, guideFor, isWebsiteQuery, platformNames } from '../../src/kb/index.js';
import { isKnownRegion, regionCovers, regionName } from '../../src/kb/regions.js';

describe('lookup by name or alias', () => {
  it.each([
    ['LinkedIn', 'linkedin'],
    ['linkedin', 'linkedin'],
    ['  LINKED IN ', 'linkedin'],
    ['Linkédin', 'linkedin'],
    ['Meta (Instagram)', 'meta-instagram'],
    ['meta (WhatsApp)', 'meta-whatsapp'],
    ['Meta (Threads)', 'meta-threads'],
    ['Meta', 'meta-facebook'],
    ['Meta AI', 'meta-ai'],
    ['X', 'x'],
    ['Twitter', 'x'],
    ['X (Twitter)', 'x'],
    ['Grok', 'x'],
    ['ChatGPT', 'openai-chatgpt'],
    ['OpenAI (ChatGPT)', 'openai-chatgpt'],
    ['Google (Gemini)', 'google-gemini'],
    ['Microsoft (Copilot)', 'microsoft-copilot'],
    ['Le Chat', 'mistral'],
    ['stack-overflow', 'stack-overflow'],
    ['WordPress.com', 'wordpress-com'],
  ])('%s → %s', (name, id) => {
    expect(findPlatform(name)?.id).toBe(id);
  });

  it('returns undefined for unknown names and suggests the closest', () => {
    expect(findPlatform('Linkdn')).toBeUndefined();
    expect(closestPlatforms('Linkdn')).toEqual(['LinkedIn']);
    expect(closestPlatforms('instagran')[0]).toBe('Meta (Instagram)');
    expect(closestPlatforms('chatgtp')[0]).toBe('OpenAI (ChatGPT)');
    expect(closestPlatforms('qqqqqqqq')).toHaveLength(3);
  });

  it('lists names and recognises the website guide', () => {
    expect(platformNames().length).toBeGreaterThanOrEqual(30);
    expect(isWebsiteQuery('robots.txt')).toBe(true);
    expect(isWebsiteQuery('LinkedIn')).toBe(false);
  });
});

describe('guideFor', () => {
  it('filters routes and rules by region', () => {
    const us = guideFor('instagram', { region: 'US' })!;
    expect(us.steps).toEqual([]);
    expect(us.regionsNote).toMatch(/^US, rest of the world: used by default — no opt-out/);
    const fr = guideFor('instagram', { region: 'FR', lang: 'fr' })!;
    expect(fr.steps[0]!.text).toBe('Paramètres → Centre de confidentialité');
    expect(fr.regionsNote).toMatch(/^UE, EEE : utilisées par défaut depuis le 27 mai 2025/);
    expect(fr.links.map((l) => l.url)).toContain('https://help.instagram.com/contact/767264225370182');
  });

  it('falls back to English steps where no translation exists and to rest-of-world rules', () => {
    const g = guideFor('Figma', { lang: 'fr' })!;
    expect(g.steps[0]!.text).toBe('Team → Admin → Settings tab');
    expect(guideFor('LinkedIn', { region: 'JP' })!.regionsNote).toMatch(/^US, rest of the world/);
  });

  it('returns undefined for an unknown platform', () => {
    expect(guideFor('nothing-like-it')).toBeUndefined();
  });
});

describe('regions', () => {
  it('knows ISO codes and groups, and nothing else', () => {
    for (const c of ['FR', 'us', 'CH', 'EU', 'EEA', 'UK', 'GB', 'ROW', 'GLOBAL']) expect(isKnownRegion(c), c).toBe(true);
    for (const c of ['XX', 'ZZ', 'EUR', 'Europe', '', 'E1']) expect(isKnownRegion(c), c).toBe(false);
  });

  it('nests countries in EU/EEA and names them per language', () => {
    expect(regionCovers('EU', 'FR')).toBe(true);
    expect(regionCovers('EEA', 'NO')).toBe(true);
    expect(regionCovers('EU', 'NO')).toBe(false);
    expect(regionCovers('EU', 'CH')).toBe(false);
    expect(regionName('CH', 'fr')).toBe('Suisse');
    expect(regionName('EEA', 'fr')).toBe('EEE');
  });
});
