// Runs the poll cycle on POLL_SCHEDULE with node-cron. A cycle that is still
// running when the next tick comes is not doubled: the tick is skipped and logged.
import cron, { type ScheduledTask } from 'node-cron';
import { logger } from '../log.js';

const log = logger.child({ module: 'scheduler' });

export class PollScheduler {
  private task?: ScheduledTask;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly schedule: string,
    private readonly cycle: (tick: Date) => Promise<void>,
    /** Asked before each cycle; false skips it (another replica polls). */
    private readonly gate: () => Promise<boolean> = async () => true,
  ) {}

  /** Starts the cron job; with `runNow` a cycle starts immediately too. */
  start(runNow = true): void {
    this.task = cron.schedule(this.schedule, () => void this.tick('cron'), { noOverlap: true, name: 'poll' });
    if (runNow) void this.tick('start');
  }

  /** Runs one cycle unless one is already running; resolves when it ends. */
  async tick(reason: string): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      log.warn({ reason }, 'previous poll cycle still running; skipping this tick');
      return;
    }
    const tick = new Date();
    this.running = this.gate()
      .then((go) => (go ? this.cycle(tick) : log.debug({ reason }, 'not the poller; skipping this tick')))
      .catch((err: unknown) => {
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'poll cycle failed');
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops new cycles and waits (bounded) for the running one. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    await this.task?.stop();
    await this.task?.destroy();
    if (this.running) {
      await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    }
  }
}
