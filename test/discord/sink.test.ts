// The Discord sink against the fake: Discord's answers mapped onto the
// delivery port's kinds, 429s waited out and retried by discord.js REST,
// webhook-only set-ups, and which runtime the configuration selects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryError } from '../../src/delivery/port.js';
import { createRest } from '../../src/adapters/discord/rest.js';
import { DiscordSink } from '../../src/adapters/discord/sink.js';
import { buildDiscordRuntime, createDiscordRuntime } from '../../src/adapters/discord/index.js';
import { loadConfig } from '../../src/config/load.js';
import { Store } from '../../src/store/store.js';
import { labelsFor } from '../../src/compose/labels/index.js';
import type { Alert } from '../../src/domain.js';
import { startFakeDiscord, type FakeDiscord, APP_ID } from './fake-discord.js';
import { makeKeys } from './interactions.js';

const CH = '820000000000000001';
const HOOK = `https://discord.com/api/webhooks/920000000000000001/${'k'.repeat(68)}`;
let fake: FakeDiscord;
let sink: DiscordSink;
const tmp = mkdtempSync(join(tmpdir(), 'discord-sink-'));

function sampleAlert(storyId = 'abc123'): Alert {
  const { labels } = labelsFor('en');
  return {
    storyId,
    lang: 'en',
    headline: 'A platform will train AI on posts @everyone',
    summary: ['It starts next month.'],
    affected: ['Everyone with an account'],
    guides: [],
    articleSteps: [],
    sources: [{ name: 'Outlet', title: 'Story', link: 'https://example.com/story' }],
    footer: { score: 0.8, storyId, why: `Ask why: /radar why ${storyId}` },
    labels,
  };
}

const kindOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return (err as DeliveryError).kind;
  }
};

beforeAll(async () => {
  fake = await startFakeDiscord();
  sink = new DiscordSink({ rest: createRest({ DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: 'sink-token-123456' }), channels: [CH, HOOK, 'not-a-channel'], webhookRest: { api: fake.apiUrl } });
});

