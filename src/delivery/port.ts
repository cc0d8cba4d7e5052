// The port every chat adapter implements. The core posts Alerts through it and
// never imports an adapter (SPEC §3: adapters depend on the core).
import type { Alert, Platform } from '../domain.js';

export interface PostResult {
  messageId: string;
}

/**
 * How a platform answered, in the core's terms, so delivery can decide:
 * - `retry`: 429, 5xx, network trouble — try again later (after `retryAfterMs` when known);
 * - `channel`: missing permission, deleted/archived channel (403/404) — pause the subscription;
 * - `payload`: the platform rejected what we sent (400) — a bug, logged loudly, not retried.
 */
export type DeliveryErrorKind = 'retry' | 'channel' | 'payload';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: DeliveryErrorKind,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface AlertSink {
  readonly platform: Platform;
  /** Channels configured to receive every alert (e.g. SLACK_ALERT_CHANNELS). */
  alertChannels(): string[];
  /** Posts a new message. Throws DeliveryError when the platform refuses. */
  post(channelId: string, alert: Alert): Promise<PostResult>;
  /** Rewrites an already-posted alert (a story gained sources). */
  update(channelId: string, messageId: string, alert: Alert): Promise<void>;
  /**
   * Finds a message this bot already posted for `storyId` in the channel (the
   * story id is embedded in every alert), so an uncertain send is never repeated.
   * Sinks that cannot look back (the console) omit it.
   */
  findMessage?(channelId: string, storyId: string): Promise<string | undefined>;
  /** Posts a short plain notice (e.g. "alerts paused: missing permission"). */
  notice?(channelId: string, text: string): Promise<void>;
}
