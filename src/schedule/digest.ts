import { assemble } from '../briefing/build.ts';
import { isNewTo, previousTime, type Recall, recordBriefing } from '../briefing/history.ts';
import { selectArticles } from '../briefing/select.ts';
import { resolveTopic, type Topic } from '../briefing/topics.ts';
import { parseWindow } from '../briefing/window.ts';
import type { Digest } from '../chat/reply.ts';
import type { Store, Subscription } from '../store/port.ts';
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
  store: Store,
  topics: Topic[],
  sub: Subscription,
  slot: Date,
  late: boolean,
  now: Date,
): Promise<BuiltDigest> {
  const topic = resolveTopic(sub.topic, topics);
  const digest: Digest = {
    key: digestKey(sub.id, slot),
    slotLabel: slotLabel(slot, sub.timezone),
    late,
    topicTitle: topic.title,
    briefing: null,
  };
  const memory = await lastDelivered(store, sub.id);
  const window = parseWindow(topic.window, now);
  const { articles, fallback } = await selectArticles(store, topic, window.since);
  const fresh = memory ? articles.filter((a) => isNewTo(memory, a)) : articles;
  if (fresh.length === 0) return { digest, briefingId: null };

  const notes: string[] = [];
  if (memory) notes.push(`New since the last digest (${previousTime(memory)} UTC).`);
  else if (fallback)
    notes.push('Nothing in the topic window yet, so this first digest covers the latest articles.');
  const briefing = assemble(
    topic,
    fresh,
    { since: window.since, until: now.toISOString(), label: window.label, fallback },
    notes,
    now,
  );
  briefing.id = await recordBriefing(store, briefing, digestAudience(sub.id));
  return { digest: { ...digest, briefing }, briefingId: briefing.id };
}

/** What the subscription's channel was last sent: the briefing of its latest delivered digest. */
async function lastDelivered(store: Store, subscriptionId: number): Promise<Recall | null> {
  const sent = await store.listDeliveries(subscriptionId, { state: 'sent', limit: 50 });
  for (const d of sent) {
    if (d.briefingId === null) continue;
    const previous = await store.getBriefing(d.briefingId);
    if (previous) return { previous, seen: new Set(previous.articleIds) };
  }
  return null;
}
