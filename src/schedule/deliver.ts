import type { Topic } from '../briefing/topics.ts';
import type { ChatAdapter } from '../model/chat-port.ts';
import { isDeliveryError } from '../model/delivery-error.ts';
import { reasonOf } from '../model/errors.ts';
import type { ChannelRef, Platform, Posted } from '../model/refs.ts';
import { threadKey } from '../model/refs.ts';
import type { Delivery, DeliveryOutcome } from '../store/ports/delivery-ledger.ts';
import type { Stores } from '../store/ports/port.ts';
import type { Subscription } from '../store/ports/subscriptions.ts';
import type { Clock } from './clock.ts';
import { buildDigest, digestKey } from './digest.ts';
import { type DeliveryPolicy, MAX_RETRY_WAIT_MS } from './policy.ts';

/**
 * One slot, exactly once: claim it in the ledger, build the digest, send it with retries, and
 * record how it ended. A slot whose earlier claim was abandoned (the process died after or
 * while sending) is first looked for on the platform, and resent only if it is not there.
 */

export interface DeliveryDeps {
  stores: Stores;
  topics: Topic[];
  adapterFor(platform: string): ChatAdapter | null;
  clock: Clock;
  policy: DeliveryPolicy;
  /** This process, among replicas sharing the store. */
  replicaId: string;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  briefingUrl?: (briefingId: number) => Promise<string | null>;
}

export type SlotResult =
  | 'sent'
  | 'found' // an earlier, unrecorded attempt had reached the platform
  | 'quiet' // nothing new, and the subscription stays quiet then
  | 'failed'
  | 'paused' // the channel is gone: the subscription was paused
  | 'taken'; // another process holds or finished the slot

export function channelOf(sub: Subscription): ChannelRef {
  return { platform: sub.platform as Platform, workspace: sub.workspace, channel: sub.channel };
}

export interface SlotOptions {
  late: boolean;
  /** False for a slot past its grace window: an abandoned claim is only looked for, not resent. */
  mayResend: boolean;
}

export async function deliverSlot(
  deps: DeliveryDeps,
  sub: Subscription,
  slot: Date,
  { late, mayResend }: SlotOptions,
): Promise<SlotResult> {
  const { stores, clock, replicaId: by } = deps;
  const adapter = deps.adapterFor(sub.platform);
  if (!adapter) return 'taken';
  const claimedAt = clock.now();
  const claim = await stores.deliveries.claim({
    subscriptionId: sub.id,
    slot: slot.toISOString(),
    by,
    now: claimedAt.toISOString(),
    late,
    staleBefore: new Date(claimedAt.getTime() - deps.policy.leaseMs).toISOString(),
  });
  if (!claim) return 'taken';
  const { delivery } = claim;
  const where = channelOf(sub);
  const key = digestKey(sub.id, slot);
  const finish = (outcome: DeliveryOutcome) =>
    stores.deliveries.finish(delivery.id, by, outcome, clock.now().toISOString());

  try {
    if (claim.takenOver) {
      const earlier = await adapter.findDigest(where, key);
      if (earlier) {
        await recordSent(deps, delivery, earlier, delivery.briefingId, 'found');
        deps.log('info', `digest ${key} was already in ${channelName(sub)}; recorded, not resent`);
        return 'found';
      }
      if (!mayResend) {
        await finish({
          state: 'failed',
          error:
            'interrupted before it was recorded, and not found in the channel; too late to resend',
        });
        return 'failed';
      }
    }
    const built = await buildDigest(stores, deps.topics, sub, slot, late, clock.now());
    const page = built.digest.briefing;
    const url = page?.id != null ? await deps.briefingUrl?.(page.id) : null;
    if (page && url) page.url = url;
    if (!built.digest.briefing && sub.whenEmpty === 'silent') {
      await finish({ state: 'skipped', error: 'nothing new (this subscription stays quiet then)' });
      return 'quiet';
    }
    for (let attempt = 1; ; attempt++) {
      await stores.deliveries.noteAttempt(
        delivery.id,
        by,
        clock.now().toISOString(),
        built.briefingId,
      );
      try {
        const posted = await adapter.post(where, { kind: 'digest', digest: built.digest });
        await recordSent(deps, delivery, posted, built.briefingId, 'posted');
        deps.log('info', `digest ${key} sent to ${channelName(sub)}${late ? ' (late)' : ''}`);
        return 'sent';
      } catch (e) {
        const wait = retryWait(deps.policy, e, attempt);
        if (wait === null) throw e;
        deps.log(
          'warn',
          `digest ${key} to ${channelName(sub)}: ${reasonOf(e)}; retrying in ${wait} ms`,
        );
        await clock.sleep(wait);
        // A failure can come after the platform took the message (a 5xx on the way back).
        const arrived = await adapter.findDigest(where, key).catch(() => null);
        if (arrived) {
          await recordSent(deps, delivery, arrived, built.briefingId, 'found');
          return 'found';
        }
      }
    }
  } catch (e) {
    const reason = reasonOf(e);
    if (isDeliveryError(e) && e.failure === 'gone') {
      await stores.subscriptions.setPaused(sub.id, reason, clock.now().toISOString());
      await finish({ state: 'failed', error: reason });
      deps.log('warn', `paused the ${sub.topic} digest in ${channelName(sub)}: ${reason}`);
      return 'paused';
    }
    await finish({ state: 'failed', error: reason });
    deps.log('error', `digest ${key} to ${channelName(sub)} failed: ${reason}`);
    return 'failed';
  }
}

/** How long to wait before another try, or null when the error is not worth one (or tries ran out). */
function retryWait(policy: DeliveryPolicy, e: unknown, attempt: number): number | null {
  if (!isDeliveryError(e) || e.failure !== 'retryable' || attempt >= policy.maxAttempts)
    return null;
  const wait = e.retryAfterMs ?? policy.backoffMs(attempt);
  return wait <= MAX_RETRY_WAIT_MS ? wait : null;
}

async function recordSent(
  deps: DeliveryDeps,
  delivery: Delivery,
  posted: Posted,
  briefingId: number | null,
  how: 'posted' | 'found',
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const outcome = {
    state: 'sent',
    messageId: posted.messageId,
    thread: posted.thread,
    briefingId,
  } as const;
  await deps.stores.deliveries.finish(delivery.id, deps.replicaId, outcome, now);
  // Only now has the channel been told: the next digest is new against this one.
  if (briefingId !== null) await deps.stores.briefings.markDelivered(briefingId);
  // The adapter links a thread it posts itself; one found after a crash was never linked.
  if (how === 'found' && briefingId !== null)
    await deps.stores.threads.link(threadKey(posted), briefingId);
}

export function channelName(sub: Subscription): string {
  return `${sub.platform} channel ${sub.channel}`;
}
