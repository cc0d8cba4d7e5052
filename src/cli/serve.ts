// `serve`: the long-running bot. Polls once right after start, then on
// POLL_SCHEDULE; serves HTTP; stops cleanly on SIGTERM/SIGINT.
import type { Config } from '../config/load.js';
import { createBot, type Bot } from '../app.js';
import { startHttp } from '../http/server.js';
import { PollScheduler } from '../scheduler/scheduler.js';
import { PollLeadership } from '../scheduler/leader.js';
import { hostname } from 'node:os';
import { logger } from '../log.js';
import { webRoutes } from '../web/routes.js';

const log = logger.child({ module: 'serve' });

export async function serve(config: Config): Promise<void> {
  let bot: Bot | undefined;
  let http: Awaited<ReturnType<typeof startHttp>> | undefined;
  let scheduler: PollScheduler | undefined;
  let leadership: PollLeadership | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let started = false;
  let stopping = false;

  // Installed first, so a signal during start-up also ends in a clean exit.
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    clearInterval(retryTimer);
    await scheduler?.stop(10_000);
    await leadership?.stop();
    await bot?.digests.stop();
    await bot?.reminders.stop();
    await http?.close().catch(() => undefined);
    // In-flight deliveries finish (bounded by the force timer); nothing new starts.
    await bot?.outbox.drain().catch(() => undefined);
    await bot?.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  bot = await createBot(config);
  const b = bot;
  http = await startHttp({
    port: config.PORT,
    host: config.HOST,
    ready: async () => {
      if (!started || stopping) return false;
      // A store that is down makes its client queue commands until it is back: answer "not ready" instead of hanging.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), 2_000)));
      const ok = await Promise.race([b.store.meta.get('__ping__').then(() => true), late]).finally(() => clearTimeout(timer));
      return ok;
    },
    routes: [...b.runtimes.flatMap((r) => r.routes ?? []), webRoutes({ store: b.store, sources: () => b.sources, metrics: b.metrics })],
  });
  if (stopping) return;
  for (const r of b.runtimes) await r.start?.();
  // One replica polls per cycle: the holder of the poll lock (SPEC §7).
  const lead = new PollLeadership(b.store.locks, `${hostname()}:${process.pid}`, config.POLL_LOCK_SECONDS * 1000);
  leadership = lead;
  await lead.claim();
  lead.start();
  scheduler = new PollScheduler(
    config.POLL_SCHEDULE,
    async (tick) => {
      const report = await b.cycle();
      log.info({ tick: tick.toISOString(), poller: lead.owner, posted: report.posted }, 'replica polled');
    },
    () =>
      lead.claim().then((ok) => {
        if (!ok) b.metrics.pollDone('skipped');
        return ok;
      }),
  );
  scheduler.start(true);
  b.digests.start();
  b.reminders.start();
  // Retries and edits that were not due during the last cycle.
  retryTimer = setInterval(() => {
    void b.outbox.drain().catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'outbox drain failed'));
  }, 5_000);
  retryTimer.unref();
  started = true;
  log.info(
    { port: http.port, schedule: config.POLL_SCHEDULE, store: b.store.backend, sources: b.sources.length, adapters: b.sinks.map((s) => s.platform) },
    'optout-radar started',
  );
}
