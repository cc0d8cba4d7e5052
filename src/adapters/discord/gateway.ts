// The gateway way in, for bots that cannot expose an HTTP endpoint: a
// discord.js Client (it finds the gateway through GET /gateway/bot on the
// configured REST base) receives INTERACTION_CREATE and answers over REST,
// using the same router as the HTTP endpoint.
import { Client, Events, GatewayDispatchEvents, Routes, type APIInteraction, type RESTOptions } from 'discord.js';
import { logger } from '../../log.js';
import type { Handled } from './router.js';

const log = logger.child({ module: 'discord' });

export function createGatewayClient(rest: Partial<RESTOptions>, token: string): Client {
  // INTERACTION_CREATE needs no intent; mentions are off for anything the client sends.
  const client = new Client({ intents: [], rest, allowedMentions: { parse: [], repliedUser: false } });
  client.rest.setToken(token.replace(/^(Bot|Bearer)\s+/i, ''));
  return client;
}

export interface GatewayOptions {
  client: Client;
  token: string;
  handle: (i: APIInteraction) => Promise<Handled>;
  readyTimeoutMs?: number;
}

/** Connects and resolves once READY arrived (bounded), answering interactions from then on. */
export async function startGateway(opts: GatewayOptions): Promise<void> {
  const { client } = opts;
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction) => {
    void answer(opts, data);
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`discord gateway not ready after ${opts.readyTimeoutMs ?? 30_000} ms`)), opts.readyTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await client.login(opts.token.replace(/^(Bot|Bearer)\s+/i, ''));
  await ready;
  log.info({ user: client.user?.id }, 'discord gateway ready');
}

async function answer(opts: GatewayOptions, i: APIInteraction): Promise<void> {
  try {
    const handled = await opts.handle(i);
    // Interaction callbacks are authenticated by the interaction token, not the bot token.
    await opts.client.rest.post(Routes.interactionCallback(i.id, i.token), { body: handled.response, auth: false });
    await handled.followUp?.();
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err), interaction: i.id }, 'could not answer an interaction');
  }
}
