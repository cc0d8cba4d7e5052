// End to end over HTTP interactions: the bot built by createBot, its
// /discord/interactions route on the real HTTP server, signed requests, and
// a local fake Discord receiving the alerts through discord.js REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp } from '../../src/http/server.js';
import { buildDiscordRuntime } from '../../src/adapters/discord/index.js';
import { APP_ID } from './fake-discord.js';
import { autocomplete, makeKeys, postInteraction, signedHeaders, slash, type Keys } from './interactions.js';
import { CHANNEL_A, expectEveryMessageSafe, pollPostsThenEdits, startWorld, type World } from './setup.js';

let w: World;
let keys: Keys;
let http: Awaited<ReturnType<typeof startHttp>>;
let base: string;
let storyId: string;

const send = (interaction: unknown) => {
  const body = JSON.stringify(interaction);
  return postInteraction(base, body, signedHeaders(body, keys.privateKey));
};

beforeAll(async () => {
  keys = makeKeys();
  w = await startWorld({ DISCORD_PUBLIC_KEY: keys.publicHex });
  http = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: w.runtime.routes });
  base = `http://127.0.0.1:${http.port}`;
});

afterAll(async () => {
  await http?.close();
  await w?.close();
});

describe('Discord over HTTP interactions', () => {
  it('uses HTTP, not the gateway, when DISCORD_PUBLIC_KEY is set', () => {
    expect(w.runtime.mode).toBe('http');
    expect(w.runtime.client).toBeUndefined();
    expect(w.runtime.routes).toHaveLength(1);
  });

  it('a poll posts the alert to each configured channel and webhook; a later source edits each message', async () => {
    storyId = await pollPostsThenEdits(w);
  });

  it('finds the posted message again from the story id (after a crash)', async () => {
    const id = await w.runtime.sink.findMessage(CHANNEL_A, storyId);
    expect(id).toBe(w.fake.messages.get(CHANNEL_A)![0]!.id);
    expect(await w.runtime.sink.findMessage(CHANNEL_A, 'nosuchstory')).toBeUndefined();
    const get = w.fake.calls.find((c) => c.method === 'GET' && c.path === `/channels/${CHANNEL_A}/messages`)!;
    expect(get.query.get('limit')).toBe('50');
  });

  it('/optout platform:linkedin answers with the guide, privately', async () => {
    const res = await send(slash('optout', { options: [{ name: 'platform', type: 3, value: 'linkedin' }] }));
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    expect(res.json.data.flags).toBe(64);
    expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
    const embed = res.json.data.embeds[0];
    expect(embed.title).toMatch(/LinkedIn/);
    expect(embed.description).toMatch(/Data privacy|Generative AI/i);
    expect(res.json.data.components?.[0]?.components?.[0]).toMatchObject({ type: 2, style: 5 });
  });

  it('autocomplete suggests platforms', async () => {
    const res = await send(autocomplete('optout', 'platform', 'link'));
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(8);
    expect(res.json.data.choices).toContainEqual({ name: 'LinkedIn', value: 'linkedin' });
    const empty = await send(autocomplete('optout', 'platform', ''));
    expect(empty.json.data.choices.length).toBeGreaterThan(1);
    expect(empty.json.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('/radar latest lists the stories', async () => {
    const res = await send(slash('radar', { sub: 'latest', options: [{ name: 'n', type: 4, value: 3 }] }));
    expect(res.json.type).toBe(4);
    const text = JSON.stringify(res.json.data.embeds);
    expect(text).toMatch(/LinkedIn/);
    expect(text).toContain(storyId);
  });

  it('/radar sources shows the sources the bot polls', async () => {
    const res = await send(slash('radar', { sub: 'sources' }));
    expect(res.json.type).toBe(4);
    expect(JSON.stringify(res.json.data.embeds)).toMatch(/Démo Actu Tech/);
  });

  it('a bad option value gets a usage message and changes nothing', async () => {
    const res = await send(slash('radar', { sub: 'latest', options: [{ name: 'n', type: 4, value: 99 }] }));
    expect(res.json.type).toBe(4);
    expect(res.json.data.flags).toBe(64);
    expect(JSON.stringify(res.json.data.embeds)).toMatch(/at most 20/);
  });

  it('a slow command is deferred, then its reply is edited into @original', async () => {
    const slow = (await buildDiscordRuntime(w.config, { store: w.bot.store, deferAfterMs: 0 }))!;
    const http2 = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: slow.routes });
    try {
      const interaction = slash('radar', { sub: 'latest' });
      const body = JSON.stringify(interaction);
      const res = await postInteraction(`http://127.0.0.1:${http2.port}`, body, signedHeaders(body, keys.privateKey));
      expect(res.json.type).toBe(5);
      expect(res.json.data.flags).toBe(64);
      const edit = await w.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${interaction.token}/messages/@original`);
      expect(edit.auth).toBeUndefined(); // the interaction token is the credential
      expect(JSON.stringify(edit.body.embeds)).toContain(storyId);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await http2.close();
      await slow.stop?.();
    }
  });

  it('every message body Discord received has empty allowed mentions and fits the limits', () => {
    expect(expectEveryMessageSafe(w.fake)).toBeGreaterThanOrEqual(7);
  });
});
