// The Slack sink through the real @slack/web-api client against the fake:
// Slack's answers mapped to DeliveryError kinds, 429 Retry-After honoured,
// proactive pacing per channel, chat.update and findMessage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { Alert } from '../../src/domain.js';
import { DeliveryError } from '../../src/delivery/port.js';
import { createSlackApp } from '../../src/adapters/slack/client.js';
import { SlackSink, type SlackSinkOptions } from '../../src/adapters/slack/sink.js';
import { FOOTER_BLOCK_ID } from '../../src/adapters/slack/alert-blocks.js';
import { en } from '../../src/compose/labels/en.js';
import { BOT, FakeSlack } from './helpers/fake-slack.js';

let fake: FakeSlack;

function alert(storyId: string, sources = 1): Alert {
  return {
    storyId,
    lang: 'en',
    headline: `Story ${storyId} <!channel>`,
    summary: ['Something happened & @here should not ping.'],
    affected: [],
    guides: [],
    articleSteps: [],
    sources: Array.from({ length: sources }, (_, i) => ({ name: `Outlet ${i}`, title: `Title ${i}`, link: `https://news${i}.example/a` })),
    footer: { score: 0.9, storyId, why: `Ask why: /radar why ${storyId}` },
    labels: { ...en },
  };
}

/** A virtual clock: sleep advances it at once and records how long was asked for. */
function virtualTime() {
  let t = 1_000_000;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    t += ms;
  };
  return { waits, now: () => t, sleep };
}

function sink(opts: Partial<SlackSinkOptions> = {}, apiUrl = fake.apiUrl): SlackSink {
  const { client, identity } = createSlackApp({ token: 'xoxb-test-token', apiUrl, retryConfig: { retries: 0 } });
  return new SlackSink(client, { channels: ['C0ONE'], paceMs: 0, ...opts }, identity);
}

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeliveryError);
    return err as DeliveryError;
  }
  throw new Error('expected a DeliveryError');
}

