// The replay guard on its own: a signature is a replay while remembered (the
// whole window its timestamp is valid), forgotten after; shared through the
// store between replicas; a store that fails does not refuse genuine requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayGuard, REPLAY_WINDOW_MS } from '../../src/http/replay.js';
import { Store, type Namespace } from '../../src/store/store.js';

let store: Store;
beforeAll(async () => {
  store = await Store.open('sqlite::memory:');
});
afterAll(async () => {
  await store.close();
});

describe('ReplayGuard', () => {
  it('remembers for the whole validity window (10 minutes: ±5 minutes of skew), then forgets', async () => {
    let now = 1_000_000;
    const g = new ReplayGuard({ now: () => now });
    expect(REPLAY_WINDOW_MS).toBe(10 * 60_000);
    expect(await g.isReplay('sig-a')).toBe(false);
    expect(await g.isReplay('sig-a')).toBe(true);
    expect(await g.isReplay('sig-b')).toBe(false);
    now += REPLAY_WINDOW_MS - 1;
    expect(await g.isReplay('sig-a')).toBe(true);
    now += 2;
    expect(await g.isReplay('sig-a')).toBe(false);
  });

  it('bounds its memory', async () => {
    const g = new ReplayGuard({ maxEntries: 100 });
    for (let i = 0; i < 1_000; i++) await g.isReplay(`s${i}`);
    expect(await g.isReplay('s999')).toBe(true);
    expect(await g.isReplay('s0')).toBe(false);
  });

  it('two replicas sharing a store refuse each other\'s replays', async () => {
    const ns = store.ns<number>('replay');
    const a = new ReplayGuard({ store: ns });
    const b = new ReplayGuard({ store: ns });
    expect(await a.isReplay('shared-1')).toBe(false);
    expect(await b.isReplay('shared-1')).toBe(true);
    expect(await b.isReplay('shared-2')).toBe(false);
    expect(await a.isReplay('shared-2')).toBe(true);
  });

  it('a failing store falls back to memory: genuine requests pass, replays to this process are still refused', async () => {
    const broken = { has: () => Promise.reject(new Error('down')), set: () => Promise.reject(new Error('down')) } as unknown as Namespace<number>;
    const g = new ReplayGuard({ store: broken });
    expect(await g.isReplay('x')).toBe(false);
    expect(await g.isReplay('x')).toBe(true);
  });
});

describe('ReplayGuard on the store’s atomic locks', () => {
  it('the same replay reaching several replicas at the same instant is accepted exactly once', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'replay-atomic-'));
    const url = process.env.REDIS_URL ?? `sqlite://${join(dir, 'r.db')}`;
    const stores = await Promise.all([1, 2, 3, 4].map(() => Store.open(url, { prefix: `replay${process.pid}_` })));
    try {
      for (let round = 0; round < 20; round++) {
        const guards = stores.map((s) => new ReplayGuard({ locks: s.locks }));
        const key = `sig-${Date.now()}-${round}`;
        const verdicts = await Promise.all(guards.map((g) => g.isReplay(key)));
        expect(verdicts.filter((replay) => !replay)).toHaveLength(1);
      }
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
