// bench/fanout.ts — one relevant story fanned out to 200 Slack and 200 Discord
// channels through the real adapters (Bolt's WebClient, discord.js REST) and
// the real outbox, against local fakes that enforce the platforms' published
// limits: Slack chat.postMessage ≈ 1 message per second per channel; Discord
// per-route buckets (5 messages / 5 s per channel) and the global 50 requests
// per second. Prints throughput against the limit-bound maximum, 429s, lost
// and duplicated messages.
//
//   npx tsx bench/fanout.ts [--channels 200] [--stories 1]
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { createBot } from '../src/app.js';
import { installRuntimes } from '../src/cli/runtimes.js';
import { setLogLevel } from '../src/log.js';
import type { Source } from '../src/domain.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const CHANNELS = arg('channels', 200);
const STORIES = arg('stories', 1);

const STORY_TEXTS = [
  ['LinkedIn starts using member data to train generative AI models', 'LinkedIn said it uses members’ posts and profile data to train generative AI models; members can turn off the setting Data for Generative AI Improvement.'],
  ['Meta to train its AI models on public posts of EU users, objection form open', 'Meta will use public posts and comments of adults in the EU to train its AI models; users can object with a form.'],
  ['Anthropic will use Claude chats to train its models unless users opt out', 'Claude consumer users must choose whether their chats can be used to train future models.'],
  ['X updates terms to let Grok train on users’ posts', 'X says public posts and interactions with Grok may be used to train its AI models; a settings toggle lets users opt out.'],
  ['Reddit signs AI training deal over users’ posts', 'Reddit licensed user posts and comments to train AI models under a data deal.'],
];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (d) => (s += d));
    req.on('end', () => resolve(s));
  });
}

const json = (res: ServerResponse, status: number, obj: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(obj));

interface Tally { ok: number; r429: number; perChannel: Map<string, string[]>; times?: number[] }

