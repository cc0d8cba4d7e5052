// Proactive pacing: hands out evenly spaced send slots so a platform's limit
// is never hit in the first place (429s cost a round trip and, on Discord,
// stall every request of the bot). Slots are reserved in call order.
export class Pacer {
  private next = 0;
  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when the caller may send. */
  async wait(): Promise<void> {
    const t = this.now();
    const slot = Math.max(t, this.next);
    this.next = slot + this.intervalMs;
    if (slot > t) await this.sleep(slot - t);
  }
}

/** Discord's global limit is 50 requests/s per bot; staying at 48/s keeps any one-second window under it. */
export const DISCORD_GLOBAL_INTERVAL_MS = 1000 / 48;
