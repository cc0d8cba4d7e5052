// Counting semaphores: one global, one per host, so that a slow host cannot
// take every slot and no host sees more than a couple of connections from us.

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // slot handed over by release()
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  get pending(): number {
    return this.waiting.length;
  }
}

export class HostLimiter {
  private readonly global: Semaphore;
  private readonly hosts = new Map<string, Semaphore>();
  constructor(globalLimit: number, private readonly perHost: number) {
    this.global = new Semaphore(globalLimit);
  }

  /** Take a host slot first, then a global one, so a queue on one host holds no global slot. */
  async acquire(host: string): Promise<() => void> {
    let h = this.hosts.get(host);
    if (!h) {
      h = new Semaphore(this.perHost);
      this.hosts.set(host, h);
    }
    const releaseHost = await h.acquire();
    const releaseGlobal = await this.global.acquire();
    return () => {
      releaseGlobal();
      releaseHost();
    };
  }
}