async function fakeSlack(t: Tally) {
  const lastPost = new Map<string, number>();
  let ts = 1_700_000_000;
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const args = Object.fromEntries(new URLSearchParams(raw));
    if (method === 'auth.test') return json(res, 200, { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T1', user: 'radar' });
    if (method === 'chat.postMessage') {
      const ch = String(args.channel);
      const now = Date.now();
      // Published limit: about one message per second per channel.
      if (now - (lastPost.get(ch) ?? 0) < 1000) {
        t.r429++;
        return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      }
      lastPost.set(ch, now);
      t.ok++;
      (t.times ??= []).push(now);
      const id = `${++ts}.000100`;
      const meta = args.metadata ? (JSON.parse(args.metadata) as { event_payload?: { story_id?: string } }) : {};
      t.perChannel.set(ch, [...(t.perChannel.get(ch) ?? []), String(meta.event_payload?.story_id ?? id)]);
      return json(res, 200, { ok: true, channel: ch, ts: id, message: { ts: id } });
    }
    if (method === 'chat.update') return json(res, 200, { ok: true, channel: args.channel, ts: args.ts });
    if (method === 'conversations.history') return json(res, 200, { ok: true, messages: [], has_more: false });
    return json(res, 200, { ok: true });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` };
}

async function fakeDiscord(t: Tally) {
  const buckets = new Map<string, { remaining: number; resetAt: number }>();
  let windowStart = 0;
  let inWindow = 0;
  let seq = 1_000_000_000_000_000;
  const server = createServer(async (req, res) => {
    const raw = await body(req);
    const url = req.url ?? '';
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    // Global limit: 50 requests per second per bot.
    if (++inWindow > 50) {
      t.r429++;
      const after = (1000 - (now - windowStart)) / 1000;
      return json(res, 429, { message: 'You are being rate limited.', retry_after: after, global: true }, { 'retry-after': String(Math.ceil(after)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    }
    const m = /^\/api\/v10\/channels\/(\d+)\/messages(?:\/(\d+))?/.exec(url);
    if (m && req.method === 'POST') {
      const ch = m[1]!;
      const b = buckets.get(ch) ?? { remaining: 5, resetAt: now + 5000 };
      if (now >= b.resetAt) Object.assign(b, { remaining: 5, resetAt: now + 5000 });
      if (b.remaining <= 0) {
        t.r429++;
        const after = (b.resetAt - now) / 1000;
        return json(res, 429, { message: 'rate limited', retry_after: after, global: false }, { 'retry-after': String(Math.ceil(after)), 'x-ratelimit-scope': 'user', 'x-ratelimit-bucket': `msg-${ch}` });
      }
      b.remaining--;
      buckets.set(ch, b);
      t.ok++;
      (t.times ??= []).push(now);
      const msg = JSON.parse(raw) as { embeds?: { footer?: { text?: string } }[] };
      const footer = msg.embeds?.[0]?.footer?.text ?? '';
      t.perChannel.set(ch, [...(t.perChannel.get(ch) ?? []), /story (\S+)/.exec(footer)?.[1] ?? footer]);
      return json(res, 200, { id: String(++seq), channel_id: ch, content: '', embeds: [] }, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': String(b.remaining),
        'x-ratelimit-reset-after': ((b.resetAt - now) / 1000).toFixed(3),
        'x-ratelimit-reset': ((b.resetAt) / 1000).toFixed(3),
        'x-ratelimit-bucket': `msg-${ch}`,
      });
    }
    if (m && req.method === 'GET') return json(res, 200, []);
    if (m && req.method === 'PATCH') return json(res, 200, { id: m[2], channel_id: m[1] });
    if (url.startsWith('/api/v10/users/@me')) return json(res, 200, { id: '42', username: 'radar' });
    return json(res, 404, { message: 'Unknown', code: 0 });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` };
}

async function main() {
  setLogLevel('error');
  const slackT: Tally = { ok: 0, r429: 0, perChannel: new Map() };
  const discordT: Tally = { ok: 0, r429: 0, perChannel: new Map() };
  const slack = await fakeSlack(slackT);
  const discord = await fakeDiscord(discordT);
  const now = Date.now();
  const feed = createServer((_req, res) => {
    const items = STORY_TEXTS.slice(0, STORIES)
      .map(([t, d], i) => `<item><title>${t}</title><link>http://news.invalid/${i}</link><guid>g${i}</guid><pubDate>${new Date(now - (60 - i) * 60_000).toUTCString()}</pubDate><description>${d}</description></item>`)
      .join('');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>n</title><link>http://news.invalid/</link><description>d</description>${items}</channel></rss>`);
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  const tmp = mkdtempSync(join(tmpdir(), 'fanout-'));
  const slackChannels = Array.from({ length: CHANNELS }, (_, i) => `C${String(i).padStart(8, '0')}`);
  const discordChannels = Array.from({ length: CHANNELS }, (_, i) => String(900_000_000_000_000_000n + BigInt(i)));
  installRuntimes();
  const config = loadConfig(
    {
      STORE_URL: `sqlite://${join(tmp, 'fanout.db')}`,
      LOG_LEVEL: 'error',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_API_URL: slack.url,
      SLACK_ALERT_CHANNELS: slackChannels.join(','),
      DISCORD_TOKEN: 'bench.discord.token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      DISCORD_API_URL: discord.url,
      DISCORD_ALERT_CHANNELS: discordChannels.join(','),
    },
    '',
  );
  const sources: Source[] = [{ id: 'bench', name: 'Bench news', url: `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`, type: 'feed', kind: 'news', lang: 'en', enabled: true }];
  const bot = await createBot(config, { sources });
  const started = process.hrtime.bigint();
  const report = await bot.cycle();
  let rounds = 0;
  // Retries and paced posts continue after the cycle, as the serve loop's timer would drive them.
  while ((await bot.store.deliveries.values()).some((d) => d.state !== 'sent' && d.state !== 'dead') && rounds++ < 600) {
    const due = await bot.outbox.nextDue();
    if (due && due > Date.now()) await new Promise((r) => setTimeout(r, Math.min(200, due - Date.now())));
    await bot.outbox.drain();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const deliveries = await bot.store.deliveries.values();
  const expected = report.relevant * CHANNELS;
  const tallyOf = (t: Tally, channels: string[]) => {
    let lost = 0;
    let dup = 0;
    for (const ch of channels) {
      const got = t.perChannel.get(ch) ?? [];
      dup += got.length - new Set(got).size;
      lost += Math.max(0, report.relevant - new Set(got).size);
    }
    return { lost, dup };
  };
  const s = tallyOf(slackT, slackChannels);
  const d = tallyOf(discordT, discordChannels);
  // Limit-bound maximum: Discord's global limit is a rate (50 requests/s), so its
  // messages need at least n/50 s; Slack's 1 message/s per channel binds only when
  // a channel gets several messages ((stories-1) s). The delivery phase is measured
  // from the first accepted post to the last, so ingest and start-up don't count.
  const times = [...(slackT.times ?? []), ...(discordT.times ?? [])].sort((a, b) => a - b);
  const phase = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : 0;
  const discordBound = discordT.ok / 50;
  const slackBound = Math.max(report.relevant - 1, 0);
  const boundSeconds = Math.max(discordBound, slackBound);
  const dTimes = discordT.times ?? [];
  const discordRate = dTimes.length > 1 ? (dTimes.length - 1) / ((dTimes.at(-1)! - dTimes[0]!) / 1000) : 0;
  const sTimes = slackT.times ?? [];
  const total = slackT.ok + discordT.ok;
  const requests = total + slackT.r429 + discordT.r429;
  console.log(`fan-out: ${report.relevant} relevant stor${report.relevant === 1 ? 'y' : 'ies'} → ${CHANNELS} Slack + ${CHANNELS} Discord channels (${expected * 2} messages)`);
  console.log(`  whole run             ${seconds.toFixed(2)} s (poll cycle included); delivery phase ${phase.toFixed(2)} s`);
  console.log(`  throughput            ${(total / phase).toFixed(1)} msg/s; limit-bound maximum ${(total / boundSeconds).toFixed(1)} msg/s (${boundSeconds.toFixed(2)} s: Discord ${discordBound.toFixed(2)} s at 50/s, Slack ${slackBound.toFixed(2)} s at 1/s per channel) → ${((100 * boundSeconds) / phase).toFixed(1)} % of the maximum`);
  console.log(`  Discord               ${discordT.ok} msgs at ${discordRate.toFixed(1)} msg/s against the global 50 req/s (${((100 * discordRate) / 50).toFixed(1)} %)`);
  console.log(`  Slack                 ${slackT.ok} msgs in ${sTimes.length > 1 ? ((sTimes.at(-1)! - sTimes[0]!) / 1000).toFixed(2) : '0'} s`);
  console.log(`  429 answers           Slack ${slackT.r429}, Discord ${discordT.r429} → ${((100 * (slackT.r429 + discordT.r429)) / Math.max(1, requests)).toFixed(2)} % of ${requests} requests`);
  console.log(`  lost / duplicated     Slack ${s.lost}/${s.dup}, Discord ${d.lost}/${d.dup}; outbox: ${deliveries.filter((x) => x.state === 'sent').length} sent, ${deliveries.filter((x) => x.state === 'dead').length} dead`);
  await bot.close();
  for (const srv of [slack.server, discord.server, feed]) srv.close();
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

void main();
