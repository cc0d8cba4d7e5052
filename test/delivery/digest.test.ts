import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { Outbox } from '../../src/delivery/outbox.js';
import { DigestRunner, localClock } from '../../src/delivery/digest.js';
import { ChatFake, HttpChatSink } from '../helpers/chat-fake.js';
import { simpleCompose, story } from '../helpers/stories.js';

const tmp = mkdtempSync(join(tmpdir(), 'digest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let store: Store;
let fake: ChatFake;
let n = 0;
beforeEach(async () => {
  store = await Store.open(`sqlite://${join(tmp, `d${++n}.db`)}`);
  fake = await new ChatFake().start();
});
afterEach(async () => {
  await store.close();
  await fake.close();
});

describe('daily digests', () => {
  it('posts one message per channel at its local time with the day’s stories, none when there are none', async () => {
    let now = new Date('2026-03-10T07:30:00Z'); // 08:30 in Paris
    const sinks = [new HttpChatSink(fake.url, [], 'slack')];
    await store.subscriptions.set('slack:DIG', { platform: 'slack', channelId: 'DIG', filters: { mode: 'digest', digestTime: '09:00', timeZone: 'Europe/Paris' }, createdAt: 'x' });
    await store.subscriptions.set('slack:RT', { platform: 'slack', channelId: 'RT', filters: {}, createdAt: 'x' });
    const box = new Outbox({ store, sinks, compose: simpleCompose, threshold: 0.5, defaultLang: 'en', now: () => now });
    const digests = new DigestRunner({ store, sinks, compose: simpleCompose, defaultLang: 'en', now: () => now });
    for (const s of [story('d1', 1), story('d2', 2)]) {
      await store.stories.set(s.id, s);
      await box.enqueue(s);
    }
    await box.drain();
    // Realtime channel got both now; the digest channel nothing yet.
    expect(fake.inChannel('RT')).toHaveLength(2);
    expect(fake.inChannel('DIG')).toHaveLength(0);
    expect(await digests.tick()).toBe(0);
    now = new Date('2026-03-10T08:00:00Z'); // 09:00 in Paris
    expect(localClock(now, 'Europe/Paris')).toEqual({ date: '2026-03-10', time: '09:00' });
    expect(await digests.tick()).toBe(1);
    expect(fake.inChannel('DIG')).toHaveLength(1);
    expect(fake.inChannel('DIG')[0]!.storyId).toBe('digest-2026-03-10');
    expect(fake.inChannel('DIG')[0]!.sources).toBe(2);
    // Later the same day: nothing more.
    now = new Date('2026-03-10T15:00:00Z');
    expect(await digests.tick()).toBe(0);
    // Next day, no new stories: no message.
    now = new Date('2026-03-11T08:05:00Z');
    expect(await digests.tick()).toBe(0);
    expect(fake.inChannel('DIG')).toHaveLength(1);
    expect((await store.deliveries.get('slack:DIG:d1'))?.state).toBe('sent');
  });

  it('after a crash between posting and recording, the digest is found, not posted again', async () => {
    const now = new Date('2026-03-10T10:00:00Z');
    const sinks = [new HttpChatSink(fake.url, [], 'slack')];
    await store.subscriptions.set('slack:DIG', { platform: 'slack', channelId: 'DIG', filters: { mode: 'digest', digestTime: '09:00', timeZone: 'UTC' }, createdAt: 'x' });
    const box = new Outbox({ store, sinks, compose: simpleCompose, threshold: 0.5, defaultLang: 'en', now: () => now });
    const s = story('c1', 1);
    await store.stories.set(s.id, s);
    await box.enqueue(s);
    // The state a crash leaves: marked as sending, and the platform has the message.
    await store.meta.set('digest:slack:DIG', { date: '2026-03-10', state: 'sending', deliveryIds: ['slack:DIG:c1'] });
    await sinks[0]!.post('DIG', { ...simpleCompose(s, 'en'), storyId: 'digest-2026-03-10' });
    const digests = new DigestRunner({ store, sinks, compose: simpleCompose, defaultLang: 'en', now: () => now });
    await digests.tick();
    expect(fake.inChannel('DIG')).toHaveLength(1);
    expect((await store.deliveries.get('slack:DIG:c1'))?.state).toBe('sent');
  });
});
