// The Slack AlertSink: chat.postMessage for a new alert, chat.update when the
// story gains sources, conversations.history to find an alert already posted
// (after a crash, so it is not posted twice). Proactive posts are paced at
// about one per second per channel (Slack's chat.postMessage limit) and a 429's
// Retry-After is waited out before trying again.
import type { webApi } from '@slack/bolt';
import type { Alert } from '../../domain.js';
import type { AlertSink, PostResult } from '../../delivery/port.js';
import { ALERT_EVENT_TYPE, FOOTER_BLOCK_ID, renderAlertBlocks } from './alert-blocks.js';
import { toDeliveryError } from './errors.js';
import { LIMITS, cutMrkdwn, escapeMrkdwn } from './text.js';
import { logger } from '../../log.js';

const log = logger.child({ module: 'slack' });

export interface SlackSinkOptions {
  channels: string[];
  /** Minimum gap between two posts to one channel (Slack: ~1 message/s/channel). */
  paceMs?: number;
  /** A 429 asking to wait longer than this is handed back to delivery as a retry. */
  maxInlineWaitMs?: number;
  /** How many 429s one call waits out before giving up. */
  rateLimitRetries?: number;
  /** How many messages findMessage looks back through. */
  historyDepth?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface HistoryMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  blocks?: { block_id?: string; elements?: { text?: string }[] }[];
}

export class SlackSink implements AlertSink {
  readonly platform = 'slack' as const;
  private readonly nextSlot = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly paceMs: number;
  private readonly maxInlineWaitMs: number;
  private readonly rateLimitRetries: number;
  private readonly historyDepth: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly opts: SlackSinkOptions,
    /** Whose messages count as ours in conversations.history (auth.test, cached by the caller). */
    private readonly identity: () => Promise<{ botUserId: string; botId: string }> = async () => {
      const r = await client.auth.test();
      return { botUserId: String(r.user_id ?? ''), botId: String(r.bot_id ?? '') };
    },
  ) {
    this.paceMs = opts.paceMs ?? 1100;
    this.maxInlineWaitMs = opts.maxInlineWaitMs ?? 60_000;
    this.rateLimitRetries = opts.rateLimitRetries ?? 3;
    this.historyDepth = opts.historyDepth ?? 300;
    this.sleep = opts.sleep ?? realSleep;
    this.now = opts.now ?? Date.now;
  }

  alertChannels(): string[] {
    return [...this.opts.channels];
  }

  async post(channelId: string, alert: Alert): Promise<PostResult> {
    const msg = renderAlertBlocks(alert);
    const res = await this.paced(channelId, 'chat.postMessage', () =>
      this.client.chat.postMessage({
        channel: channelId,
        text: msg.text,
        blocks: msg.blocks,
        ...(msg.metadata ? { metadata: msg.metadata } : {}),
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!res.ts) throw toDeliveryError(new Error('chat.postMessage returned no ts'), 'chat.postMessage');
    return { messageId: res.ts };
  }

  async update(channelId: string, messageId: string, alert: Alert): Promise<void> {
    const msg = renderAlertBlocks(alert);
    await this.withRetries(channelId, 'chat.update', () =>
      this.client.chat.update({
        channel: channelId,
        ts: messageId,
        text: msg.text,
        blocks: msg.blocks,
        ...(msg.metadata ? { metadata: msg.metadata } : {}),
      }),
    );
  }

  async findMessage(channelId: string, storyId: string): Promise<string | undefined> {
    const me = await this.whoAmI();
    let cursor: string | undefined;
    let seen = 0;
    while (seen < this.historyDepth) {
      const page = await this.withRetries(channelId, 'conversations.history', () =>
        this.client.conversations.history({ channel: channelId, limit: 100, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
      );
      const messages = (page.messages ?? []) as HistoryMessage[];
      seen += messages.length;
      const hit = messages.find((m) => isOurs(m, me) && carriesStory(m, storyId));
      if (hit?.ts) return hit.ts;
      cursor = page.response_metadata?.next_cursor || undefined;
      if (!cursor || messages.length === 0) break;
    }
    return undefined;
  }

  async notice(channelId: string, text: string): Promise<void> {
    const safe = cutMrkdwn(escapeMrkdwn(text), LIMITS.sectionText);
    await this.paced(channelId, 'chat.postMessage', () =>
      this.client.chat.postMessage({ channel: channelId, text: safe, unfurl_links: false, unfurl_media: false }),
    );
  }

  private async whoAmI(): Promise<{ userId?: string; botId?: string }> {
    try {
      const me = await this.identity();
      return { ...(me.botUserId ? { userId: me.botUserId } : {}), ...(me.botId ? { botId: me.botId } : {}) };
    } catch (err) {
      throw toDeliveryError(err, 'auth.test');
    }
  }

  /** One post at a time per channel, at least paceMs apart. */
  private paced<T>(channelId: string, what: string, call: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(channelId) ?? Promise.resolve();
    const run = prev
      .catch(() => undefined)
      .then(async () => {
        const wait = (this.nextSlot.get(channelId) ?? 0) - this.now();
        if (wait > 0) await this.sleep(wait);
        try {
          return await this.withRetries(channelId, what, call);
        } finally {
          this.nextSlot.set(channelId, this.now() + this.paceMs);
        }
      });
    this.queues.set(channelId, run);
    return run;
  }

  /** Waits out Retry-After (when reasonable) and maps every failure to a DeliveryError. */
  private async withRetries<T>(channelId: string, what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const de = toDeliveryError(err, what);
        const wait = de.status === 429 ? de.retryAfterMs : undefined;
        if (wait === undefined || wait > this.maxInlineWaitMs || attempt >= this.rateLimitRetries) throw de;
        log.warn({ channelId, method: what, retryAfterMs: wait }, 'rate limited by Slack; waiting as asked');
        this.nextSlot.set(channelId, Math.max(this.nextSlot.get(channelId) ?? 0, this.now() + wait));
        await this.sleep(wait);
      }
    }
  }
}

function isOurs(m: HistoryMessage, me: { userId?: string; botId?: string }): boolean {
  return (me.botId !== undefined && m.bot_id === me.botId) || (me.userId !== undefined && m.user === me.userId);
}

function carriesStory(m: HistoryMessage, storyId: string): boolean {
  if (m.metadata?.event_type === ALERT_EVENT_TYPE && m.metadata.event_payload?.story_id === storyId) return true;
  // Older posts, or metadata stripped: the footer names the story ("… story <id> · …").
  const footer = m.blocks?.find((b) => b.block_id === FOOTER_BLOCK_ID);
  const text = footer?.elements?.map((e) => e.text ?? '').join(' ') ?? '';
  return new RegExp(`(^|\\s)${storyId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(text);
}
