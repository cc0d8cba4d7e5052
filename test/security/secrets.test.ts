// Secrets never reach a log line or an error message. The real bot (serve,
// poll --once, config errors) runs with recognisable test tokens at
// LOG_LEVEL=trace against Slack/Discord stand-ins that fail in every way (401,
// 500, 429, dropped connections, refused connections); everything it writes on
// stdout and stderr is searched for each secret and for each half of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useDemoFeeds } from '../helpers/demo-feeds.js';
import { runCli, startServe, waitFor } from '../helpers/cli.js';
import { makeKeys, signedHeaders, slash } from '../discord/interactions.js';
import { slackSignature, slashCommand } from '../slack/helpers/sign.js';
import { startChaos, deadPort, type Chaos } from './helpers/chaos.js';
import { RedisProcess, hasRedisServer } from '../faults/helpers/redis.js';

const demo = useDemoFeeds(['fr', 'en'], 'secrets');

const T = {
  slackBot: 'xoxb-4242-SLACKBOTsecretQ7w9',
  slackSigning: 'sgnSECRETf00dfaceK3y9',
  slackApp: 'xapp-1-APPLEVELsecretZ8x2',
  discord: 'MTIzNDU2.DISCORDsecret.Vb7n5m',
  webhook: 'WEBHOOKsecretTOKENa1b2c3d4',
  storePw: 'STOREpassW0rdq8r',
};

/** Every secret, and both halves of it: a partly masked secret is still a leak. */
function needles(): string[] {
  const out: string[] = [];
  for (const v of Object.values(T)) {
    const mid = Math.floor(v.length / 2);
    out.push(v, v.slice(0, mid), v.slice(mid));
  }
  return out;
}

function expectNoSecrets(text: string, where: string): void {
  for (const n of needles()) {
    const at = text.indexOf(n);
    if (at >= 0) throw new Error(`${where}: found ${JSON.stringify(n)} in: …${text.slice(Math.max(0, at - 300), at + n.length + 100)}…`);
  }
}

const keys = makeKeys();
let redis: RedisProcess | undefined;
let slack: Chaos;
let discord: Chaos;

beforeAll(async () => {
  slack = await startChaos('slack');
  discord = await startChaos('discord');
  if (hasRedisServer) {
    redis = new RedisProcess(6391, T.storePw);
    await redis.start();
  }
});
afterAll(async () => {
  await slack?.close();
  await discord?.close();
  await redis?.destroy();
});

function env(over: Record<string, string> = {}): Record<string, string> {
  return {
    STORE_URL: redis ? redis.url : `sqlite://${join(demo.tmp, 'secrets.db')}`,
    STORE_PREFIX: `s${Date.now()}_`,
    SOURCES_FILE: demo.sourcesFile,
    LOG_LEVEL: 'trace',
    POLL_SCHEDULE: '*/2 * * * * *',
    POLL_LOCK_SECONDS: '1',
    FETCH_ARTICLES: 'false',
    SLACK_BOT_TOKEN: T.slackBot,
    SLACK_SIGNING_SECRET: T.slackSigning,
    SLACK_API_URL: slack.url,
    SLACK_ALERT_CHANNELS: 'C0ALERTS',
    DISCORD_TOKEN: T.discord,
    DISCORD_APPLICATION_ID: '111111111111111111',
    DISCORD_PUBLIC_KEY: keys.publicHex,
    DISCORD_API_URL: discord.url,
    DISCORD_ALERT_CHANNELS: `800000000000000011,https://discord.com/api/webhooks/900000000000000077/${T.webhook}`,
    ...over,
  };
}

async function poke(port: number): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const form = new URLSearchParams(slashCommand('/radar', 'status')).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const slackPost = (headers: Record<string, string>) => fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form });
  expect((await slackPost({})).status).toBe(401);
  expect((await slackPost({ 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature('wrong', ts, form) })).status).toBe(401);
  expect((await slackPost({ 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(T.slackSigning, ts, form) })).status).toBe(200);
  const body = JSON.stringify(slash('radar', { sub: 'status' }));
  expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
  expect((await fetch(`${base}/discord/interactions`, { method: 'POST', headers: signedHeaders(body, keys.privateKey), body })).status).toBe(200);
}

