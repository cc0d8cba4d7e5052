// End to end, HTTP mode: the real bot (createBot + the Slack runtime + the
// fastify server) against a local fake Slack. Slash commands are signed as
// Slack signs them and go through Bolt; alerts go out through the real
// @slack/web-api client to the fake's chat.postMessage / chat.update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBot, runtimeFactories, type Bot, type RuntimeFactory } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/load.js';
import { startHttp } from '../../src/http/server.js';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import { buildSlackRuntime, type SlackRuntime } from '../../src/adapters/slack/index.js';
import { FakeSlack, type ApiCall } from './helpers/fake-slack.js';
import { postSigned, slackSignature, slashCommand } from './helpers/sign.js';
import { blockProblems } from './helpers/check-blocks.js';
import { demoFeedsDir, feedSource } from './helpers/stories.js';

const SECRET = 'test-signing-secret-0123456789';
const CHANNELS = ['C0ALERTS1', 'C0ALERTS2'];
const here = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'slack-e2e-'));

let fake: FakeSlack;
let feeds: FeedServer;
let moreFeeds: FeedServer;
let config: Config;
let bot: Bot;
let http: Awaited<ReturnType<typeof startHttp>>;
let slow: Awaited<ReturnType<typeof startHttp>>;
let events: string;
let firstCycle: { posted: number; calls: ApiCall[] };
const saved: RuntimeFactory[] = [];

const storyIdOf = (c: ApiCall) => (c.args.metadata as { event_payload?: { story_id?: string } } | undefined)?.event_payload?.story_id;
const text = (v: unknown) => JSON.stringify(v);

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.users.set('U0ADMIN', { is_admin: true });
  feeds = await serveFeeds(demoFeedsDir);
  moreFeeds = await serveFeeds(join(here, 'fixtures'));
  config = loadConfig(
    {
      STORE_URL: `sqlite://${join(tmp, 'store.db')}`,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_ALERT_CHANNELS: CHANNELS.join(','),
      SLACK_ADMIN_USERS: 'U0LISTED',
      LOG_LEVEL: 'silent',
    },
    '',
  );
  // Only our Slack runtime, with short pacing so the cycle is quick (pacing itself is tested in sink.test.ts).
  saved.push(...runtimeFactories.splice(0));
  runtimeFactories.push((c, d) => buildSlackRuntime(c, d, { sink: { paceMs: 20 }, retryConfig: { retries: 0 } }));

  const demo = [
    feedSource('demo-tech-fr', 'Démo Actu Tech', `${feeds.baseUrl}/tech-fr.xml`, 'fr'),
    feedSource('demo-tech-en', 'Demo Tech Daily', `${feeds.baseUrl}/tech-en.xml`, 'en'),
  ];
  // First run: the demo feeds only.
  const first = await createBot(config, { sources: demo });
  try {
    const report = await first.cycle();
    firstCycle = { posted: report.posted, calls: [...fake.calls] };
  } finally {
    await first.close();
  }
  // Restart with a second outlet that covers the French LinkedIn story.
  bot = await createBot(config, { sources: [...demo, feedSource('other-fr', 'Autre Journal Tech', `${moreFeeds.baseUrl}/linkedin-more.xml`, 'fr')] });
  http = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: bot.runtimes.flatMap((r) => r.routes ?? []) });
  events = `http://127.0.0.1:${http.port}/slack/events`;
  // A second server whose runtime answers every command through response_url (the slow path).
  const slowRt = (await buildSlackRuntime(config, { store: bot.store }, { ackBudgetMs: 0, retryConfig: { retries: 0 } })) as SlackRuntime;
  slow = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: slowRt.routes ?? [] });
});

