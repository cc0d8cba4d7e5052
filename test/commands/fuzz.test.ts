// 10,000+ random and hostile command texts: every one gets a reply, nothing
// throws, and (for a caller who is not a channel manager) nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { runTextCommand } from '../../commands/index.js';
import type { CommandContext } from '../../commands/types.js';
import { hostileString, rng } from '../helpers/random.js';
import { story } from '../helpers/stories.js';

const tmp = mkdtempSync(join(tmpdir(), 'fuzz-'));
let store: Store;
beforeAll(async () => {
  store = await Store.open(`sqlite://${join(tmp, 'f.db')}`);
  await store.stories.set('abc1234', story('abc1234', 1));
});
afterAll(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

const SUBS = ['', 'latest', 'search', 'why', 'subscribe', 'unsubscribe', 'subscriptions', 'sources', 'status', 'help', 'LATEST', 'nope'];

async function snapshot() {
  return JSON.stringify([await store.subscriptions.values(), await store.deliveries.values(), (await store.stories.values()).length, await store.meta.values()]);
}

describe('slash-command fuzzing', () => {
  it('10,000 hostile texts from a non-manager: a reply every time, no crash, nothing stored', async () => {
    const seed = 20261129;
    const r = rng(seed);
    const ctx: CommandContext = { platform: 'slack', channelId: 'C1', userId: 'U1', isChannelManager: false, services: { store, now: () => new Date(), sources: [] } };
    const before = await snapshot();
    for (let i = 0; i < 10_000; i++) {
      const command = r() < 0.3 ? '/optout' : '/radar';
      const text = command === '/radar' ? `${SUBS[Math.floor(r() * SUBS.length)]} ${hostileString(r)}` : hostileString(r);
      const reply = await runTextCommand(command, text, ctx);
      if (!reply || !Array.isArray(reply.blocks) || typeof reply.fallback !== 'string' || reply.fallback.length === 0)
        throw new Error(`no proper reply for seed ${seed} case ${i}: ${JSON.stringify(text)}`);
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('as a manager, hostile subscribe texts are refused with a usage message or stored as clean filters', async () => {
    const r = rng(7);
    const ctx: CommandContext = { platform: 'discord', channelId: 'D9', userId: 'U1', isChannelManager: true, services: { store, now: () => new Date(), sources: [] } };
    for (let i = 0; i < 2_000; i++) {
      const reply = await runTextCommand('/radar', `subscribe ${hostileString(r, 60)}`, ctx);
      expect(reply.fallback.length).toBeGreaterThan(0);
      const sub = await store.subscriptions.get('discord:D9');
      if (sub) {
        const f = sub.filters;
        for (const x of f.regions ?? []) expect(x).toMatch(/^[A-Z]{2,3}$/);
        for (const x of f.languages ?? []) expect(x).toMatch(/^[a-z]{2}$/);
        if (f.minScore !== undefined) expect(f.minScore >= 0 && f.minScore <= 1).toBe(true);
        if (f.digestTime) expect(f.digestTime).toMatch(/^\d\d:\d\d$/);
      }
      await store.subscriptions.delete('discord:D9');
    }
  }, 120_000);
});
