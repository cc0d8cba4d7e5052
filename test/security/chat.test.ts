// Chat-side attacks on the real bot (createBot with the Slack and Discord
// runtimes, the real HTTP server) against local fakes of both platforms:
// hostile feed text ends inert in the posted alerts; 10,000 hostile slash
// commands through the SIGNED endpoints always get a 2xx and change nothing;
// non-managers cannot subscribe or unsubscribe; missing, wrong, stale and
// replayed signatures are refused (a Slack retry of an accepted request is
// acknowledged without running it again), also across replicas sharing a store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, runtimeFactories, type Bot, type RuntimeFactory } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { startHttp } from '../../src/http/server.js';
import { buildSlackRuntime } from '../../src/adapters/slack/index.js';
import { buildDiscordRuntime, createDiscordRuntime } from '../../src/adapters/discord/index.js';
import { FakeSlack } from '../slack/helpers/fake-slack.js';
import { slackSignature, slashCommand } from '../slack/helpers/sign.js';
import { activeSequences, mrkdwnStrings } from '../slack/helpers/check-blocks.js';
import { startFakeDiscord, APP_ID, type FakeDiscord } from '../discord/fake-discord.js';
import { autocomplete, makeKeys, signedHeaders, slash, type Keys } from '../discord/interactions.js';
import { messageOf, messageProblems } from '../discord/check.js';
import { hostileString, rng, HOSTILE } from '../helpers/random.js';
import { serve, type TestServer } from '../ingest/servers.js';

const SECRET = 'chat-signing-secret-5c1e9a';
const SLACK_CHANNEL = 'C0ALERTS';
const DISCORD_CHANNEL = '800000000000000011';
const tmp = mkdtempSync(join(tmpdir(), 'sec-chat-'));

let slack: FakeSlack;
let discord: FakeDiscord;
let keys: Keys;
let feed: TestServer;
let config: Config;
let bot: Bot;
let http: Awaited<ReturnType<typeof startHttp>>;
let replica: Awaited<ReturnType<typeof startHttp>>;
let base: string;
let replicaBase: string;
const saved: RuntimeFactory[] = [];

const HOSTILE_TITLE = 'LinkedIn will train AI on members\u2019 posts <!channel> @everyone <@U0123ABC> <#C0123> <http://evil.example|click here> [click](http://evil.example) **bold** <@&123456789012345678> <@123456789012345678>';
const HOSTILE_DESC = 'LinkedIn said it will use member data and posts to train generative AI models; members can opt out in Settings. @here <!here> <!subteam^S123> ||spoiler|| `code` > quote <script>alert(1)</script>';

beforeAll(async () => {
  slack = await new FakeSlack().start();
  slack.users.set('U0ADMIN', { is_admin: true });
  discord = await startFakeDiscord();
  keys = makeKeys();
  const now = new Date().toUTCString();
  feed = await serve((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Evil &lt;!channel&gt; News</title><item><title>${HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title><link>https://news.example/linkedin-ai</link><guid>h1</guid><pubDate>${now}</pubDate><description>${HOSTILE_DESC.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</description></item></channel></rss>`),
  );
  config = loadConfig(
    {
      STORE_URL: `sqlite://${join(tmp, 'store.db')}`,
      LOG_LEVEL: 'silent',
      FETCH_ARTICLES: 'false',
      SLACK_BOT_TOKEN: 'xoxb-chat-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_ALERT_CHANNELS: SLACK_CHANNEL,
      DISCORD_TOKEN: 'fake-bot-token-0123456789',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_ALERT_CHANNELS: DISCORD_CHANNEL,
    },
    '',
  );
  saved.push(...runtimeFactories.splice(0));
  runtimeFactories.push((c, d) => buildSlackRuntime(c, d, { sink: { paceMs: 0 }, retryConfig: { retries: 0 }, sources: d.sources }), createDiscordRuntime);
  bot = await createBot(config, { sources: [{ id: 'evil', name: 'Evil <!channel> @everyone News', url: `${feed.url}/f.xml`, type: 'feed', kind: 'news', lang: 'en', enabled: true }] });
  http = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: bot.runtimes.flatMap((r) => r.routes ?? []) });
  base = `http://127.0.0.1:${http.port}`;
  // A second replica: its own runtimes (own in-memory replay memory), the same store.
  const s2 = await buildSlackRuntime(config, { store: bot.store }, { retryConfig: { retries: 0 } });
  const d2 = await buildDiscordRuntime(config, { store: bot.store });
  replica = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: [...(s2!.routes ?? []), ...(d2!.routes ?? [])] });
  replicaBase = `http://127.0.0.1:${replica.port}`;
}, 60_000);

