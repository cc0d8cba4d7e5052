// The index of open deliveries: drains read only what is waiting, stores from
// before the index get indexed once, and a crash between the two writes never
// hides an open delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { openDeliveries, saveDelivery } from '../../src/delivery/records.js';
import type { Delivery } from '../../src/domain.js';

const tmp = mkdtempSync(join(tmpdir(), 'records-'));
let n = 0;
const open = () => Store.open(`sqlite://${join(tmp, `r${++n}.db`)}`);
const d = (id: string, over: Partial<Delivery> = {}): Delivery => ({ id, storyId: id, platform: 'slack', channelId: 'C1', state: 'pending', attempts: 0, updatedAt: 'x', ...over });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('open deliveries', () => {
  it('lists only pending, sending, failed and sent-with-an-edit deliveries', async () => {
    const store = await open();
    try {
      await openDeliveries(store); // index built (empty)
      for (let i = 0; i < 50; i++) await saveDelivery(store, d(`done${i}`, { state: 'sent', messageId: 'm' }));
      await saveDelivery(store, d('p'));
      await saveDelivery(store, d('s', { state: 'sending' }));
      await saveDelivery(store, d('f', { state: 'failed' }));
      await saveDelivery(store, d('e', { state: 'sent', pendingUpdate: true }));
      await saveDelivery(store, d('x', { state: 'dead' }));
      expect((await openDeliveries(store)).map((x) => x.id).sort()).toEqual(['e', 'f', 'p', 's']);
      // Finishing one takes it out of the index.
      await saveDelivery(store, d('p', { state: 'sent', messageId: 'm' }));
      await saveDelivery(store, d('e', { state: 'sent', pendingUpdate: false }));
      expect((await openDeliveries(store)).map((x) => x.id).sort()).toEqual(['f', 's']);
    } finally {
      await store.close();
    }
  });

  it('indexes a store written before the index existed, once', async () => {
    const store = await open();
    try {
      await store.deliveries.set('old-open', d('old-open'));
      await store.deliveries.set('old-done', d('old-done', { state: 'sent' }));
      expect((await openDeliveries(store)).map((x) => x.id)).toEqual(['old-open']);
    } finally {
      await store.close();
    }
  });

  it('an index entry whose record is not written yet (crash, or a write in flight) is kept, not dropped', async () => {
    const store = await open();
    try {
      await openDeliveries(store);
      await store.ns<number>('outbox-open').set('in-flight', 1);
      expect(await openDeliveries(store)).toEqual([]);
      await store.deliveries.set('in-flight', d('in-flight'));
      expect((await openDeliveries(store)).map((x) => x.id)).toEqual(['in-flight']);
    } finally {
      await store.close();
    }
  });
});
