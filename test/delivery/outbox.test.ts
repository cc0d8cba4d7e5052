import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { Outbox, ensureConfiguredSubscriptions } from '../../src/delivery/outbox.js';
import { ChatFake, HttpChatSink } from '../helpers/chat-fake.js';
import { decision, simpleCompose, story } from '../helpers/stories.js';
import type { Story } from '../../src/domain.js';

const tmp = mkdtempSync(join(tmpdir(), 'outbox-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let store: Store;
let slack: ChatFake;
let discord: ChatFake;
let n = 0;

beforeEach(async () => {
  store = await Store.open(`sqlite://${join(tmp, `o${++n}.db`)}`);
  slack = await new ChatFake().start();
  discord = await new ChatFake().start();
});
afterEach(async () => {
  await store.close();
  await slack.close();
  await discord.close();
});

function outbox(sinks = [new HttpChatSink(slack.url, ['C1', 'C2'], 'slack'), new HttpChatSink(discord.url, ['D1'], 'discord')], over = {}) {
  return { sinks, box: new Outbox({ store, sinks, compose: simpleCompose, threshold: 0.5, defaultLang: 'en', backoffBaseMs: 1, backoffMaxMs: 5, ...over }) };
}

async function add(box: Outbox, s: Story) {
  await store.stories.set(s.id, s);
  return box.enqueue(s);
}

/** Drains until nothing is waiting (bounded), as the serve loop's timer would. */
async function drainAll(box: Outbox, rounds = 200) {
  for (let i = 0; i < rounds; i++) {
    await box.drain();
    const paused = new Set((await store.subscriptions.values()).filter((s) => s.paused).map((s) => `${s.platform}:${s.channelId}`));
    const waiting = (await store.deliveries.values()).filter(
      (d) => d.state !== 'sent' && d.state !== 'dead' && d.mode !== 'digest' && !paused.has(`${d.platform}:${d.channelId}`),
    );
    const edits = (await store.deliveries.values()).filter((d) => d.pendingUpdate);
    if (waiting.length === 0 && edits.length === 0) return;
    const next = await box.nextDue();
    if (next && next > Date.now()) await new Promise((r) => setTimeout(r, Math.min(50, next - Date.now())));
  }
  throw new Error('outbox did not settle');
}

describe('outbox', () => {
  it('posts each story once per channel and edits the message when sources are added', async () => {
    const { sinks, box } = outbox();
    await ensureConfiguredSubscriptions(store, sinks, new Date());
    const s = story('aaa', 1);
    expect(await add(box, s)).toBe(3);
    await drainAll(box);
    expect(slack.inChannel('C1')).toHaveLength(1);
    expect(slack.inChannel('C2')).toHaveLength(1);
    expect(discord.inChannel('D1')).toHaveLength(1);
    // The same story again: nothing new.
    expect(await add(box, s)).toBe(0);
    await drainAll(box);
    expect(slack.messages).toHaveLength(2);
    // A second outlet covers it: the existing messages are edited.
    const more = { ...s, sources: [...s.sources, { itemId: 'x', sourceId: 's2', sourceName: 'Outlet two', title: 'Other title' }] };
    await add(box, more);
    await drainAll(box);
    expect(slack.messages).toHaveLength(2);
    expect(slack.messages.every((m) => m.edits === 1 && m.sources === 2)).toBe(true);
    expect(discord.messages[0]!.sources).toBe(2);
  });

  it('503s for a while then recovery: every alert arrives once, in story order per channel', async () => {
    const { sinks, box } = outbox();
    await ensureConfiguredSubscriptions(store, sinks, new Date());
    slack.failNext = { status: 503, count: 7 };
    discord.failNext = { status: 503, count: 5 };
    for (let i = 0; i < 6; i++) await add(box, story(`s${i}`, i));
    await drainAll(box);
    for (const [fake, ch] of [[slack, 'C1'], [slack, 'C2'], [discord, 'D1']] as const) {
      expect(fake.inChannel(ch).map((m) => m.storyId)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    }
  });

  it('a network failure after sending never doubles the post (the message is looked up first)', async () => {
    const sink = new HttpChatSink(slack.url, ['C1'], 'slack');
    let once = true;
    const flaky = Object.assign(Object.create(sink), {
      async post(ch: string, a: never) {
        const r = await sink.post(ch, a);
        if (once) {
          once = false;
          throw new Error('socket hang up'); // accepted by the platform, lost on the way back
        }
        return r;
      },
    });
    const { box } = outbox([flaky]);
    await ensureConfiguredSubscriptions(store, [flaky], new Date());
    await add(box, story('net', 1));
    await drainAll(box);
    expect(slack.inChannel('C1')).toHaveLength(1);
    expect((await store.deliveries.get('slack:C1:net'))?.state).toBe('sent');
  });

  it('403 pauses the subscription (no retry storm), 400 is a dead letter, repeated failures end as dead letters', async () => {
    const { sinks, box } = outbox(undefined, { maxAttempts: 3 });
    await ensureConfiguredSubscriptions(store, sinks, new Date());
    slack.failNext = { status: 403, count: 1 };
    await add(box, story('p1', 1));
    await box.drain();
    await box.drain();
    const paused = (await store.subscriptions.values()).filter((s) => s.paused);
    expect(paused).toHaveLength(1);
    expect(paused[0]!.paused!.reason).toMatch(/cannot post to this channel/);
    const requestsAfterPause = slack.requests;
    await box.drain();
    expect(slack.requests).toBe(requestsAfterPause); // nothing retried while paused

    discord.failNext = { status: 400, count: 1 };
    await add(box, story('p2', 2));
    await drainAll(box);
    expect((await store.deliveries.get('discord:D1:p2'))?.state).toBe('dead');
    expect((await store.deliveries.get('discord:D1:p2'))?.lastError).toMatch(/rejected payload/);

    discord.failNext = { status: 503, count: 100 };
    await add(box, story('p3', 3));
    await drainAll(box);
    const d = await store.deliveries.get('discord:D1:p3');
    expect(d?.state).toBe('dead');
    expect(d?.attempts).toBe(3);
  });

  it('applies channel filters (platforms, regions, languages, score, grey zone)', async () => {
    const sinks = [new HttpChatSink(slack.url, [], 'slack')];
    const { box } = outbox(sinks);
    const sub = (channelId: string, filters: object) => store.subscriptions.set(`slack:${channelId}`, { platform: 'slack', channelId, filters, createdAt: 'x' });
    await sub('ALL', {});
    await sub('META', { platforms: ['meta'] });
    await sub('EU', { regions: ['EU'] });
    await sub('FR', { languages: ['fr'] });
    await sub('HIGH', { minScore: 0.95 });
    await sub('NOGREY', { greyZone: false });
    await add(box, story('meta-eu', 1, { decision: decision({ platforms: ['Meta (Instagram)'], regions: ['EEA'], lang: 'fr', greyZone: true, score: 0.8 }) }));
    await add(box, story('li-us', 2, { decision: decision({ platforms: ['LinkedIn'], regions: ['US'], lang: 'en', score: 0.97 }) }));
    await drainAll(box);
    const got = (ch: string) => slack.inChannel(ch).map((m) => m.storyId);
    expect(got('ALL')).toEqual(['meta-eu', 'li-us']);
    expect(got('META')).toEqual(['meta-eu']);
    expect(got('EU')).toEqual(['meta-eu']);
    expect(got('FR')).toEqual(['meta-eu']);
    expect(got('HIGH')).toEqual(['li-us']);
    expect(got('NOGREY')).toEqual(['li-us']);
  });

  it('only one of two outboxes on the same store drains at a time', async () => {
    const { sinks, box } = outbox();
    const other = new Outbox({ store, sinks, compose: simpleCompose, threshold: 0.5, defaultLang: 'en' });
    await ensureConfiguredSubscriptions(store, sinks, new Date());
    for (let i = 0; i < 5; i++) await add(box, story(`c${i}`, i));
    const [a, b] = await Promise.all([box.drain(), other.drain()]);
    expect([a.skipped, b.skipped].filter(Boolean)).toHaveLength(1);
    await drainAll(box);
    expect(slack.messages).toHaveLength(10);
    expect(new Set(slack.messages.map((m) => `${m.channel}:${m.storyId}`)).size).toBe(10);
  });
});