beforeAll(async () => {
  fake = await new FakeSlack().start();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

describe('SlackSink', () => {
  it('posts Block Kit with metadata, unfurling off, escaped text', async () => {
    const s = sink();
    const { messageId } = await s.post('C0ONE', alert('s1'));
    const [call] = fake.callsOf('chat.postMessage');
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(call!.args).toMatchObject({ channel: 'C0ONE', unfurl_links: 'false', unfurl_media: 'false', metadata: { event_type: 'optout_radar_alert', event_payload: { story_id: 's1' } } });
    expect(String(call!.args.text)).not.toContain('<!channel>');
    expect(String(call!.args.text)).toContain('&lt;!channel&gt;');
  });

  it('waits out a 429 Retry-After, then posts', async () => {
    const time = virtualTime();
    const s = sink({ sleep: time.sleep, now: time.now });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    await s.post('C0ONE', alert('s2'));
    expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
    expect(time.waits).toContain(2000);
  });

  it('hands a long Retry-After back to delivery as a retry with its delay', async () => {
    const time = virtualTime();
    const s = sink({ sleep: time.sleep, now: time.now, maxInlineWaitMs: 10_000 });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    const err = await failure(s.post('C0ONE', alert('s3')));
    expect(err.kind).toBe('retry');
    expect(err.retryAfterMs).toBe(120_000);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('maps Slack errors to retry / channel / payload', async () => {
    const s = sink();
    const cases: [Parameters<FakeSlack['failNext']>[1], string][] = [
      [{ error: 'channel_not_found' }, 'channel'],
      [{ error: 'not_in_channel' }, 'channel'],
      [{ error: 'is_archived' }, 'channel'],
      [{ error: 'missing_scope' }, 'channel'],
      [{ error: 'invalid_auth' }, 'channel'],
      [{ error: 'invalid_blocks' }, 'payload'],
      [{ error: 'msg_too_long' }, 'payload'],
      [{ error: 'ratelimited' }, 'retry'],
      [{ error: 'internal_error' }, 'retry'],
      [{ status: 500 }, 'retry'],
      [{ status: 503 }, 'retry'],
    ];
    for (const [f, kind] of cases) {
      fake.failNext('chat.postMessage', f);
      const err = await failure(s.post('C0ONE', alert('s4')));
      expect(err.kind, JSON.stringify(f)).toBe(kind);
    }
  });

  it('maps a network failure to retry', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const err = await failure(sink({}, `http://127.0.0.1:${port}/api/`).post('C0ONE', alert('s5')));
    expect(err.kind).toBe('retry');
  });

  it('paces proactive posts to about one per second per channel; other channels do not wait', async () => {
    const time = virtualTime();
    const s = sink({ paceMs: 1000, sleep: time.sleep, now: time.now });
    await Promise.all([s.post('C0ONE', alert('p1')), s.post('C0ONE', alert('p2')), s.post('C0ONE', alert('p3')), s.post('C0TWO', alert('p4'))]);
    expect(time.waits).toEqual([1000, 1000]);
    const order = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0ONE').map((c) => (c.args.metadata as { event_payload: { story_id: string } }).event_payload.story_id);
    expect(order).toEqual(['p1', 'p2', 'p3']);
  });

  it('updates the same message with chat.update', async () => {
    const s = sink();
    const { messageId } = await s.post('C0ONE', alert('u1', 1));
    await s.update('C0ONE', messageId, alert('u1', 2));
    const [up] = fake.callsOf('chat.update');
    expect(up!.args).toMatchObject({ channel: 'C0ONE', ts: messageId });
    expect(JSON.stringify(up!.args.blocks)).toContain('Outlet 1');
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    const err = await failure(s.update('C0ONE', '999.999', alert('u1', 3)));
    expect(err.kind).toBe('payload'); // message_not_found: never answered by posting a second message
  });

  it('findMessage finds our alert by metadata, or by the footer when metadata is missing, and ignores other posters', async () => {
    const s = sink();
    const { messageId } = await s.post('C0FIND', alert('f1'));
    expect(await s.findMessage('C0FIND', 'f1')).toBe(messageId);
    // A message without metadata: the footer still names the story.
    fake.messages.push({ ts: '1.000001', channel: 'C0FIND', bot_id: BOT.botId, user: BOT.userId, blocks: [{ type: 'context', block_id: FOOTER_BLOCK_ID, elements: [{ type: 'mrkdwn', text: 'score 0.90 · story f2 · Ask why: /radar why f2' }] }] });
    expect(await s.findMessage('C0FIND', 'f2')).toBe('1.000001');
    // Someone else quoting the footer is not us.
    fake.messages.push({ ts: '1.000002', channel: 'C0FIND', bot_id: 'B0OTHER', user: 'U0OTHER', blocks: [{ type: 'context', block_id: FOOTER_BLOCK_ID, elements: [{ type: 'mrkdwn', text: 'story f3' }] }] });
    expect(await s.findMessage('C0FIND', 'f3')).toBeUndefined();
    expect(fake.callsOf('conversations.history')[0]!.args).toMatchObject({ channel: 'C0FIND', include_all_metadata: 'true' });
  });

  it('findMessage looks back through several pages of history', async () => {
    const s = sink({ historyDepth: 300 });
    const { messageId } = await s.post('C0DEEP', alert('deep'));
    for (let i = 0; i < 150; i++) fake.messages.push({ ts: `2.${String(i).padStart(6, '0')}`, channel: 'C0DEEP', bot_id: 'B0OTHER', user: 'U0OTHER', text: `chatter ${i}` });
    expect(await s.findMessage('C0DEEP', 'deep')).toBe(messageId);
    expect(fake.callsOf('conversations.history').length).toBe(2);
  });

  it('notice posts escaped plain text', async () => {
    await sink().notice('C0ONE', 'Alerts paused: <!channel> missing permission');
    const [call] = fake.callsOf('chat.postMessage');
    expect(call!.args.text).toBe('Alerts paused: &lt;!channel&gt; missing permission');
  });
});
