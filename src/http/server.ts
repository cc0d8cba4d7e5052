// The bot's one HTTP port (SPEC §4). Health endpoints live here; adapters and
// the status page add their routes through `routes` so the core stays unaware
// of them.
import Fastify, { type FastifyInstance } from 'fastify';
import { logger } from '../log.js';

export type RouteInstaller = (app: FastifyInstance) => void | Promise<void>;

export interface HttpOptions {
  port: number;
  host: string;
  /** Whether the bot can serve requests now (store reachable, started). */
  ready: () => Promise<boolean> | boolean;
  routes?: RouteInstaller[];
}

export async function startHttp(opts: HttpOptions): Promise<{ app: FastifyInstance; port: number; close: () => Promise<void> }> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    let ok = false;
    try {
      ok = await opts.ready();
    } catch {
      ok = false;
    }
    return reply.code(ok ? 200 : 503).send({ ready: ok });
  });
  for (const install of opts.routes ?? []) await install(app);
  await app.listen({ port: opts.port, host: opts.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  logger.info({ module: 'http', port, host: opts.host }, 'http server listening');
  return { app, port, close: () => app.close() };
}
