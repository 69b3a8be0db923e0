import type { Delivery, DeliveryState } from '../ports/delivery-ledger.ts';
import { type Flag, flag } from './columns.ts';

/** A deliveries row as either driver gives it. */
export type DeliveryRow = {
  id: number;
  subscription_id: number;
  slot: string;
  state: DeliveryState;
  late: Flag;
  attempts: number;
  claimed_by: string | null;
  claimed_at: string | null;
  updated_at: string;
  error: string | null;
  message_id: string | null;
  thread: string | null;
  briefing_id: number | null;
};

export function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    slot: r.slot,
    state: r.state,
    late: flag(r.late),
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    updatedAt: r.updated_at,
    error: r.error,
    messageId: r.message_id,
    thread: r.thread,
    briefingId: r.briefing_id,
  };
}
