// Counts the outbox by state. Shared by the /metrics gauge and the status
// page so both tell the operator the same numbers.
import type { Delivery, DeliveryState } from '../domain.js';

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sending', 'sent', 'failed', 'dead'];

export interface OutboxCounts {
  byState: Record<DeliveryState, number>;
  /** Realtime deliveries still to send or edit: what a stuck adapter makes grow. */
  waiting: number;
  /** Deliveries held for a channel's daily digest. */
  digestHeld: number;
}

export function countOutbox(deliveries: Iterable<Delivery>): OutboxCounts {
  const byState = Object.fromEntries(DELIVERY_STATES.map((s) => [s, 0])) as Record<DeliveryState, number>;
  let waiting = 0;
  let digestHeld = 0;
  for (const d of deliveries) {
    byState[d.state] = (byState[d.state] ?? 0) + 1;
    const open = d.state === 'pending' || d.state === 'sending' || d.state === 'failed' || (d.state === 'sent' && d.pendingUpdate === true);
    if (!open) continue;
    if (d.mode === 'digest') digestHeld++;
    else waiting++;
  }
  return { byState, waiting, digestHeld };
}
