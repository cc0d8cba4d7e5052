import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { runTextCommand } from '../../commands/index.js';
import { parseText, tokenize, UsageError } from '../../commands/parse.js';
import { latest } from '../../commands/radar/latest.js';
import { search } from '../../commands/radar/search.js';
import type { CommandContext } from '../../commands/types.js';
import { decision, story } from '../helpers/stories.js';

const tmp = mkdtempSync(join(tmpdir(), 'cmd-'));
let store: Store;
let ctx: CommandContext;
beforeAll(async () => {
  store = await Store.open(`sqlite://${join(tmp, 'c.db')}`);
  await store.stories.set('li1', story('li1', 5, { title: 'LinkedIn trains AI on member data', decision: decision({ platforms: ['LinkedIn'] }) }));
  await store.stories.set('me1', story('me1', 9, { title: 'Meta résumé des données', decision: decision({ platforms: ['Meta (Instagram)'] }) }));
  await store.stories.set('no1', story('no1', 7, { title: 'Chip launch', decision: decision({ relevant: false, score: 0.1 }) }));
  ctx = { platform: 'slack', channelId: 'C1', userId: 'U1', isChannelManager: false, services: { store, now: () => new Date('2026-01-02T00:00:00Z'), sources: [] } };
});
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('text parsing', () => {
  it('tokenises quotes and named options', () => {
    expect(tokenize('search "meta ai" “données perso”')).toEqual(['search', 'meta ai', 'données perso']);
    expect(parseText(latest.definition, '3')).toEqual({ n: 3 });
    expect(parseText(latest.definition, 'n:4')).toEqual({ n: 4 });
    expect(parseText(search.definition, 'meta ai training')).toEqual({ words: 'meta ai training' });
  });
  it('says what is wrong and shows the usage', () => {
    expect(() => parseText(latest.definition, 'many')).toThrow(UsageError);
    expect(() => parseText(latest.definition, '50')).toThrow(/at most 20/);
    expect(() => parseText(latest.definition, '3 4')).toThrow(/unexpected "4"/);
    expect(() => parseText(search.definition, '')).toThrow(/words is missing/);
  });
});

describe('commands answered from the store', () => {
  it('/radar latest lists relevant stories, newest first', async () => {
    const r = await runTextCommand('/radar', 'latest', ctx);
    expect(r.fallback.split('\n')).toHaveLength(2);
    expect(r.fallback.split('\n')[0]).toContain('Meta');
    expect(r.fallback).not.toContain('Chip launch');
  });
  it('/radar search folds accents and case', async () => {
    expect((await runTextCommand('/radar', 'search RESUME', ctx)).fallback).toContain('me1');
    expect((await runTextCommand('/radar', 'search nothing-like-this', ctx)).fallback).toMatch(/No story matches/);
  });
  it('/radar why explains, and unknown ids get a clear error', async () => {
    expect((await runTextCommand('/radar', 'why li1', ctx)).fallback).toMatch(/Relevant \(score 0\.90/);
    const bad = await runTextCommand('/radar', 'why zzz', ctx);
    expect(bad.error).toBe(true);
  });
  it('subscribe/unsubscribe: refused for non-managers, stored for managers', async () => {
    const refused = await runTextCommand('/radar', 'subscribe regions:EU', ctx);
    expect(refused.error).toBe(true);
    expect(refused.fallback).toMatch(/Only channel managers/);
    expect(await store.subscriptions.values()).toHaveLength(0);
    const mgr = { ...ctx, isChannelManager: true };
    const ok = await runTextCommand('/radar', 'subscribe regions:eu,uk min:0.7 grey:off mode:digest at:08:30 tz:Europe/Paris lang:fr', mgr);
    expect(ok.error).toBeFalsy();
    expect(ok.ephemeral).toBe(false);
    const sub = await store.subscriptions.get('slack:C1');
    expect(sub?.filters).toEqual({ regions: ['EU', 'UK'], minScore: 0.7, greyZone: false, mode: 'digest', digestTime: '08:30', timeZone: 'Europe/Paris', lang: 'fr' });
    expect((await runTextCommand('/radar', 'subscribe tz:Mars/Base', mgr)).fallback).toMatch(/not a time zone/);
    expect((await runTextCommand('/radar', 'subscriptions', ctx)).fallback).toMatch(/this channel: a daily digest at 08:30/);
    expect((await runTextCommand('/radar', 'unsubscribe', ctx)).error).toBe(true);
    expect((await runTextCommand('/radar', 'unsubscribe', mgr)).fallback).toMatch(/Unsubscribed/);
    expect(await store.subscriptions.values()).toHaveLength(0);
  });
  it('unknown subcommands and help', async () => {
    expect((await runTextCommand('/radar', 'frobnicate', ctx)).fallback).toMatch(/Unknown \/radar command/);
    const help = await runTextCommand('/radar', '', ctx);
    expect(help.fallback).toMatch(/\/optout/);
    expect(help.fallback).toMatch(/\/radar subscribe/);
  });
});

describe('/radar sources and /radar status', () => {
  it('name failing and paused sources with the reason, and count deliveries', async () => {
    const sources = [
      { id: 'ok-src', name: 'Good Feed', url: 'http://a', type: 'feed' as const, kind: 'news' as const, enabled: true },
      { id: 'bad-src', name: 'Broken Feed', url: 'http://b', type: 'feed' as const, kind: 'regulator' as const, jurisdiction: 'FR', enabled: true },
      { id: 'paused-src', name: 'Paused Feed', url: 'http://c', type: 'feed' as const, kind: 'news' as const, enabled: true },
    ];
    await store.sources.set('ok-src', { sourceId: 'ok-src', consecutiveFailures: 0, lastSuccess: '2026-01-01T10:00:00.000Z' });
    await store.sources.set('bad-src', { sourceId: 'bad-src', consecutiveFailures: 2, lastError: 'HTTP 503', nextAttempt: '2026-01-01T11:00:00.000Z' });
    await store.sources.set('paused-src', { sourceId: 'paused-src', consecutiveFailures: 9, paused: true, lastError: 'DNS: ENOTFOUND' });
    await store.deliveries.set('slack:C1:li1', { id: 'slack:C1:li1', storyId: 'li1', platform: 'slack', channelId: 'C1', state: 'dead', attempts: 8, lastError: 'HTTP 503', updatedAt: 'x' });
    const c = { ...ctx, services: { ...ctx.services, sources } };
    const list = await runTextCommand('/radar', 'sources problems', c);
    expect(list.fallback).toMatch(/3 sources: 1 ok, 2 failing or paused/);
    expect(list.fallback).toMatch(/Broken Feed \(regulator, FR\) failing — HTTP 503 \(2 failures/);
    expect(list.fallback).toMatch(/Paused Feed .* paused — DNS: ENOTFOUND/);
    expect(list.fallback).not.toMatch(/Good Feed/);
    const status = await runTextCommand('/radar', 'status', c);
    expect(status.fallback).toMatch(/Sources: 3 enabled, 2 failing or paused/);
    expect(status.fallback).toMatch(/1 dead letters/);
    expect(status.blocks.some((b) => b.type === 'list' && b.items.some((i) => /dead letter: story li1/.test(i)))).toBe(true);
  });
});