// The runs are independent processes: side by side.
describe.concurrent('secrets never appear in logs or error messages', () => {
  it('serve at trace level against APIs answering 401/500/429/dropped connections (HTTP mode, Redis with a password when available)', async () => {
    const bot = await startServe(env());
    let exit;
    try {
      await poke(bot.port);
      await waitFor(() => /poll cycle done/.test(bot.logs()), 30_000, 'a poll cycle');
      await waitFor(() => slack.requests.length >= 8 && discord.requests.length >= 8, 30_000, 'requests to both failing APIs');
    } finally {
      exit = await bot.stop('SIGTERM');
    }
    expect(exit.signal === null || exit.code !== null).toBe(true);
    const all = bot.logs() + bot.stdout();
    expect(/"level":20/.test(all), "debug/trace lines were written").toBe(true);
    expectNoSecrets(all, 'serve logs');
  }, 90_000);

  it('serve with Socket Mode and both APIs refusing connections', async () => {
    const [sp, dp] = await Promise.all([deadPort(), deadPort()]);
    const bot = await startServe(
      env({ SLACK_APP_TOKEN: T.slackApp, SLACK_API_URL: `http://127.0.0.1:${sp}/api/`, DISCORD_API_URL: `http://127.0.0.1:${dp}/api`, STORE_URL: `sqlite://${join(demo.tmp, 'refused.db')}` }),
    );
    try {
      await waitFor(() => /poll cycle done/.test(bot.logs()), 30_000, 'a poll cycle');
      await waitFor(() => /refused|ECONNREFUSED|unreachable/i.test(bot.logs()), 20_000, 'a connection failure in the log');
    } finally {
      await bot.stop('SIGTERM');
    }
    expectNoSecrets(bot.logs() + bot.stdout(), 'serve (refused) logs');
  }, 90_000);

  it('poll --once against the failing APIs', async () => {
    const r = await runCli(['poll', '--once'], env(), { timeoutMs: 90_000 });
    expect(/poll cycle done|ingest done/.test(r.stderr), r.stderr.slice(-2000)).toBe(true);
    expectNoSecrets(r.stdout + r.stderr, 'poll --once');
  }, 100_000);

  it('configuration errors name the variable, never the secret value', async () => {
    const cases: Record<string, string>[] = [
      { SLACK_BOT_TOKEN: `bad-${T.slackBot}` },
      { SLACK_APP_TOKEN: `bad-${T.slackApp}` },
      { DISCORD_APPLICATION_ID: 'not-a-number' },
      { DISCORD_PUBLIC_KEY: `${T.discord}` },
      { STORE_URL: `mysql://admin:${T.storePw}@127.0.0.1/db` },
      { DISCORD_ALERT_CHANNELS: `http://discord.com/api/webhooks/1/${T.webhook}`, DISCORD_TOKEN: '' },
      { DISCORD_API_URL: `ftp://user:${T.storePw}@discord.example/api` },
      { POLL_SCHEDULE: 'every tuesday', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' },
    ];
    for (const c of cases) {
      const r = await runCli(['poll', '--once'], env(c), { timeoutMs: 30_000 });
      expect(r.code, JSON.stringify(c)).not.toBe(0);
      expect(r.stderr + r.stdout).toMatch(/invalid configuration|must|required/i);
      expectNoSecrets(r.stdout + r.stderr, `config error ${Object.keys(c).join(',')}`);
    }
  }, 120_000);

  it('a store that cannot be reached: the URL with its password is not echoed', async () => {
    const port = await deadPort();
    const r = await runCli(['poll', '--once'], env({ STORE_URL: `redis://:${T.storePw}@127.0.0.1:${port}` }), { timeoutMs: 60_000 });
    expect(r.code).not.toBe(0);
    expectNoSecrets(r.stdout + r.stderr, 'store connection error');
    const r2 = await runCli(['poll', '--once'], env({ STORE_URL: `postgres://radar:${T.storePw}@127.0.0.1:${port}/radar` }), { timeoutMs: 60_000 });
    expect(r2.code).not.toBe(0);
    expectNoSecrets(r2.stdout + r2.stderr, 'postgres connection error');
  }, 130_000);
});
