// End to end, Socket Mode: Bolt's SocketModeReceiver gets its WebSocket URL
// from the fake's apps.connections.open (through SLACK_API_URL), connects to
// the fake WebSocket, and answers slash-command envelopes with the same
// listeners as HTTP mode; the answer travels back in the envelope ack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { Store } from '../../src/store/store.js';
import { buildSlackRuntime, type SlackRuntime } from '../../src/adapters/slack/index.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { slashCommand } from './helpers/sign.js';
import { blockProblems } from './helpers/check-blocks.js';
import { postSigned } from './helpers/sign.js';
import { startHttp } from '../../src/http/server.js';

const tmp = mkdtempSync(join(tmpdir(), 'slack-socket-'));
let fake: FakeSlack;
let store: Store;
let rt: SlackRuntime;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const config = loadConfig(
    {
      STORE_URL: `sqlite://${join(tmp, 'store.db')}`,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.apiUrl,
      SLACK_ALERT_CHANNELS: 'C0ALERTS1',
      LOG_LEVEL: 'silent',
    },
    '',
  );
  store = await Store.open(config.STORE_URL);
  rt = (await buildSlackRuntime(config, { store }, { retryConfig: { retries: 0 } }))!;
  await rt.start!();
});

afterAll(async () => {
  await rt?.stop?.();
  await store?.close();
  await fake?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('Slack Socket Mode, end to end against a local Slack', () => {
  it('connects with the app token through apps.connections.open, and serves no HTTP route without a signing secret', () => {
    expect(rt.mode).toBe('socket');
    const open = fake.callsOf('apps.connections.open');
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open[0]!.auth).toBe('Bearer xapp-test-token');
    expect(rt.routes).toEqual([]);
  });

  it('/optout linkedin over the socket is acked with the LinkedIn guide', async () => {
    const ack = await fake.sendEnvelope('slash_commands', slashCommand('/optout', 'linkedin', { response_url: fake.responseUrl('socket-1') }));
    const payload = ack.payload as { response_type: string; text: string; blocks: unknown[] };
    expect(payload.response_type).toBe('ephemeral');
    expect(JSON.stringify(payload.blocks)).toContain('LinkedIn');
    expect(JSON.stringify(payload.blocks)).toContain('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
    expect(blockProblems(payload)).toEqual([]);
    // Bolt's authorization reuses the identity checked at start: no auth.test per event.
    expect(fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('with a signing secret as well, the same listeners also answer signed HTTP requests at /slack/events', async () => {
    const both = (await buildSlackRuntime(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_SIGNING_SECRET: 'both-secret', SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' }, ''),
      { store },
      { retryConfig: { retries: 0 } },
    ))!;
    expect(both.mode).toBe('socket');
    const http = await startHttp({ port: 0, host: '127.0.0.1', ready: () => true, routes: both.routes ?? [] });
    try {
      const res = await postSigned(`http://127.0.0.1:${http.port}/slack/events`, slashCommand('/optout', 'linkedin'), { secret: 'both-secret' });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).toContain('LinkedIn');
    } finally {
      await http.close();
    }
  });

  it('/radar with bad arguments answers with usage, over the socket too', async () => {
    const ack = await fake.sendEnvelope('slash_commands', slashCommand('/radar', 'latest 999'));
    expect(JSON.stringify(ack.payload)).toContain('/radar latest [n]');
  });
});
