// Graceful shutdown as an operator sees it: SIGTERM arrives while an alert is
// being posted to Slack; the post finishes and is recorded, nothing new starts,
// the store is closed and the process exits 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { useDemoFeeds } from '../helpers/demo-feeds.js';
import { startServe, waitFor } from '../helpers/cli.js';
import { Store } from '../../src/store/store.js';

const demo = useDemoFeeds(['fr'], 'shutdown');
let slack: Server;
let slackUrl = '';
const posts: { channel: string; answeredAt?: number }[] = [];
let releasePost: (() => void) | undefined;

beforeAll(async () => {
  slack = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '');
      const args = Object.fromEntries(new URLSearchParams(body));
      const send = (o: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o));
      if (method === 'auth.test') return send({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T1' });
      if (method === 'chat.postMessage') {
        const post: (typeof posts)[number] = { channel: String(args.channel) };
        posts.push(post);
        // Held until the test has sent SIGTERM: the post is in flight during shutdown.
        releasePost = () => {
          post.answeredAt = Date.now();
          send({ ok: true, channel: args.channel, ts: '1700000000.000100' });
        };
        return;
      }
      if (method === 'conversations.history') return send({ ok: true, messages: [] });
      return send({ ok: true });
    });
  });
  await new Promise<void>((r) => slack.listen(0, '127.0.0.1', r));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((r) => slack.close(() => r())));

describe('graceful shutdown', () => {
  it('SIGTERM during a post: the post completes and is recorded, then exit 0', async () => {
    const storeUrl = `sqlite://${join(demo.tmp, 'shutdown.db')}`;
    const bot = await startServe({
      STORE_URL: storeUrl,
      SOURCES_FILE: demo.sourcesFile,
      POLL_SCHEDULE: '0 0 1 1 *',
      SLACK_BOT_TOKEN: 'xoxb-shutdown-test',
      SLACK_SIGNING_SECRET: 'shutdown-secret',
      SLACK_API_URL: slackUrl,
      SLACK_ALERT_CHANNELS: 'C0SHUT',
      FETCH_ARTICLES: 'false',
    });
    await waitFor(() => posts.length === 1 && releasePost !== undefined, 20_000, 'the first chat.postMessage');
    const exited = bot.stop('SIGTERM');
    await waitFor(() => /shutting down/.test(bot.logs()), 5_000, 'the shutdown to begin');
    const signalledAt = Date.now();
    releasePost!();
    const { code } = await exited;
    expect(code).toBe(0);
    expect(posts[0]!.answeredAt! >= signalledAt).toBe(true);
    expect(posts).toHaveLength(1); // nothing new started after SIGTERM
    const store = await Store.open(storeUrl);
    try {
      const deliveries = (await store.deliveries.values()).filter((d) => d.platform === 'slack');
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ state: 'sent', messageId: '1700000000.000100', channelId: 'C0SHUT' });
    } finally {
      await store.close();
    }
    expect(bot.logs()).toMatch(/"msg":"stopped"/);
  }, 60_000);
});
