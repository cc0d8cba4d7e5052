// Per-source health bookkeeping: backoff after failures, pause after many,
// periodic re-probe of paused sources.
import type { SourceState } from '../domain.js';

export interface HealthPolicy {
  pauseAfter: number; // consecutive failures before a source is paused
  backoffBaseMs: number; // first delay after a failure
  backoffMaxMs: number; // cap for the exponential delay
  reprobeMs: number; // how often a paused source is tried again
}

export const DEFAULT_HEALTH: HealthPolicy = {
  pauseAfter: 5,
  backoffBaseMs: 60_000,
  backoffMaxMs: 6 * 3_600_000,
  reprobeMs: 6 * 3_600_000,
};

export function newState(sourceId: string): SourceState {
  return { sourceId, consecutiveFailures: 0 };
}

/** Full jitter in [d/2, d): spreads retries of many sources that failed together. */
export function jitter(ms: number, random: () => number = Math.random): number {
  return Math.round(ms / 2 + (random() * ms) / 2);
}

export function backoffDelay(failures: number, base: number, max: number, random?: () => number): number {
  return jitter(Math.min(max, base * 2 ** Math.max(0, failures - 1)), random);
}

export function recordSuccess(prev: SourceState, now: Date): SourceState {
  const s: SourceState = { ...prev, lastSuccess: now.toISOString(), consecutiveFailures: 0, paused: false };
  delete s.nextAttempt;
  return s;
}

export function recordFailure(prev: SourceState, now: Date, error: string, policy: HealthPolicy, retryAfterMs?: number, random?: () => number): SourceState {
  const failures = prev.consecutiveFailures + 1;
  const paused = failures >= policy.pauseAfter;
  let delay = paused ? jitter(policy.reprobeMs, random) : backoffDelay(failures, policy.backoffBaseMs, policy.backoffMaxMs, random);
  if (retryAfterMs !== undefined) delay = Math.max(delay, retryAfterMs);
  return {
    ...prev,
    consecutiveFailures: failures,
    lastError: error.slice(0, 300),
    lastErrorAt: now.toISOString(),
    nextAttempt: new Date(now.getTime() + delay).toISOString(),
    paused,
  };
}

/** One line for `sources list` and the status page. */
export function describeHealth(s: SourceState | undefined, now: Date = new Date()): { status: 'new' | 'ok' | 'failing' | 'paused'; detail: string } {
  if (!s || (!s.lastSuccess && !s.lastError)) return { status: 'new', detail: 'never polled' };
  if (s.paused) return { status: 'paused', detail: `${s.consecutiveFailures} failures in a row; last: ${s.lastError ?? '?'}; re-probe ${s.nextAttempt ?? 'soon'}` };
  if (s.consecutiveFailures > 0) return { status: 'failing', detail: `${s.consecutiveFailures} failure(s); last: ${s.lastError ?? '?'}; next try ${s.nextAttempt ?? 'next poll'}` };
  const ago = s.lastSuccess ? Math.round((now.getTime() - Date.parse(s.lastSuccess)) / 60_000) : undefined;
  return { status: 'ok', detail: ago === undefined ? 'ok' : `ok, last success ${ago} min ago` };
}
