// Delivery records and an index of the open ones (pending, sending, failed, or
// sent with an edit to make), so that draining every few seconds reads what is
// waiting instead of every delivery ever made. The index entry is written before
// an open record and removed after a final one: a crash in between leaves an
// extra entry (skipped later), never an open delivery that nobody sees.
import type { Delivery } from '../domain.js';
import type { Store } from '../store/store.js';

const OPEN_NS = 'outbox-open';
const BUILT_KEY = 'outbox-open-index-built';

export function isOpen(d: Delivery): boolean {
  return d.state === 'pending' || d.state === 'sending' || d.state === 'failed' || (d.state === 'sent' && Boolean(d.pendingUpdate));
}

export async function saveDelivery(store: Store, d: Delivery): Promise<void> {
  const open = store.ns<number>(OPEN_NS);
  if (isOpen(d)) {
    await open.set(d.id, 1);
    await store.deliveries.set(d.id, d);
  } else {
    await store.deliveries.set(d.id, d);
    await open.delete(d.id);
  }
}

/** The open deliveries. Entries whose record is final are dropped from the index on the way. */
export async function openDeliveries(store: Store): Promise<Delivery[]> {
  const open = store.ns<number>(OPEN_NS);
  if (!(await store.meta.get(BUILT_KEY))) {
    // Stores written before the index existed: index them once.
    for (const d of await store.deliveries.values()) if (isOpen(d)) await open.set(d.id, 1);
    await store.meta.set(BUILT_KEY, true);
  }
  const ids: string[] = [];
  for await (const [id] of open.entries()) ids.push(id);
  const out: Delivery[] = [];
  for (const id of ids) {
    const d = await store.deliveries.get(id);
    if (d && isOpen(d)) out.push(d);
    // A missing record may be one being created right now (index first): leave its entry.
    else if (d) await open.delete(id);
  }
  return out;
}
