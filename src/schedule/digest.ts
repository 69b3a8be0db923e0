import { buildBriefing } from '../briefing/build.ts';
import { resolveTopic, type Topic } from '../briefing/topics.ts';
import type { Digest } from '../model/reply.ts';
import type { Stores } from '../store/ports/port.ts';
import type { Subscription } from '../store/ports/subscriptions.ts';
import { slotKeyTime, slotLabel } from './slots.ts';

/**
 * A subscription's digest for one slot: the topic's briefing over the articles that are new
 * since the last digest this subscription delivered (the whole topic window the first time),
 * or an empty digest when nothing is new.
 */

export interface BuiltDigest {
  digest: Digest;
  /** The recorded briefing, so the thread can be asked about and the next digest knows what was sent. */
  briefingId: number | null;
}

/** The key naming a subscription's slot on the platform and in the ledger: "12@2026-03-29T07:00Z". */
export function digestKey(subscriptionId: number, slot: Date): string {
  return `${subscriptionId}@${slotKeyTime(slot)}`;
}

/** Who a digest's briefings were for, in the briefing history. */
export function digestAudience(subscriptionId: number): string {
  return `digest:${subscriptionId}`;
}

export async function buildDigest(
  stores: Stores,
  topics: Topic[],
  sub: Subscription,
  slot: Date,
  late: boolean,
  now: Date,
): Promise<BuiltDigest> {
  const topic = resolveTopic(sub.topic, topics);
  // The one briefing pipeline, for this subscription's audience: only what it was not yet
  // told, recorded as pending until the platform confirms the digest (deliver.ts).
  const briefing = await buildBriefing(stores, topics, {
    topic: sub.topic,
    now,
    audience: digestAudience(sub.id),
    news: 'only',
    record: 'pending',
  });
  const digest: Digest = {
    key: digestKey(sub.id, slot),
    slotLabel: slotLabel(slot, sub.timezone),
    late,
    topicTitle: topic.title,
    briefing,
  };
  return { digest, briefingId: briefing?.id ?? null };
}