afterAll(async () => {
  await replica?.close();
  await http?.close();
  await bot?.close();
  runtimeFactories.splice(0, runtimeFactories.length, ...saved);
  await slack?.close();
  await discord?.close();
  await feed?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// --- request builders ---------------------------------------------------------

interface Raw {
  body: string;
  headers: Record<string, string>;
}

function slackRequest(fields: Record<string, string>, opts: { secret?: string; ageSeconds?: number } = {}): Raw {
  const body = new URLSearchParams(fields).toString();
  const ts = String(Math.floor(Date.now() / 1000) - (opts.ageSeconds ?? 0));
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(opts.secret ?? SECRET, ts, body) } };
}

function discordRequest(interaction: unknown, opts: { ageSeconds?: number } = {}): Raw {
  const body = JSON.stringify(interaction);
  return { body, headers: signedHeaders(body, keys.privateKey, String(Math.floor(Date.now() / 1000) - (opts.ageSeconds ?? 0))) };
}

async function send(url: string, r: Raw, extra: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { ...r.headers, ...extra }, body: r.body });
  return { status: res.status, text: await res.text() };
}

async function snapshot(): Promise<string> {
  return JSON.stringify([
    (await bot.store.subscriptions.values()).length,
    await bot.store.subscriptions.values(),
    await bot.store.deliveries.values(),
    (await bot.store.stories.values()).length,
    await bot.store.sources.values(),
  ]);
}

// --- tests --------------------------------------------------------------------

