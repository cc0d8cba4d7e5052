import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, backendOf, sqlitePath } from '../../src/store/store.js';
import { requireOrSkip, storeBackends, uniquePrefix } from '../helpers/env.js';
import type { Delivery, Item } from '../../src/domain.js';

const tmp = mkdtempSync(join(tmpdir(), 'store-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const item = (id: string): Item => ({ id, sourceId: 's1', title: `Title ${id}`, fetchedAt: '2026-01-01T00:00:00.000Z' });

for (const backend of storeBackends(tmp)) {
  const envHint = backend.name === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
  const run = backend.url !== undefined || requireOrSkip(`store suite on ${backend.name}`, false, envHint);
  describe.runIf(run)(`store on ${backend.name}`, () => {
    const prefix = uniquePrefix(backend.name);

    it('keeps records per namespace and lists them', async () => {
      const store = await Store.open(backend.url!, { prefix });
      try {
        await store.items.set('a', item('a'));
        await store.items.set('b', item('b'));
        await store.stories.set('a', { id: 'a' } as never);
        expect(await store.items.get('a')).toEqual(item('a'));
        expect(await store.items.has('c')).toBe(false);
        const ids = (await store.items.values()).map((i) => i.id).sort();
        expect(ids).toEqual(['a', 'b']);
        // A namespace never sees another's keys even when they share a name.
        expect((await store.stories.values()).map((s) => s.id)).toEqual(['a']);
        const keys: string[] = [];
        for await (const [k] of store.items.entries()) keys.push(k);
        expect(keys.sort()).toEqual(['a', 'b']);
      } finally {
        await store.close();
      }
    });

    it('survives a restart (a new connection sees what the old one wrote)', async () => {
      const first = await Store.open(backend.url!, { prefix });
      const d: Delivery = { id: 'slack:C1:s1', storyId: 's1', platform: 'slack', channelId: 'C1', state: 'sent', attempts: 1, messageId: '123.4', updatedAt: new Date(0).toISOString() };
      await first.deliveries.set(d.id, d);
      await first.subscriptions.set('slack:C1', { platform: 'slack', channelId: 'C1', filters: {}, createdAt: 'x' });
      await first.close();
      const second = await Store.open(backend.url!, { prefix });
      try {
        expect(await second.deliveries.get(d.id)).toEqual(d);
        expect((await second.subscriptions.values()).length).toBe(1);
        expect(await second.deliveries.delete(d.id)).toBe(true);
        expect(await second.deliveries.get(d.id)).toBeUndefined();
      } finally {
        await second.items.clear();
        await second.stories.clear();
        await second.subscriptions.clear();
        await second.close();
      }
    });

    it('keeps stores with different prefixes apart', async () => {
      const a = await Store.open(backend.url!, { prefix: uniquePrefix('a') });
      const b = await Store.open(backend.url!, { prefix: uniquePrefix('b') });
      try {
        await a.meta.set('k', 'from-a');
        expect(await b.meta.get('k')).toBeUndefined();
        expect(await a.meta.get('k')).toBe('from-a');
      } finally {
        await a.meta.clear();
        await a.close();
        await b.close();
      }
    });
  });
}

describe('store URLs', () => {
  it('recognises the three schemes and refuses others', () => {
    expect(backendOf('sqlite://./data/x.db')).toBe('sqlite');
    expect(backendOf('redis://127.0.0.1:6379')).toBe('redis');
    expect(backendOf('postgresql://u@h/db')).toBe('postgres');
    expect(() => backendOf('ftp://x')).toThrow(/unsupported STORE_URL scheme: ftp/);
  });

  it('creates the SQLite file and its folder on first use', async () => {
    const url = `sqlite://${join(tmp, 'nested', 'dir', 'radar.db')}`;
    const store = await Store.open(url);
    await store.meta.set('x', 1);
    await store.close();
    expect(existsSync(sqlitePath(url))).toBe(true);
  });

  it('refuses an unreachable Redis with a clear error instead of hanging', async () => {
    await expect(Store.open('redis://127.0.0.1:1', { prefix: 'x', connectTimeoutMs: 1500 })).rejects.toThrow(/cannot reach|ECONNREFUSED/);
  });
});
