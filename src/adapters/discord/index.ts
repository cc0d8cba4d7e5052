// The Discord runtime: an alert sink (bot channels and/or webhooks) plus one
// of two ways to receive slash commands, both answered by the same router:
//
// - HTTP interactions at /discord/interactions, whenever DISCORD_PUBLIC_KEY is
//   set. Stateless, so any replica behind a load balancer can answer.
// - The gateway (discord.js Client), when DISCORD_TOKEN is set and
//   DISCORD_PUBLIC_KEY is not. Discord sends interactions to the endpoint URL
//   when one is configured in the developer portal and over the gateway only
//   otherwise, so the public key is what tells the two set-ups apart.
import type { Client } from 'discord.js';
import type { RuntimeFactory, ChatRuntime } from '../../app.js';
import type { Config } from '../../config/load.js';
import type { Store } from '../../store/store.js';
import type { CommandServices } from '../../../commands/types.js';
import { logger } from '../../log.js';
import { createRest, restOptions } from './rest.js';
import { DiscordSink, parseWebhookUrl } from './sink.js';
import { handleInteraction, type RouterDeps } from './router.js';
import { interactionRoute } from './http.js';
import { GatewayConnection } from './gateway.js';
import { publicKeyFromHex } from './verify.js';
import { ReplayGuard } from '../../http/replay.js';

export { buildCommandDefinitions } from './commands.js';
export { DiscordSink } from './sink.js';
export { handleInteraction } from './router.js';

const log = logger.child({ module: 'discord' });

export interface DiscordRuntimeOptions {
  store: Store;
  /** Overrides the rule above: force the gateway on or off. */
  gateway?: boolean;
  /** Extra services for command handlers (sources, start time). */
  services?: Partial<CommandServices>;
  deferAfterMs?: number;
  readyTimeoutMs?: number;
  retryBaseMs?: number;
}

export interface DiscordRuntime extends ChatRuntime {
  sink: DiscordSink;
  /** How slash commands arrive: HTTP endpoint, gateway, or not at all (webhook alerts only). */
  mode: 'http' | 'gateway' | 'alerts-only';
  /** The gateway client while connected. */
  readonly client: Client | undefined;
}

export function discordConfigured(config: Config): boolean {
  return Boolean(config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY || config.DISCORD_ALERT_CHANNELS.some((c) => parseWebhookUrl(c)));
}

export async function buildDiscordRuntime(config: Config, opts: DiscordRuntimeOptions): Promise<DiscordRuntime | undefined> {
  if (!discordConfigured(config)) return undefined;
  const token = config.DISCORD_TOKEN;
  const useGateway = Boolean(token) && (opts.gateway ?? !config.DISCORD_PUBLIC_KEY);
  // Interaction callbacks and webhook edits need no bot token, so a REST client exists even without one.
  const rest = createRest(config);
  const sink = new DiscordSink({ rest: token ? rest : undefined, channels: config.DISCORD_ALERT_CHANNELS, webhookRest: restOptions(config) });
  const services: CommandServices = { store: opts.store, now: () => new Date(), startedAt: new Date(), ...opts.services };
  const deps: RouterDeps = { services, rest, ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}) };
  const handle = (i: Parameters<typeof handleInteraction>[0]) => handleInteraction(i, deps);
  const gateway =
    useGateway && token
      ? new GatewayConnection({
          rest: restOptions(config),
          token,
          handle,
          ...(opts.readyTimeoutMs ? { readyTimeoutMs: opts.readyTimeoutMs } : {}),
          ...(opts.retryBaseMs ? { retryBaseMs: opts.retryBaseMs } : {}),
        })
      : undefined;
  const mode: DiscordRuntime['mode'] = gateway ? 'gateway' : config.DISCORD_PUBLIC_KEY ? 'http' : 'alerts-only';
  return {
    name: 'discord',
    sink,
    routes: config.DISCORD_PUBLIC_KEY
      ? [interactionRoute({ key: publicKeyFromHex(config.DISCORD_PUBLIC_KEY), handle, replay: new ReplayGuard({ locks: opts.store.locks }) })]
      : [],
    mode,
    get client() {
      return gateway?.client;
    },
    async start() {
      await gateway?.start();
      log.info({ mode, channels: sink.alertChannels().length }, 'discord adapter started');
    },
    async stop() {
      await gateway?.stop();
      await sink.close();
    },
  };
}

/** For the CLI's runtime factory list: undefined when nothing Discord is configured. */
export const createDiscordRuntime: RuntimeFactory = (config, app) => buildDiscordRuntime(config, { store: app.store, services: { sources: app.sources } });
