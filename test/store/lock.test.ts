import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { requireOrSkip, storeBackends, uniquePrefix } from '../helpers/env.js';

const tmp = mkdtempSync(join(tmpdir(), 'lock-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

for (const backend of storeBackends(tmp)) {
  const hint = backend.name === 'redis' ? 'REDIS_URL' : 'DATABASE_URL';
  const run = backend.url !== undefined || requireOrSkip(`locks on ${backend.name}`, false, hint);
  describe.runIf(run)(`locks on ${backend.name}`, () => {
    it('one holder at a time across connections; expiry frees it; renew and release work', async () => {
      const prefix = uniquePrefix('lock');
      const a = await Store.open(backend.url!, { prefix });
      const b = await Store.open(backend.url!, { prefix });
      try {
        expect(await a.locks.acquire('poll', 'A', 60_000)).toBe(true);
        expect(await b.locks.acquire('poll', 'B', 60_000)).toBe(false);
        expect(await b.locks.holder('poll')).toBe('A');
        expect(await a.locks.acquire('poll', 'A', 60_000)).toBe(true); // re-entrant
        expect(await a.locks.renew('poll', 'A', 60_000)).toBe(true);
        expect(await b.locks.renew('poll', 'B', 60_000)).toBe(false);
        await b.locks.release('poll', 'B'); // not ours: no effect
        expect(await b.locks.holder('poll')).toBe('A');
        await a.locks.release('poll', 'A');
        expect(await b.locks.acquire('poll', 'B', 50)).toBe(true);
        // B's short lock expires; A can take it without B releasing (crashed holder).
        const deadline = Date.now() + 5_000;
        let got = false;
        while (!got && Date.now() < deadline) got = await a.locks.acquire('poll', 'A', 60_000);
        expect(got).toBe(true);
        expect(await b.locks.renew('poll', 'B', 60_000)).toBe(false);
        await a.locks.release('poll', 'A');
      } finally {
        await a.close();
        await b.close();
      }
    });

    it('only one of many concurrent contenders wins', async () => {
      const prefix = uniquePrefix('race');
      const stores = await Promise.all([1, 2, 3, 4].map(() => Store.open(backend.url!, { prefix })));
      try {
        const wins = await Promise.all(stores.map((s, i) => s.locks.acquire('cycle', `R${i}`, 60_000)));
        expect(wins.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });
}