afterAll(async () => {
  runtimeFactories.splice(0, runtimeFactories.length, ...saved);
  await slow?.close();
  await http?.close();
  await bot?.close();
  await moreFeeds?.close();
  await feeds?.close();
  await fake?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Slack HTTP mode, end to end against a local Slack', () => {
  it('a poll posts each alert to every configured channel as Block Kit, unfurling off', () => {
    const posts = firstCycle.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.length).toBe(firstCycle.posted);
    const linkedin = posts.filter((c) => /LinkedIn/.test(String(c.args.text)) && /entraîné/.test(String(c.args.text)));
    expect(linkedin.map((c) => c.args.channel).sort()).toEqual(CHANNELS);
    for (const c of posts) {
      expect(c.auth).toBe('Bearer xoxb-test-token');
      expect(c.args.unfurl_links).toBe('false');
      expect(c.args.unfurl_media).toBe('false');
      expect(blockProblems({ text: String(c.args.text), blocks: c.args.blocks as unknown[] })).toEqual([]);
      expect(storyIdOf(c)).toMatch(/^\S+$/);
    }
    // Each story reaches each channel exactly once.
    const pairs = posts.map((c) => `${String(c.args.channel)}:${storyIdOf(c)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('a later source for the same story edits the posted message with chat.update, never a second post', async () => {
    const firstPosts = firstCycle.calls.filter((c) => c.method === 'chat.postMessage' && /entraîné/.test(String(c.args.text)));
    const storyId = storyIdOf(firstPosts[0]!)!;
    fake.reset();
    const report = await bot.cycle();
    expect(report.updated).toBe(CHANNELS.length);
    expect(fake.callsOf('chat.postMessage').filter((c) => storyIdOf(c) === storyId)).toEqual([]);
    const updates = fake.callsOf('chat.update');
    expect(updates.map((u) => u.args.channel).sort()).toEqual(CHANNELS);
    for (const u of updates) {
      const posted = fake.messages.find((m) => m.channel === u.args.channel && m.ts === u.args.ts)!;
      expect(posted.metadata?.event_payload.story_id).toBe(storyId);
      expect(text(u.args.blocks)).toContain('Autre Journal Tech'); // the new outlet is listed under Sources
      expect(text(u.args.blocks)).toContain('Démo Actu Tech');
      expect(blockProblems({ text: String(u.args.text), blocks: u.args.blocks as unknown[] })).toEqual([]);
    }
    // The fake's channels hold one message per story, the edited one.
    for (const ch of CHANNELS) expect(fake.messages.filter((m) => m.channel === ch && m.metadata?.event_payload.story_id === storyId)).toHaveLength(1);
  });

  it('findMessage finds the alert already posted for a story (used after a crash to avoid a double post)', async () => {
    const rt = bot.runtimes[0] as SlackRuntime;
    const msg = fake.messages.find((m) => m.channel === CHANNELS[0])!;
    const storyId = String(msg.metadata?.event_payload.story_id);
    await expect(rt.sink.findMessage(CHANNELS[0]!, storyId)).resolves.toBe(msg.ts);
    await expect(rt.sink.findMessage(CHANNELS[0]!, 'nosuchstory')).resolves.toBeUndefined();
  });

  it('a signed /optout linkedin gets the LinkedIn guide, ephemeral, with a Share button', async () => {
    const res = await postSigned(events, slashCommand('/optout', 'linkedin'), { secret: SECRET });
    expect(res.status).toBe(200);
    const body = res.json!;
    expect(body.response_type).toBe('ephemeral');
    expect(blockProblems(body as { text: string; blocks: unknown[] })).toEqual([]);
    const blocks = text(body.blocks);
    expect(blocks).toContain('LinkedIn');
    expect(blocks).toMatch(/https:\/\/www\.linkedin\.com\/mypreferences\/d\/settings\/data-for-ai-improvement/);
    const last = (body.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[]).at(-1)!;
    expect(last.type).toBe('actions');
    expect(last.elements?.[0]?.action_id).toBe('share_reply');
    expect(JSON.parse(last.elements?.[0]?.value ?? '{}')).toEqual({ c: '/optout', t: 'linkedin' });
  });

  it('a trailing "share" posts the answer in the channel', async () => {
    const res = await postSigned(events, slashCommand('/optout', 'linkedin share'), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.json!.response_type).toBe('in_channel');
    expect(text(res.json!.blocks)).toContain('LinkedIn');
    expect(text(res.json!.blocks)).not.toContain('share_reply');
  });

  it('/radar latest lists the stories', async () => {
    const res = await postSigned(events, slashCommand('/radar', 'latest'), { secret: SECRET });
    expect(res.status).toBe(200);
    const blocks = text(res.json!.blocks);
    expect(blocks).toContain('LinkedIn a entraîné son IA');
    const story = fake.messages[0]!.metadata!.event_payload.story_id as string;
    expect(blocks).toContain(story);
    expect(blockProblems(res.json as { text: string; blocks: unknown[] })).toEqual([]);
  });

  it('bad arguments get a usage message and change nothing', async () => {
    const res = await postSigned(events, slashCommand('/radar', 'latest lots'), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.json!.response_type).toBe('ephemeral');
    expect(text(res.json)).toContain('/radar latest [n]');
    const unknown = await postSigned(events, slashCommand('/radar', 'frobnicate'), { secret: SECRET });
    expect(text(unknown.json)).toMatch(/Unknown \/radar command/);
    const none = await postSigned(events, slashCommand('/optout', ''), { secret: SECRET });
    expect(text(none.json)).toMatch(/optout/);
  });

  it('a bad, missing or stale signature is refused with 401 and changes nothing', async () => {
    const before = { calls: fake.calls.length, subs: (await bot.store.subscriptions.values()).length };
    const forged = await postSigned(events, slashCommand('/radar', 'subscribe', { user_id: 'U0LISTED' }), { secret: SECRET, badSecret: 'not-the-secret' });
    const stale = await postSigned(events, slashCommand('/radar', 'subscribe', { user_id: 'U0LISTED' }), { secret: SECRET, ageSeconds: 6 * 60 });
    const missing = await postSigned(events, slashCommand('/radar', 'subscribe', { user_id: 'U0LISTED' }), { secret: SECRET, omitSignature: true });
    for (const r of [forged, stale, missing]) {
      expect(r.status).toBe(401);
      expect(r.text).toBe('');
    }
    // A body changed after signing is refused too.
    const body = new URLSearchParams(slashCommand('/radar', 'latest')).toString();
    const ts = String(Math.floor(Date.now() / 1000));
    const tampered = await fetch(events, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) },
      body: body.replace('latest', 'subscribe'),
    });
    expect(tampered.status).toBe(401);
    expect(fake.calls.length).toBe(before.calls);
    expect((await bot.store.subscriptions.values()).length).toBe(before.subs);
  });

  it('subscribe is for channel managers: workspace admins (users.info) and SLACK_ADMIN_USERS', async () => {
    const denied = await postSigned(events, slashCommand('/radar', 'subscribe', { user_id: 'U0USER', channel_id: 'C0SUBS' }), { secret: SECRET });
    expect(text(denied.json)).toMatch(/Only channel managers/);
    expect(fake.callsOf('users.info').some((c) => c.args.user === 'U0USER')).toBe(true);
    expect((await bot.store.subscriptions.values()).filter((s) => s.channelId === 'C0SUBS')).toEqual([]);

    const listed = await postSigned(events, slashCommand('/radar', 'subscribe', { user_id: 'U0LISTED', channel_id: 'C0SUBS' }), { secret: SECRET });
    expect(listed.status).toBe(200);
    expect(text(listed.json)).not.toMatch(/Only channel managers/);
    expect((await bot.store.subscriptions.values()).filter((s) => s.channelId === 'C0SUBS')).toHaveLength(1);

    const admin = await postSigned(events, slashCommand('/radar', 'unsubscribe', { user_id: 'U0ADMIN', channel_id: 'C0SUBS' }), { secret: SECRET });
    expect(text(admin.json)).not.toMatch(/Only channel managers/);
    expect((await bot.store.subscriptions.values()).filter((s) => s.channelId === 'C0SUBS')).toEqual([]);
  });

  it('the Share in channel button posts the answer for everyone and removes the private one', async () => {
    const payload = {
      type: 'block_actions',
      team: { id: 'T0TEAM', domain: 'fake' },
      user: { id: 'U0USER', username: 'someone', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'deprecated',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C0CHAN', is_ephemeral: true },
      trigger_id: '1.2.x',
      channel: { id: 'C0CHAN', name: 'privacy' },
      response_url: fake.responseUrl('share-1'),
      actions: [{ type: 'button', action_id: 'share_reply', block_id: 'share', value: JSON.stringify({ c: '/optout', t: 'linkedin' }), action_ts: '1.3', text: { type: 'plain_text', text: 'Share in channel' } }],
    };
    const res = await postSigned(events, { payload: JSON.stringify(payload) }, { secret: SECRET });
    expect(res.status).toBe(200);
    const [shared, removed] = await fake.waitFor(() => {
      const r = fake.responds.filter((x) => x.path === '/respond/share-1');
      return r.length >= 2 ? r : undefined;
    }, 5000, 'two response_url posts');
    expect(shared!.body.response_type).toBe('in_channel');
    expect(shared!.body.replace_original).toBe(false);
    expect(text(shared!.body.blocks)).toContain('LinkedIn');
    expect(text(shared!.body.blocks)).toContain('Shared by <@U0USER>');
    expect(removed!.body.delete_original).toBe(true);
  });

  it('an answer slower than the ack budget is acked at once and delivered through response_url', async () => {
    const url = `http://127.0.0.1:${slow.port}/slack/events`;
    const res = await postSigned(url, slashCommand('/optout', 'linkedin', { response_url: fake.responseUrl('slow-1') }), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const answer = await fake.waitFor(() => fake.responds.find((r) => r.path === '/respond/slow-1'), 5000, 'the response_url answer');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(text(answer.body.blocks)).toContain('LinkedIn');
  });

  it('Slack’s url_verification handshake is answered, but only when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const ts = String(Math.floor(Date.now() / 1000));
    const ok = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) }, body });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ challenge: 'abc123' });
    const bad = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': 'v0=00' }, body });
    expect(bad.status).toBe(401);
  });

  it('the raw-body parser stays inside the Slack route: the rest of the server is unchanged', async () => {
    const health = await fetch(`http://127.0.0.1:${http.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });
});
