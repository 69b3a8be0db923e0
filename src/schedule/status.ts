import type { Delivery } from '../store/ports/delivery-ledger.ts';
import type { Stores } from '../store/ports/port.ts';
import type { Subscription } from '../store/ports/subscriptions.ts';
import { nextSlot, slotLabel } from './slots.ts';
import { parseSchedule } from './spec.ts';

/** Where a subscription stands: its last delivery and its next slot, for people to read. */

export interface SubscriptionStatus {
  subscription: Subscription;
  /** "every day at 08:00", or the stored text when it no longer parses. */
  schedule: string;
  last: Delivery | null;
  /** ISO instant of the next slot; null when paused or the schedule has none. */
  next: string | null;
}

export async function subscriptionStatus(
  stores: Stores,
  sub: Subscription,
  now: Date,
): Promise<SubscriptionStatus> {
  const [last] = await stores.deliveries.list(sub.id, { limit: 1 });
  let schedule = sub.schedule;
  let next: Date | null = null;
  try {
    const spec = parseSchedule(sub.schedule);
    schedule = spec.description;
    if (sub.active) next = nextSlot(spec, sub.timezone, now);
  } catch {
    // An unparseable stored schedule shows as written, with no next slot.
  }
  return { subscription: sub, schedule, last: last ?? null, next: next?.toISOString() ?? null };
}

/** One line about the last delivery: "sent Wed 25 Nov 2026, 08:00 (Europe/London), late". */
export function describeLast(status: SubscriptionStatus): string {
  const d = status.last;
  if (!d) return 'nothing delivered yet';
  const when = slotLabel(new Date(d.slot), status.subscription.timezone);
  const late = d.late ? ', late' : '';
  switch (d.state) {
    case 'sent':
      return `sent ${when}${late}`;
    case 'claimed':
      return `sending ${when} (attempt ${d.attempts})`;
    case 'failed':
      return `failed ${when} after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.error ?? 'unknown error'}`;
    case 'skipped':
      return `skipped ${when}: ${d.error ?? 'no reason recorded'}`;
  }
}

export function describeNext(status: SubscriptionStatus): string {
  const sub = status.subscription;
  if (!sub.active) return `paused: ${sub.pausedReason ?? 'no reason recorded'}`;
  return status.next ? `next ${slotLabel(new Date(status.next), sub.timezone)}` : 'no next slot';
}
