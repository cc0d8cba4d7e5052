// Where alerts go on Discord: channels through the bot's REST client (its
// rate-limit buckets queue requests and retry 429s), or channel webhooks for
// people who want alerts without a bot user. A story that gains sources edits
// its message; it never gets a second one.
import { Routes, WebhookClient, type APIMessage, type REST, type RESTOptions } from 'discord.js';
import type { Alert } from '../../domain.js';
import { type AlertSink, type PostResult, DeliveryError } from '../../delivery/port.js';
import { registerSecrets } from '../../log.js';
import { footerHasStory, renderAlert } from './embeds.js';
import { NO_MENTIONS, safeContent, type MessageBody } from './limits.js';
import { toDeliveryError } from './rest.js';
import { Pacer, DISCORD_GLOBAL_INTERVAL_MS } from '../../delivery/pacer.js';

const WEBHOOK_URL = /^https?:\/\/[^/\s]+\/api(?:\/v\d+)?\/webhooks\/(\d{5,25})\/([\w-]{10,200})\/?$/i;

export function parseWebhookUrl(s: string): { id: string; token: string } | undefined {
  const m = WEBHOOK_URL.exec(s.trim());
  return m ? { id: m[1]!, token: m[2]! } : undefined;
}

/** How many recent messages findMessage reads (one GET, Discord's maximum). */
const LOOKBACK = 50;

export interface DiscordSinkOptions {
  /** The bot's REST client; undefined when only webhooks are configured. */
  rest?: REST;
  /** DISCORD_ALERT_CHANNELS: channel ids and/or webhook URLs. */
  channels: string[];
  /** REST options for webhook clients (the API base). */
  webhookRest: Partial<RESTOptions>;
}

export class DiscordSink implements AlertSink {
  readonly platform = 'discord' as const;
  private readonly channels: string[] = [];
  // Webhook targets are keyed "webhook:<id>" so their tokens never reach the
  // store, the logs or delivery ids.
  private readonly webhooks = new Map<string, WebhookClient>();
  private botUserId: Promise<string | undefined> | undefined;

  // Bot requests share Discord's global 50/s limit; webhooks have their own limits.
  private readonly globalPace = new Pacer(DISCORD_GLOBAL_INTERVAL_MS);

  constructor(private readonly opts: DiscordSinkOptions) {
    for (const c of opts.channels) {
      const hook = parseWebhookUrl(c);
      if (hook) {
        registerSecrets([hook.token]);
        const key = `webhook:${hook.id}`;
        if (!this.webhooks.has(key)) this.webhooks.set(key, new WebhookClient(hook, { rest: opts.webhookRest, allowedMentions: { parse: [] } }));
        if (!this.channels.includes(key)) this.channels.push(key);
      } else if (/^\d{5,25}$/.test(c) && !this.channels.includes(c)) this.channels.push(c);
    }
  }

  alertChannels(): string[] {
    return [...this.channels];
  }

  private bot(): REST {
    if (!this.opts.rest) throw new DeliveryError('DISCORD_TOKEN is not set: only webhook channels can be used', 'channel');
    return this.opts.rest;
  }

  async post(channelId: string, alert: Alert): Promise<PostResult> {
    return this.send(channelId, renderAlert(alert));
  }

  async update(channelId: string, messageId: string, alert: Alert): Promise<void> {
    const body = renderAlert(alert);
    try {
      const hook = this.webhooks.get(channelId);
      if (hook) await hook.editMessage(messageId, { ...webhookPayload(body) });
      else await this.bot().patch(Routes.channelMessage(channelId, messageId), { body });
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  async findMessage(channelId: string, storyId: string): Promise<string | undefined> {
    // A webhook cannot read its channel; the outbox's own record has to do.
    if (this.webhooks.has(channelId) || !this.opts.rest) return undefined;
    try {
      const [me, messages] = await Promise.all([
        this.myId(),
        this.bot().get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(LOOKBACK) }) }) as Promise<APIMessage[]>,
      ]);
      const hit = messages.find((m) => (!me || m.author?.id === me) && m.embeds?.some((e) => footerHasStory(e.footer?.text, storyId)));
      return hit?.id;
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  async notice(channelId: string, text: string): Promise<void> {
    await this.send(channelId, { content: safeContent(text), embeds: [], allowed_mentions: { ...NO_MENTIONS } });
  }

  async close(): Promise<void> {
    for (const h of this.webhooks.values()) h.destroy();
  }

  private async send(channelId: string, body: MessageBody): Promise<PostResult> {
    try {
      const hook = this.webhooks.get(channelId);
      if (!hook) await this.globalPace.wait();
      // WebhookClient.send always asks for ?wait=true, so the message id comes back.
      const msg = hook
        ? ((await hook.send({ ...webhookPayload(body) })) as APIMessage)
        : ((await this.bot().post(Routes.channelMessages(channelId), { body })) as APIMessage);
      if (!msg?.id) throw new DeliveryError('discord returned no message id', 'retry');
      return { messageId: msg.id };
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  private myId(): Promise<string | undefined> {
    this.botUserId ??= (this.bot().get(Routes.user('@me')) as Promise<{ id: string }>).then(
      (u) => u.id,
      () => undefined,
    );
    return this.botUserId;
  }
}

/** A MessageBody in WebhookClient's option names; link buttons need with_components on non-app webhooks. */
function webhookPayload(body: MessageBody) {
  return {
    ...(body.content ? { content: body.content } : {}),
    embeds: body.embeds,
    components: body.components ?? [],
    allowedMentions: { parse: [] },
    withComponents: Boolean(body.components?.length),
  };
}
