// The gateway way in, for bots that cannot expose an HTTP endpoint: a
// discord.js Client (it finds the gateway through GET /gateway/bot on the
// configured REST base) receives INTERACTION_CREATE and answers over REST,
// using the same router as the HTTP endpoint.
import { Client, DiscordjsErrorCodes, Events, GatewayDispatchEvents, Routes, type APIInteraction, type RESTOptions } from 'discord.js';
import { logger } from '../../log.js';
import type { Handled } from './router.js';

const log = logger.child({ module: 'discord' });

export interface GatewayOptions {
  rest: Partial<RESTOptions>;
  token: string;
  handle: (i: APIInteraction) => Promise<Handled>;
  readyTimeoutMs?: number;
  /** First wait before reconnecting after a failed start; doubles up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * One gateway session. Once connected, discord.js itself resumes and
 * reconnects; this class only retries the initial login, so a Discord outage
 * at start-up delays commands instead of stopping the bot (SPEC §6).
 */
export class GatewayConnection {
  private current: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private attempts = 0;

  constructor(private readonly opts: GatewayOptions) {}

  get client(): Client | undefined {
    return this.current;
  }

  /** Resolves once READY arrived, or after a failed attempt has been scheduled for retry. Throws only for a refused token. */
  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
    } catch (err) {
      if (isTokenInvalid(err)) throw new Error('discord refused DISCORD_TOKEN (401); the gateway is not started');
      this.scheduleRetry(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const c = this.current;
    this.current = undefined;
    // Destroying a shard that is still waiting for READY can wait a long time; shutdown must not.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([c?.destroy(), new Promise<void>((r) => (timer = setTimeout(r, 5_000)))]).finally(() => clearTimeout(timer));
  }

  private async connect(): Promise<void> {
    this.attempts++;
    // A Client cannot log in again after a failed login; each attempt gets a fresh one.
    // INTERACTION_CREATE needs no intent; mentions are off for anything the client sends.
    const client = new Client({ intents: [], rest: this.opts.rest, allowedMentions: { parse: [], repliedUser: false } });
    this.current = client;
    client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction) => {
      void this.answer(client, data);
    });
    const timeoutMs = this.opts.readyTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`discord gateway not ready after ${timeoutMs} ms`)), timeoutMs);
      client.once(Events.ClientReady, () => resolve());
    });
    try {
      await client.login(this.opts.token.replace(/^(Bot|Bearer)\s+/i, ''));
      await ready;
    } catch (err) {
      ready.catch(() => undefined);
      await client.destroy().catch(() => undefined);
      if (this.current === client) this.current = undefined;
      throw err;
    } finally {
      clearTimeout(timer);
    }
    this.attempts = 0;
    log.info({ user: client.user?.id }, 'discord gateway ready');
  }

  private scheduleRetry(err: unknown): void {
    if (this.stopped) return;
    const base = this.opts.retryBaseMs ?? 5_000;
    const wait = Math.min(base * 2 ** Math.max(0, this.attempts - 1), this.opts.retryMaxMs ?? 300_000);
    log.error({ err: err instanceof Error ? err.message : String(err), retryInMs: wait }, 'discord gateway did not connect; retrying');
    this.retryTimer = setTimeout(() => {
      if (this.stopped) return;
      this.connect().catch((e: unknown) => (isTokenInvalid(e) ? log.error('discord refused DISCORD_TOKEN (401); giving up on the gateway') : this.scheduleRetry(e)));
    }, wait);
    this.retryTimer.unref();
  }

  private async answer(client: Client, i: APIInteraction): Promise<void> {
    try {
      const handled = await this.opts.handle(i);
      // Interaction callbacks are authenticated by the interaction token, not the bot token.
      await client.rest.post(Routes.interactionCallback(i.id, i.token), { body: handled.response, auth: false });
      await handled.followUp?.();
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err), interaction: i.id }, 'could not answer an interaction');
    }
  }
}

function isTokenInvalid(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid;
}