afterAll(async () => {
  await sink?.close();
  await fake?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('DiscordSink', () => {
  it('lists channel ids and webhooks by id only (the token stays out of the store and logs)', () => {
    expect(sink.alertChannels()).toEqual([CH, 'webhook:920000000000000001']);
  });

  it('maps Discord errors onto retry / channel / payload', async () => {
    const cases: [number, number, string][] = [
      [403, 50013, 'channel'], // Missing Permissions
      [403, 50001, 'channel'], // Missing Access
      [404, 10003, 'channel'], // Unknown Channel
      [400, 50035, 'payload'], // Invalid Form Body
    ];
    for (const [status, code, kind] of cases) {
      fake.failNext('POST', `/channels/${CH}/messages`, { status, body: { message: `error ${code}`, code } });
      expect(await kindOf(sink.post(CH, sampleAlert())), `${status}/${code}`).toBe(kind);
    }
    // 5xx: discord.js retries 3 times; a fourth failure is a retry for the outbox.
    for (let i = 0; i < 4; i++) fake.failNext('POST', `/channels/${CH}/messages`, { status: 502, body: { message: 'bad gateway', code: 0 } });
    expect(await kindOf(sink.post(CH, sampleAlert()))).toBe('retry');
    fake.failNext('PATCH', `/channels/${CH}/messages/`, { status: 404, body: { message: 'Unknown Message', code: 10008 } });
    expect(await kindOf(sink.update(CH, '123456789012345678', sampleAlert()))).toBe('channel');
    fake.failNext('POST', '/webhooks/920000000000000001/', { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    expect(await kindOf(sink.post('webhook:920000000000000001', sampleAlert()))).toBe('channel');
  });

  it('a refused token (401) pauses the channel, also for the requests after it', async () => {
    const own = new DiscordSink({ rest: createRest({ DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: 'revoked-token-123' }), channels: [CH], webhookRest: {} });
    fake.failNext('POST', `/channels/${CH}/messages`, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    expect(await kindOf(own.post(CH, sampleAlert()))).toBe('channel');
    expect(await kindOf(own.post(CH, sampleAlert()))).toBe('channel');
  });

  it('waits out a 429 (Retry-After) and then posts once', async () => {
    const before = fake.messages.get(CH)?.length ?? 0;
    fake.failNext('POST', `/channels/${CH}/messages`, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: { 'retry-after': '0', 'x-ratelimit-scope': 'user' },
    });
    const res = await sink.post(CH, sampleAlert('rl1'));
    expect(res.messageId).toMatch(/^\d+$/);
    expect(fake.messages.get(CH)!.length).toBe(before + 1);
    const attempts = fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${CH}/messages` && c.body?.embeds?.[0]?.footer?.text?.includes('rl1'));
    expect(attempts).toHaveLength(2);
  });

  it('hands a long rate-limit wait back to the outbox as a retry with its delay', async () => {
    const started = Date.now();
    fake.failNext('POST', `/channels/${CH}/messages`, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 120, global: false },
      headers: { 'retry-after': '120', 'x-ratelimit-scope': 'user' },
    });
    try {
      await sink.post(CH, sampleAlert('slow'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DeliveryError);
      expect((err as DeliveryError).kind).toBe('retry');
      expect((err as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(100_000);
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('respects a drained rate-limit bucket: the next post waits for its reset', async () => {
    const ch = '820000000000000002';
    const own = new DiscordSink({ rest: createRest({ DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: 'bucket-token-123' }), channels: [ch], webhookRest: {} });
    fake.failNext('POST', `/channels/${ch}/messages`, {
      status: 200,
      body: { id: '830000000000000001', channel_id: ch, embeds: [] },
      headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.4', 'x-ratelimit-scope': 'user' },
    });
    await own.post(ch, sampleAlert('b1'));
    const first = Date.now();
    await own.post(ch, sampleAlert('b2'));
    expect(Date.now() - first).toBeGreaterThanOrEqual(350);
  });

  it('a network failure is a retry', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const dead = new DiscordSink({ rest: createRest({ DISCORD_API_URL: `http://127.0.0.1:${port}/api`, DISCORD_TOKEN: 'x-token-123456' }, { retries: 0 }), channels: [CH], webhookRest: {} });
    expect(await kindOf(dead.post(CH, sampleAlert()))).toBe('retry');
  });

  it('posts and edits through a webhook with ?wait=true; cannot look back there', async () => {
    const { messageId } = await sink.post('webhook:920000000000000001', sampleAlert('wh1'));
    const post = fake.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/webhooks/920000000000000001/')).at(-1)!;
    expect(post.query.get('wait')).toBe('true');
    expect(post.query.get('with_components')).toBe('true');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(post.body.embeds[0].title).not.toMatch(/@everyone/);
    await sink.update('webhook:920000000000000001', messageId, sampleAlert('wh1'));
    const edit = fake.calls.at(-1)!;
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(`/webhooks/920000000000000001/${'k'.repeat(68)}/messages/${messageId}`);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(await sink.findMessage('webhook:920000000000000001', 'wh1')).toBeUndefined();
  });

  it('finds only its own message for a story, by the id in the footer', async () => {
    const { messageId } = await sink.post(CH, sampleAlert('find-me'));
    expect(await sink.findMessage(CH, 'find-me')).toBe(messageId);
    expect(await sink.findMessage(CH, 'find')).toBeUndefined();
  });

  it('posts a notice as plain content without pings', async () => {
    await sink.notice(CH, 'alerts paused @everyone <@123456789012345678>');
    const c = fake.calls.at(-1)!;
    expect(c.body.content).not.toMatch(/@everyone|<@\d/);
    expect(c.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('createDiscordRuntime', () => {
  const env = (extra: Record<string, string>) => loadConfig({ STORE_URL: `sqlite://${join(tmp, 'r.db')}`, LOG_LEVEL: 'silent', DISCORD_API_URL: fake.apiUrl, ...extra }, '');

  it('is undefined when nothing Discord is configured', async () => {
    const store = await Store.open(`sqlite://${join(tmp, 'r.db')}`);
    try {
      expect(await createDiscordRuntime(env({}), { store, sources: [] })).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('webhooks alone need no bot token and start no gateway', async () => {
    const store = await Store.open(`sqlite://${join(tmp, 'r.db')}`);
    try {
      const rt = (await buildDiscordRuntime(env({ DISCORD_ALERT_CHANNELS: HOOK }), { store }))!;
      expect(rt.mode).toBe('alerts-only');
      expect(rt.routes).toEqual([]);
      expect(rt.sink.alertChannels()).toEqual(['webhook:920000000000000001']);
      await rt.sink.post('webhook:920000000000000001', sampleAlert('only-hook'));
      expect(fake.calls.at(-1)!.auth).toBeUndefined();
      await rt.stop?.();
    } finally {
      await store.close();
    }
  });

  it('a public key selects HTTP interactions; a token alone selects the gateway', async () => {
    const store = await Store.open(`sqlite://${join(tmp, 'r.db')}`);
    try {
      const http = (await buildDiscordRuntime(env({ DISCORD_TOKEN: 't-123456', DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: makeKeys().publicHex }), { store }))!;
      expect(http.mode).toBe('http');
      expect(http.routes).toHaveLength(1);
      const gw = (await buildDiscordRuntime(env({ DISCORD_TOKEN: 't-123456', DISCORD_APPLICATION_ID: APP_ID }), { store }))!;
      expect(gw.mode).toBe('gateway');
      expect(gw.routes).toEqual([]);
      await gw.stop?.();
      await http.stop?.();
    } finally {
      await store.close();
    }
  });
});
