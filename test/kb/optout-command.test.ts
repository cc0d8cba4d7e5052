// /optout as a platform-neutral command, and the CLI that prints it through
// the console renderer.
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guideReply, optout } from '../../commands/optout.js';
import type { CommandContext } from '../../commands/types.js';
import { renderReplyText } from '../../src/adapters/console/render.js';
import { registerOptoutCommand } from '../../src/cli/optout-command.js';

const ctx = (lang?: string): CommandContext =>
  ({ platform: 'console', channelId: 'c', userId: 'u', isChannelManager: false, ...(lang ? { lang } : {}), services: { store: {} as never, now: () => new Date() } }) as CommandContext;

describe('/optout command', () => {
  it('declares platform (autocomplete) and an optional region', () => {
    expect(optout.definition.name).toBe('optout');
    expect(optout.definition.options.map((o) => [o.name, o.type, !!o.required, !!o.autocomplete])).toEqual([
      ['platform', 'string', true, true],
      ['region', 'string', false, false],
    ]);
  });

  it('returns the guide with steps, links and dates', async () => {
    const r = await optout.handle({ platform: 'linkedin' }, ctx());
    expect(r.error).toBeFalsy();
    const text = renderReplyText(r);
    expect(text).toContain('Opt out of AI training: LinkedIn');
    expect(text).toContain('1. Click your profile photo (Me) → Settings & Privacy');
    expect(text).toContain('Turn off “Use my data for training content creation AI models”');
    expect(text).toContain('https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
    expect(text).toMatch(/last verified \d{1,2} \w+ \d{4}/);
    expect(r.fallback).toMatch(/^Opt out of AI training: LinkedIn: /);
  });

  it('uses the caller’s language and the region', async () => {
    const r = await optout.handle({ platform: 'Meta (Facebook)', region: 'fr' }, ctx('fr'));
    const text = renderReplyText(r);
    expect(text).toContain("Refuser l'entraînement de l'IA : Meta (Facebook)");
    expect(text).toContain('Région: France');
    expect(text).toContain('Paramètres et confidentialité → Centre de confidentialité');
  });

  it('accepts "platform REGION" typed in one field (Slack text form)', async () => {
    const r = await optout.handle({ platform: 'instagram US' }, ctx());
    expect(renderReplyText(r)).toContain('Region: US');
  });

  it('answers an unknown platform with an error and the closest matches', async () => {
    const r = await optout.handle({ platform: 'linkdin' }, ctx());
    expect(r.error).toBe(true);
    expect(renderReplyText(r)).toContain('Unknown platform "linkdin". Did you mean: LinkedIn?');
  });

  it('rejects an unknown region code', async () => {
    const r = await optout.handle({ platform: 'linkedin', region: 'Narnia' }, ctx());
    expect(r.error).toBe(true);
  });

  it('serves the website-owner guide with robots.txt blocks', () => {
    const text = renderReplyText(guideReply('website'));
    expect(text).toContain('User-agent: GPTBot\nDisallow: /');
    expect(text).toContain('Google-Extended');
    expect(text).toContain('Bytespider');
  });

  it('autocompletes platform names', async () => {
    const linked = await optout.autocomplete!('platform', 'link', ctx());
    expect(linked[0]).toEqual({ name: 'LinkedIn', value: 'linkedin' });
    const insta = await optout.autocomplete!('platform', 'insta', ctx());
    expect(insta.map((c) => c.value)).toContain('meta-instagram');
    const all = await optout.autocomplete!('platform', '', ctx());
    expect(all.length).toBeLessThanOrEqual(25);
    expect(await optout.autocomplete!('region', 'f', ctx())).toEqual([]);
  });
});

describe('optout CLI', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  async function run(...args: string[]): Promise<{ out: string; err: string; code: number | string | undefined }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const program = new Command('optout-radar').exitOverride();
    registerOptoutCommand(program);
    await program.parseAsync(['optout', ...args], { from: 'user' });
    const code = process.exitCode;
    vi.restoreAllMocks();
    return { out, err, code };
  }

  it('prints the guide exactly as the bot would post it', async () => {
    const { out, code } = await run('linkedin', '--region', 'FR', '--lang', 'fr');
    expect(code).toBeFalsy();
    expect(out).toBe(`${renderReplyText(guideReply('linkedin', { region: 'FR', lang: 'fr' }))}\n`);
    expect(out).toContain('Désactivez « Utiliser mes données pour entraîner des modèles');
  });

  it('accepts multi-word names', async () => {
    const { out } = await run('Meta', '(Instagram)');
    expect(out).toContain('Opt out of AI training: Meta (Instagram)');
  });

  it('puts closest matches on stderr and exits 1 for an unknown name', async () => {
    const { out, err, code } = await run('linkdin');
    expect(out).toBe('');
    expect(err).toContain('Did you mean: LinkedIn?');
    expect(code).toBe(1);
  });
});
