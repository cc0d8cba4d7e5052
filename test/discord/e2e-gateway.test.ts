// End to end over the gateway: the real discord.js Client finds the fake
// gateway through GET /gateway/bot on DISCORD_API_URL, identifies, gets
// READY, heartbeats, and answers INTERACTION_CREATE on the callback route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, APP_ID, startFakeDiscord } from './fake-discord.js';
import { buildDiscordRuntime } from '../../src/adapters/discord/index.js';
import { loadConfig } from '../../src/config/load.js';
import { autocomplete, slash } from './interactions.js';
import { BOT_TOKEN, expectEveryMessageSafe, pollPostsThenEdits, startWorld, type World } from './setup.js';

let w: World;
let storyId: string;

beforeAll(async () => {
  // No DISCORD_PUBLIC_KEY: the gateway is the way in.
  w = await startWorld({}, { heartbeatMs: 200 });
  await w.runtime.start!();
});

afterAll(async () => {
  await w?.close();
});

/** Dispatches an interaction and waits for the bot's answer on the callback route. */
async function roundTrip(interaction: { id: string; token: string }) {
  w.fake.dispatch('INTERACTION_CREATE', interaction);
  const call = await w.fake.waitForCall((c) => c.method === 'POST' && c.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  return call;
}

describe('Discord over the gateway', () => {
  it('discovers the gateway through REST, identifies with the token, gets READY and heartbeats', async () => {
    expect(w.runtime.mode).toBe('gateway');
    expect(w.runtime.client?.isReady()).toBe(true);
    expect(w.fake.calls.some((c) => c.method === 'GET' && c.path === '/gateway/bot' && c.auth === `Bot ${BOT_TOKEN}`)).toBe(true);
    expect(w.fake.identifies).toHaveLength(1);
    expect(w.fake.identifies[0].token).toBe(BOT_TOKEN);
    expect(w.fake.identifies[0].intents).toBe(0);
    expect(w.runtime.client!.user?.id).toBe(BOT_ID);
    await w.fake.nextHeartbeat(5_000);
    expect(w.fake.heartbeats).toBeGreaterThanOrEqual(1);
  });

  it('a poll posts to each configured channel and a later source edits each message', async () => {
    storyId = await pollPostsThenEdits(w);
  });

  it('/optout platform:linkedin answers with the guide on the callback route', async () => {
    const call = await roundTrip(slash('optout', { options: [{ name: 'platform', type: 3, value: 'linkedin' }] }));
    expect(call.auth).toBeUndefined();
    expect(call.body.type).toBe(4);
    expect(call.body.data.flags).toBe(64);
    expect(call.body.data.embeds[0].title).toMatch(/LinkedIn/);
    expect(call.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocomplete suggests platforms', async () => {
    const call = await roundTrip(autocomplete('optout', 'platform', 'linked'));
    expect(call.body.type).toBe(8);
    expect(call.body.data.choices).toContainEqual({ name: 'LinkedIn', value: 'linkedin' });
  });

  it('/radar latest lists the stories', async () => {
    const call = await roundTrip(slash('radar', { sub: 'latest' }));
    expect(call.body.type).toBe(4);
    expect(JSON.stringify(call.body.data.embeds)).toContain(storyId);
  });

  it('subscribe over the gateway: refused for a member, stored for a channel manager', async () => {
    const opts = (manager: boolean) => ({ sub: 'subscribe', manager, channelId: '800000000000000099', options: [{ name: 'languages', type: 3, value: 'fr' }] });
    const refused = await roundTrip(slash('radar-admin', opts(false)));
    expect(JSON.stringify(refused.body.data)).toMatch(/Only channel managers/);
    const key = 'discord:800000000000000099';
    expect(await w.bot.store.subscriptions.get(key)).toBeUndefined();
    const ok = await roundTrip(slash('radar-admin', opts(true)));
    expect(ok.body.data.flags).toBeUndefined(); // the subscribe confirmation is public
    expect(await w.bot.store.subscriptions.get(key)).toMatchObject({ platform: 'discord', channelId: '800000000000000099', filters: { languages: ['fr'] } });
  });

  it('every message body Discord received has empty allowed mentions and fits the limits', () => {
    expect(expectEveryMessageSafe(w.fake)).toBeGreaterThanOrEqual(10);
  });
});

describe('gateway start-up when Discord misbehaves', () => {
  const configFor = (apiUrl: string) =>
    loadConfig({ STORE_URL: 'sqlite://:memory:', LOG_LEVEL: 'silent', DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: apiUrl }, '');

  it('an outage at start does not stop the bot: it retries and connects later', async () => {
    const fake = await startFakeDiscord();
    // discord.js retries a 5xx three times itself; the fourth failure fails the first login.
    for (let i = 0; i < 4; i++) fake.failNext('GET', '/gateway/bot', { status: 503, body: { message: 'unavailable', code: 0 } });
    const rt = (await buildDiscordRuntime(configFor(fake.apiUrl), { store: w.bot.store, retryBaseMs: 20 }))!;
    try {
      const identified = fake.nextIdentify(10_000);
      await rt.start!(); // resolves: the failure is logged and retried
      await identified;
      expect(fake.calls.filter((c) => c.path === '/gateway/bot').length).toBeGreaterThanOrEqual(5);
      // Connected for real: an interaction is answered.
      const i = slash('radar', { sub: 'help' });
      fake.dispatch('INTERACTION_CREATE', i);
      const answered = await fake.waitForCall((c) => c.path === `/interactions/${i.id}/${i.token}/callback`);
      expect(answered.body.type).toBe(4);
    } finally {
      await rt.stop?.();
      await fake.close();
    }
  });

  it('a refused token stops the gateway start with a clear error', async () => {
    const fake = await startFakeDiscord();
    fake.failNext('GET', '/gateway/bot', { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const rt = (await buildDiscordRuntime(configFor(fake.apiUrl), { store: w.bot.store, retryBaseMs: 20 }))!;
    try {
      await expect(rt.start!()).rejects.toThrow(/refused DISCORD_TOKEN/);
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await rt.stop?.();
      await fake.close();
    }
  });
});
