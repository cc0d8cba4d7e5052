// Which subscriptions want a story: the channel's filters against the decision.
import type { Decision, Subscription } from '../domain.js';

import { fold } from '../text/fold.js';

/** EU filters also take EEA-wide stories and the reverse: the two are nearly always announced together. */
const REGION_EQUIV: Record<string, string[]> = { EU: ['EU', 'EEA'], EEA: ['EEA', 'EU'] };

export function subscriptionWants(sub: Subscription, decision: Decision, threshold: number): boolean {
  if (sub.paused) return false;
  const f = sub.filters;
  if (!decision.relevant) return false;
  if (decision.score < (f.minScore ?? threshold)) return false;
  if (f.greyZone === false && decision.greyZone) return false;
  if (f.languages?.length && !f.languages.includes(decision.lang)) return false;
  if (f.platforms?.length) {
    const names = decision.platforms.map(fold);
    if (!f.platforms.some((p) => names.some((n) => n.includes(fold(p))))) return false;
  }
  if (f.regions?.length && decision.regions.length) {
    const wanted = new Set(f.regions.flatMap((r) => REGION_EQUIV[r] ?? [r]));
    if (!decision.regions.some((r) => wanted.has(r))) return false;
  }
  return true;
}
