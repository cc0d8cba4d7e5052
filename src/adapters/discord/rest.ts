// One place that knows where Discord is (DISCORD_API_URL, so tests and
// proxies can stand in for it) and what its errors mean for delivery.
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions } from 'discord.js';
import type { Config } from '../../config/load.js';
import { DeliveryError } from '../../delivery/port.js';

export const DEFAULT_API = 'https://discord.com/api';

/** The REST base without a version suffix or trailing slash (REST adds /v10). */
export function apiBase(config: Pick<Config, 'DISCORD_API_URL'>): string {
  return (config.DISCORD_API_URL ?? DEFAULT_API).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * Options shared by the REST client, the gateway client and webhook clients.
 * The gateway address is discovered through this base (GET /gateway/bot).
 */
export function restOptions(config: Pick<Config, 'DISCORD_API_URL'>, extra: Partial<RESTOptions> = {}): Partial<RESTOptions> {
  return { api: apiBase(config), version: '10', retries: 3, timeout: 15_000, ...extra };
}

/** Waits longer than this are handed back to the outbox (it retries later) instead of blocking a drain. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;

/**
 * The REST client for posting: discord.js queues requests per rate-limit
 * bucket and retries 429s itself; only a wait too long to sit through
 * becomes a RateLimitError (→ a 'retry' with retryAfterMs).
 */
export function createRest(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>, extra: Partial<RESTOptions> = {}): REST {
  const rest = new REST(restOptions(config, { rejectOnRateLimit: (info) => info.retryAfter > MAX_RATE_LIMIT_WAIT_MS, ...extra }));
  if (config.DISCORD_TOKEN) rest.setToken(config.DISCORD_TOKEN.replace(/^(Bot|Bearer)\s+/i, ''));
  return rest;
}

// Discord error codes that mean "this channel is not reachable for us".
const CHANNEL_CODES = new Set([10003, 10015, 50001, 50013, 50083, 160002]);

/** Maps a discord.js REST failure onto the delivery port's three kinds. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) return new DeliveryError(`discord rate limit on ${err.route}`, 'retry', err.retryAfter, 429);
  if (err instanceof DiscordAPIError) {
    const what = `discord ${err.status} (code ${err.code}): ${err.message}`;
    if (err.status === 429) return new DeliveryError(what, 'retry', undefined, 429);
    if (typeof err.code === 'number' && CHANNEL_CODES.has(err.code)) return new DeliveryError(what, 'channel', undefined, err.status);
    if (err.status === 401 || err.status === 403 || err.status === 404) return new DeliveryError(what, 'channel', undefined, err.status);
    if (err.status >= 500) return new DeliveryError(what, 'retry', undefined, err.status);
    return new DeliveryError(what, 'payload', undefined, err.status);
  }
  if (err instanceof HTTPError) return new DeliveryError(`discord ${err.status} ${err.message}`, err.status >= 500 || err.status === 429 ? 'retry' : 'payload', undefined, err.status);
  // discord.js forgets a token Discord answered 401 to; later requests fail before leaving.
  if (err instanceof Error && /Expected token to be set/i.test(err.message))
    return new DeliveryError('discord: the bot token was refused (401); check DISCORD_TOKEN', 'channel', undefined, 401);
  // Timeouts, resets, refused connections: the network, not the payload.
  return new DeliveryError(`discord unreachable: ${err instanceof Error ? err.message : String(err)}`, 'retry');
}
