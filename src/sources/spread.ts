// Stable per-source slots so that serve spreads its requests over the poll
// interval instead of hitting every host at once.
import { createHash } from 'node:crypto';
import type { Source } from '../domain.js';

/** Offset of a source inside the interval, in [0, intervalMs); stable across restarts. */
export function sourceSlot(sourceId: string, intervalMs: number): number {
  const h = createHash('sha1').update(sourceId).digest().readUInt32BE(0);
  return Math.floor((h / 0x1_0000_0000) * intervalMs);
}

/**
 * Sources whose slot falls in (from, to] on the interval grid: call it on each
 * tick with the previous tick's time; every source comes up once per interval.
 */
export function dueInWindow(sources: Source[], fromMs: number, toMs: number, intervalMs: number): Source[] {
  if (toMs - fromMs >= intervalMs) return sources.slice();
  return sources.filter((s) => {
    const slot = sourceSlot(s.id, intervalMs);
    const a = ((fromMs % intervalMs) + intervalMs) % intervalMs;
    const b = ((toMs % intervalMs) + intervalMs) % intervalMs;
    return a < b ? slot > a && slot <= b : slot > a || slot <= b;
  });
}
