// Among replicas sharing a store, one holds the "poller" lock and polls; the
// others stand by. The holder renews the lock while alive; when it dies the
// lock expires and the first replica to tick after that takes over.
import type { Locks } from '../store/lock.js';
import { logger } from '../log.js';

const log = logger.child({ module: 'leader' });

export class PollLeadership {
  private timer?: NodeJS.Timeout;
  private leading = false;

  constructor(
    private readonly locks: Locks,
    readonly owner: string,
    private readonly ttlMs: number,
    private readonly name = 'poller',
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** Takes or keeps the lock; true when this replica is the poller now. */
  async claim(): Promise<boolean> {
    let ok = false;
    try {
      ok = await this.locks.acquire(this.name, this.owner, this.ttlMs);
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not reach the store to claim the poll lock');
    }
    if (ok !== this.leading) log.info({ owner: this.owner }, ok ? 'this replica is now the poller' : 'another replica is the poller');
    this.leading = ok;
    return ok;
  }

  /** Keeps renewing in the background (a third of the lock period). */
  start(): void {
    void this.claim();
    this.timer = setInterval(() => void this.claim(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  /** Stops renewing and hands the lock over at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.leading) await this.locks.release(this.name, this.owner).catch(() => undefined);
    this.leading = false;
  }
}
