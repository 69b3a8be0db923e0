import type { Subscription, WhenEmpty } from '../ports/subscriptions.ts';
import { type Flag, flag } from './columns.ts';

/**
 * A subscriptions row as either driver gives it. A null workspace is stored as '' so that the
 * unique key covers it (NULLs would never conflict), and read back as null.
 */
export type SubscriptionRow = {
  id: number;
  platform: string;
  workspace: string;
  channel: string;
  topic: string;
  schedule: string;
  timezone: string;
  created_by: string;
  created_at: string;
  active: Flag;
  paused_reason: string | null;
  when_empty: string;
  scheduled_from: string | null;
};

export function toSubscription(r: SubscriptionRow): Subscription {
  return {
    id: r.id,
    platform: r.platform,
    workspace: r.workspace === '' ? null : r.workspace,
    channel: r.channel,
    topic: r.topic,
    schedule: r.schedule,
    timezone: r.timezone,
    createdBy: r.created_by,
    createdAt: r.created_at,
    // Rows from before scheduled_from existed owe slots from their creation.
    scheduledFrom: r.scheduled_from ?? r.created_at,
    active: flag(r.active),
    pausedReason: r.paused_reason,
    whenEmpty: r.when_empty === 'silent' ? 'silent' : ('note' satisfies WhenEmpty),
  };
}