describe('hostile feed text in posted alerts', () => {
  it('mentions, links and markup from the feed end inert on Slack and on Discord (real sinks, local fakes)', async () => {
    const report = await bot.cycle();
    expect(report.relevant).toBe(1);
    const posts = slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    const msg = posts[0]!.args as { text?: string; blocks?: unknown[] };
    const strings = mrkdwnStrings(msg);
    const hosts = new Set<string>();
    for (const s of strings) for (const m of s.matchAll(/<https?:\/\/([^/|>:]+)/g)) hosts.add(m[1]!);
    hosts.delete('evil.example');
    for (const s of strings) expect(activeSequences(s, hosts), s.slice(0, 200)).toEqual([]);
    const all = JSON.stringify(msg);
    expect(all).not.toMatch(/<!channel>|<!here>|<@U0123ABC>|<#C0123>|<http:\/\/evil\.example/);
    expect(msg.text ?? '').toMatch(/LinkedIn/);

    const dposts = discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${DISCORD_CHANNEL}/messages`);
    expect(dposts).toHaveLength(1);
    for (const c of discord.calls) {
      const m = messageOf(c);
      if (m !== undefined) expect(messageProblems(m)).toEqual([]);
    }
  });
});

const SUBS = ['', 'latest', 'search', 'why', 'subscribe', 'unsubscribe', 'subscriptions', 'sources', 'status', 'help', 'LATEST', 'nope'];
const DISCORD_SUBS = ['latest', 'search', 'why', 'subscribe', 'unsubscribe', 'subscriptions', 'sources', 'status', 'help', 'nope'];
const OPTION_NAMES = ['n', 'words', 'story', 'platform', 'region', 'regions', 'min', 'tz', 'at', 'mode', 'grey', 'lang', 'languages', 'platforms', 'x'];

function hostileValue(r: () => number): unknown {
  const p = r();
  if (p < 0.6) return hostileString(r, 200);
  if (p < 0.7) return Math.floor(r() * 2e12) - 1e12;
  if (p < 0.75) return r() < 0.5 ? 1e308 : -0.0000001;
  if (p < 0.8) return r() < 0.5;
  if (p < 0.85) return null;
  if (p < 0.9) return HOSTILE[Math.floor(r() * HOSTILE.length)];
  return { nested: hostileString(r, 20) };
}

async function pool<T>(n: number, width: number, job: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await job(next++);
  }));
}

describe('slash commands fuzzed through the signed endpoints', () => {
  const N = 5_000; // per platform: 10,000 in all
  it(`Slack /slack/events: ${N} hostile commands from a non-manager → 2xx every time, nothing stored`, async () => {
    const seed = 1129;
    const r = rng(seed);
    const cases = Array.from({ length: N }, (_, i) => {
      const command = r() < 0.3 ? '/optout' : '/radar';
      const text = command === '/radar' ? `${SUBS[Math.floor(r() * SUBS.length)]} ${hostileString(r)}` : hostileString(r);
      return slashCommand(command, text, { trigger_id: `fuzz.${i}`, user_id: 'U0USER', channel_id: `C0FUZZ${i % 7}` });
    });
    const before = await snapshot();
    const t0 = performance.now();
    await pool(N, 12, async (i) => {
      const res = await send(`${base}/slack/events`, slackRequest(cases[i]!));
      if (res.status < 200 || res.status > 299) throw new Error(`seed ${seed} case ${i}: HTTP ${res.status} for ${JSON.stringify(cases[i]!.text)}`);
    });
    console.info(`Slack fuzz: ${N} signed commands in ${Math.round(performance.now() - t0)} ms`);
    expect(await snapshot()).toBe(before);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1); // nothing posted by a command
  }, 120_000);

  it(`Discord /discord/interactions: ${N} hostile interactions from a non-manager → 2xx every time, nothing stored`, async () => {
    const seed = 2911;
    const r = rng(seed);
    const types = [3, 4, 5, 10, 3, 3];
    const cases = Array.from({ length: N }, () => {
      const p = r();
      const top = p < 0.2 ? 'optout' : p < 0.85 ? 'radar' : p < 0.95 ? 'radar-admin' : hostileString(r, 40);
      const options = Array.from({ length: Math.floor(r() * 3) }, () => ({ name: OPTION_NAMES[Math.floor(r() * OPTION_NAMES.length)]!, type: types[Math.floor(r() * types.length)]!, value: hostileValue(r) }));
      if (r() < 0.15) return autocomplete(top, OPTION_NAMES[Math.floor(r() * OPTION_NAMES.length)]!, hostileString(r, 120), { sub: DISCORD_SUBS[Math.floor(r() * DISCORD_SUBS.length)]! });
      return top === 'radar' || top === 'radar-admin' ? slash(top, { sub: DISCORD_SUBS[Math.floor(r() * DISCORD_SUBS.length)]!, options }) : slash(top, { options });
    });
    const before = await snapshot();
    const t0 = performance.now();
    await pool(N, 12, async (i) => {
      const res = await send(`${base}/discord/interactions`, discordRequest(cases[i]));
      if (res.status < 200 || res.status > 299) throw new Error(`seed ${seed} case ${i}: HTTP ${res.status} ${res.text.slice(0, 200)} for ${JSON.stringify(cases[i]).slice(0, 400)}`);
      const body = JSON.parse(res.text) as { type: number; data?: { allowed_mentions?: unknown } };
      if (body.type === 4 && JSON.stringify(body.data?.allowed_mentions) !== JSON.stringify({ parse: [] })) throw new Error(`case ${i}: reply allows mentions`);
    });
    console.info(`Discord fuzz: ${N} signed interactions in ${Math.round(performance.now() - t0)} ms`);
    expect(await snapshot()).toBe(before);
  }, 120_000);
});

describe('who may subscribe', () => {
  it('Slack: a non-admin is refused subscribe and unsubscribe; an admin may', async () => {
    const ask = (user: string, text: string) => send(`${base}/slack/events`, slackRequest(slashCommand('/radar', text, { user_id: user, channel_id: 'C0AUTHZ', trigger_id: `${user}.${text}.${Math.random()}` })));
    const no = await ask('U0USER', 'subscribe regions:EU');
    expect(no.status).toBe(200);
    expect(no.text).toMatch(/manager|admin|not allowed|only/i);
    expect(await bot.store.subscriptions.get('slack:C0AUTHZ')).toBeUndefined();
    expect((await ask('U0ADMIN', 'subscribe regions:EU')).status).toBe(200);
    expect(await bot.store.subscriptions.get('slack:C0AUTHZ')).toBeDefined();
    const no2 = await ask('U0USER', 'unsubscribe');
    expect(no2.text).toMatch(/manager|admin|not allowed|only/i);
    expect(await bot.store.subscriptions.get('slack:C0AUTHZ')).toBeDefined();
  });

  it('Discord: a member without Manage Channels is refused subscribe and unsubscribe (even via /radar-admin)', async () => {
    const ch = '800000000000000099';
    for (const top of ['radar', 'radar-admin']) {
      const res = await send(`${base}/discord/interactions`, discordRequest(slash(top, { sub: 'subscribe', channelId: ch, options: [{ name: 'regions', type: 3, value: 'EU' }] })));
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/manag|not allowed|only/i);
      expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeUndefined();
    }
    const ok = await send(`${base}/discord/interactions`, discordRequest(slash('radar-admin', { sub: 'subscribe', channelId: ch, manager: true })));
    expect(ok.status).toBe(200);
    expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeDefined();
    const no = await send(`${base}/discord/interactions`, discordRequest(slash('radar-admin', { sub: 'unsubscribe', channelId: ch })));
    expect(no.text).toMatch(/manag|not allowed|only/i);
    expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeDefined();
  });
});

describe('signatures', () => {
  it('Slack: missing, wrong, stale and future signatures get 401 and run nothing', async () => {
    const fields = slashCommand('/radar', 'subscribe', { user_id: 'U0ADMIN', channel_id: 'C0SIG', trigger_id: 'sig.1' });
    const good = slackRequest(fields);
    const { 'x-slack-signature': _s, ...unsigned } = good.headers;
    expect((await send(`${base}/slack/events`, { body: good.body, headers: unsigned })).status).toBe(401);
    expect((await send(`${base}/slack/events`, slackRequest(fields, { secret: 'not-the-secret' }))).status).toBe(401);
    expect((await send(`${base}/slack/events`, slackRequest(fields, { ageSeconds: 6 * 60 }))).status).toBe(401);
    expect((await send(`${base}/slack/events`, slackRequest(fields, { ageSeconds: -6 * 60 }))).status).toBe(401);
    // A valid signature over a different body.
    expect((await send(`${base}/slack/events`, { body: `${good.body}&x=1`, headers: good.headers })).status).toBe(401);
    expect(await bot.store.subscriptions.get('slack:C0SIG')).toBeUndefined();
  });

  it('Slack: an exact replay is refused (401), also at another replica; Slack\'s own retry is acknowledged (200, empty) and not run again', async () => {
    const req = slackRequest(slashCommand('/radar', 'subscribe', { user_id: 'U0ADMIN', channel_id: 'C0REPLAY', trigger_id: 'replay.1' }));
    expect((await send(`${base}/slack/events`, req)).status).toBe(200);
    expect(await bot.store.subscriptions.get('slack:C0REPLAY')).toBeDefined();
    await bot.store.subscriptions.delete('slack:C0REPLAY');
    const retry = await send(`${base}/slack/events`, req, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry).toEqual({ status: 200, text: '' });
    expect((await send(`${base}/slack/events`, req)).status).toBe(401);
    expect((await send(`${replicaBase}/slack/events`, req)).status).toBe(401);
    expect(await bot.store.subscriptions.get('slack:C0REPLAY')).toBeUndefined();
  });

  it('Discord: missing, malformed, wrong, stale and replayed signatures get 401 and run nothing, also at another replica', async () => {
    const ch = '800000000000000077';
    const interaction = slash('radar-admin', { sub: 'subscribe', channelId: ch, manager: true });
    const good = discordRequest(interaction);
    const url = `${base}/discord/interactions`;
    const { 'x-signature-ed25519': sig, ...unsigned } = good.headers;
    expect((await send(url, { body: good.body, headers: unsigned })).status).toBe(401);
    expect((await send(url, { body: good.body, headers: { ...good.headers, 'x-signature-ed25519': 'zz' } })).status).toBe(401);
    const other = makeKeys();
    expect((await send(url, { body: good.body, headers: signedHeaders(good.body, other.privateKey) })).status).toBe(401);
    expect((await send(url, discordRequest(interaction, { ageSeconds: 6 * 60 }))).status).toBe(401);
    expect((await send(url, { body: good.body.replace('subscribe', 'unsubscribe'), headers: good.headers })).status).toBe(401);
    expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeUndefined();
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    // Accepted once, then every copy is refused, here and at the other replica.
    expect((await send(url, good)).status).toBe(200);
    expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeDefined();
    await bot.store.subscriptions.delete(`discord:${ch}`);
    expect((await send(url, good)).status).toBe(401);
    expect((await send(url, { body: good.body, headers: { ...good.headers, 'x-signature-ed25519': sig!.toUpperCase() } })).status).toBe(401);
    expect((await send(`${replicaBase}/discord/interactions`, good)).status).toBe(401);
    expect(await bot.store.subscriptions.get(`discord:${ch}`)).toBeUndefined();
  });
});
