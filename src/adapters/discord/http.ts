// POST /discord/interactions: Discord's HTTP interactions endpoint. The
// signature covers the raw bytes, so this route gets its own body parser (in
// its own plugin scope, leaving every other route's JSON parsing alone), and
// nothing is parsed or run before the signature and timestamp check out.
import type { FastifyInstance } from 'fastify';
import type { APIInteraction } from 'discord.js';
import type { KeyObject } from 'node:crypto';
import type { RouteInstaller } from '../../http/server.js';
import { logger } from '../../log.js';
import { verifyInteraction } from './verify.js';
import { ReplayGuard } from '../../http/replay.js';
import type { Handled } from './router.js';

const log = logger.child({ module: 'discord' });

export const INTERACTIONS_PATH = '/discord/interactions';

export interface InteractionRouteOptions {
  key: KeyObject;
  handle: (i: APIInteraction) => Promise<Handled>;
  now?: () => number;
  /** Remembers accepted signatures for 5 minutes (memory only by default; pass one backed by the store for replicas). */
  replay?: ReplayGuard;
}

export function interactionRoute(opts: InteractionRouteOptions): RouteInstaller {
  const replay = opts.replay ?? new ReplayGuard();
  return (app: FastifyInstance) => {
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
      scope.post(INTERACTIONS_PATH, async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const header = (n: string) => {
          const v = req.headers[n];
          return Array.isArray(v) ? v[0] : v;
        };
        const verdict = verifyInteraction({
          key: opts.key,
          signature: header('x-signature-ed25519'),
          timestamp: header('x-signature-timestamp'),
          body,
          ...(opts.now ? { nowMs: opts.now() } : {}),
        });
        if (!verdict.ok) {
          log.warn({ reason: verdict.reason }, 'refused an interaction request');
          return reply.code(401).type('application/json').send({ error: 'invalid request signature' });
        }
        // Discord never sends the same signed request twice: a copy is a replay.
        if (await replay.isReplay(String(header('x-signature-ed25519')).toLowerCase())) {
          log.warn('refused an interaction request: replay of an accepted request');
          return reply.code(401).type('application/json').send({ error: 'invalid request signature' });
        }
        let interaction: APIInteraction;
        try {
          interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
          if (typeof interaction !== 'object' || interaction === null || typeof interaction.type !== 'number') throw new Error('no type');
        } catch {
          return reply.code(400).type('application/json').send({ error: 'body is not an interaction' });
        }
        const handled = await opts.handle(interaction);
        if (handled.followUp) {
          const followUp = handled.followUp;
          // Only once Discord has our deferred answer may the reply be edited in.
          reply.raw.once('finish', () => {
            followUp().catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'deferred reply failed'));
          });
        }
        return reply.code(200).type('application/json').send(JSON.stringify(handled.response));
      });
    });
  };
}
