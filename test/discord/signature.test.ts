// Signed requests to /discord/interactions: only a valid Ed25519 signature
// over a fresh timestamp gets in; anything else is a 401 and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { Store } from '../../src/store/store.js';
import { startHttp } from '../../src/http/server.js';
import { buildDiscordRuntime, type DiscordRuntime } from '../../src/adapters/discord/index.js';
import { startFakeDiscord, type FakeDiscord, APP_ID } from './fake-discord.js';
import { makeKeys, ping, postInteraction, signedHeaders, slash, type Keys } from './interactions.js';

const tmp = mkdtempSync(join(tmpdir(), 'discord-sig-'));
let fake: FakeDiscord;
let store: Store;
let runtime: DiscordRuntime;
let http: Awaited<ReturnType<typeof startHttp>>;
let keys: Keys;
let base: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  keys = makeKeys();
  const config = loadConfig(
    { STORE_URL: `sqlite://${join(tmp, 's.db')}`, DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' },
    '',
  );
  store = await Store.open(config.STORE_URL);
  runtime = (await buildDiscordRuntime(config, { store }))!;
  http = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: runtime.routes });
  base = `http://127.0.0.1:${http.port}`;
});

afterAll(async () => {
  await http?.close();
  await runtime?.stop?.();
  await store?.close();
  await fake?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const subscribeBody = (manager = true) => JSON.stringify(slash('radar-admin', { sub: 'subscribe', manager, channelId: '800000000000000001', options: [{ name: 'regions', type: 3, value: 'EU' }] }));
const subscriptionCount = async () => (await store.subscriptions.values()).length;

describe('Discord request signatures', () => {
  it('answers a signed PING with PONG', async () => {
    const body = JSON.stringify(ping());
    const res = await postInteraction(base, body, signedHeaders(body, keys.privateKey));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ type: 1 });
  });

  it('refuses a wrong signature, a wrong key and a stale or future timestamp with 401, storing nothing', async () => {
    const body = subscribeBody();
    const good = signedHeaders(body, keys.privateKey);
    const otherKey = makeKeys();
    const flipped = good['x-signature-ed25519']!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const old = String(Math.floor(Date.now() / 1000) - 301);
    const future = String(Math.floor(Date.now() / 1000) + 3600);
    const refused: [string, Record<string, string>, string?][] = [
      ['wrong signature', { ...good, 'x-signature-ed25519': flipped }],
      ['wrong key', signedHeaders(body, otherKey.privateKey)],
      ['stale timestamp', signedHeaders(body, keys.privateKey, old)],
      ['future timestamp', signedHeaders(body, keys.privateKey, future)],
      ['body changed after signing', good, body.replace('EU', 'UK')],
      ['timestamp swapped after signing', { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) - 1) }],
      ['no signature headers', { 'content-type': 'application/json' }],
    ];
    for (const [what, headers, sent] of refused) {
      const res = await postInteraction(base, sent ?? body, headers);
      expect(res.status, what).toBe(401);
      expect(await subscriptionCount(), what).toBe(0);
    }
    // Nothing reached Discord either: no callback, no follow-up.
    expect(fake.calls.filter((c) => c.path.startsWith('/interactions') || c.path.startsWith('/webhooks'))).toHaveLength(0);
  });

  it('runs a validly signed subscribe for a channel manager (and only for one)', async () => {
    const member = subscribeBody(false);
    const refused = await postInteraction(base, member, signedHeaders(member, keys.privateKey));
    expect(refused.status).toBe(200);
    expect(refused.json.type).toBe(4);
    expect(refused.json.data.flags).toBe(64);
    expect(JSON.stringify(refused.json.data.embeds)).toMatch(/Only channel managers/);
    expect(await subscriptionCount()).toBe(0);

    const body = subscribeBody(true);
    const res = await postInteraction(base, body, signedHeaders(body, keys.privateKey));
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
    const subs = await store.subscriptions.values();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ platform: 'discord', channelId: '800000000000000001', filters: { regions: ['EU'] } });
  });

  it('answers a signed body that is not an interaction with 400, not a crash', async () => {
    const body = '{"hello":';
    const res = await postInteraction(base, body, signedHeaders(body, keys.privateKey));
    expect(res.status).toBe(400);
  });

  it('leaves other routes to their own JSON parsing', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });
});
