import type { SubscriptionFilters } from '../../src/domain.js';

export { subscriptionKey } from '../../src/delivery/outbox.js';

export function describeFilters(f: SubscriptionFilters): string {
  const parts: string[] = [];
  parts.push(f.mode === 'digest' ? `a daily digest at ${f.digestTime} (${f.timeZone})` : 'alerts as they happen');
  if (f.platforms?.length) parts.push(`platforms ${f.platforms.join(', ')}`);
  if (f.regions?.length) parts.push(`regions ${f.regions.join(', ')}`);
  if (f.languages?.length) parts.push(`languages ${f.languages.join(', ')}`);
  if (f.minScore !== undefined) parts.push(`score ≥ ${f.minScore}`);
  if (f.greyZone === false) parts.push('no grey-zone stories');
  if (f.lang) parts.push(`labels in ${f.lang}`);
  return parts.join('; ');
}
