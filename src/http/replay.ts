// Refuses an exact replay of a signed request (Slack, Discord) inside the
// window in which its timestamp is still accepted. The signature of every
// accepted request is remembered for that window (10 minutes: the timestamp may
// be up to 5 minutes off either way): in memory (per process),
// and in the shared store when one is given, so a request captured and replayed
// to another replica is refused too. With the store's locks the record is an
// atomic set-if-absent (Redis SET NX, SQL insert-on-conflict), so two replicas
// receiving the same replay at the same instant cannot both accept it.
import { createHash, randomUUID } from 'node:crypto';
import type { Namespace } from '../store/store.js';
import type { Locks } from '../store/lock.js';
import { logger } from '../log.js';

const log = logger.child({ module: 'replay' });

/**
 * A request's timestamp is accepted up to 5 minutes either side of now, so one
 * signature can be valid for 10 minutes in all: it is remembered that long.
 */
export const REPLAY_WINDOW_MS = 10 * 60_000;

export interface ReplayGuardOptions {
  /** How long a signature is remembered (default: the whole time its timestamp is accepted). */
  windowMs?: number;
  /** Shared record (namespace "replay") for replicas; memory only when absent. */
  store?: Namespace<number>;
  /** Shared atomic record (preferred over `store`): first acceptance wins across replicas. */
  locks?: Locks;
  /** Bound on remembered signatures in memory (oldest forgotten first). */
  maxEntries?: number;
  now?: () => number;
}

export class ReplayGuard {
  private readonly seen = new Map<string, number>(); // key → expiry (ms), in insertion order
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly opts: ReplayGuardOptions = {}) {
    this.windowMs = opts.windowMs ?? REPLAY_WINDOW_MS;
    this.maxEntries = opts.maxEntries ?? 200_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Records `key` (a verified request's signature) and says whether it had
   * already been accepted within the window. Call only after the signature checks out.
   */
  async isReplay(key: string): Promise<boolean> {
    const t = this.now();
    this.prune(t);
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return true;
    const skey = key.slice(0, 200);
    if (this.opts.locks) {
      try {
        const name = `replay:${createHash('sha256').update(key).digest('hex')}`;
        const first = await this.opts.locks.acquire(name, randomUUID(), this.windowMs);
        this.seen.set(key, t + this.windowMs);
        return !first;
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'replay check: store unavailable, memory only');
        this.seen.set(key, t + this.windowMs);
        return false;
      }
    }
    if (this.opts.store) {
      try {
        if (await this.opts.store.has(skey)) {
          this.seen.set(key, t + this.windowMs);
          return true;
        }
      } catch (err) {
        // The store being down must not refuse genuine requests; memory still guards this process.
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'replay check: store unavailable, memory only');
      }
    }
    this.seen.set(key, t + this.windowMs);
    if (this.opts.store) {
      try {
        await this.opts.store.set(skey, 1, this.windowMs);
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'replay record: store unavailable, memory only');
      }
    }
    return false;
  }

  private prune(t: number): void {
    for (const [k, until] of this.seen) {
      if (until > t && this.seen.size <= this.maxEntries) break;
      this.seen.delete(k);
    }
  }
}
