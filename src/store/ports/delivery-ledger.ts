/** The delivery ledger: one row per (subscription, slot), claimed before anything is sent. */

/**
 * One row of the delivery ledger: one per (subscription, slot). A slot is claimed before
 * anything is sent, so only one process ever sends it; it ends sent, failed or skipped.
 */
export type DeliveryState = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface Delivery {
  id: number;
  subscriptionId: number;
  /** The slot's scheduled instant, ISO UTC. */
  slot: string;
  state: DeliveryState;
  /** Sent (or claimed) after its time, after the bot was down. */
  late: boolean;
  /** Sends tried so far, across retries and take-overs. */
  attempts: number;
  /** The process holding (or last holding) the claim. */
  claimedBy: string | null;
  claimedAt: string | null;
  updatedAt: string;
  /** Why it failed or was skipped. */
  error: string | null;
  /** The platform's id of the posted message, and the thread follow-ups go to. */
  messageId: string | null;
  thread: string | null;
  briefingId: number | null;
}

export interface SlotClaim {
  subscriptionId: number;
  slot: string;
  /** Who claims: a process id unique among replicas. */
  by: string;
  now: string;
  late: boolean;
  /** A claim made before this instant and never finished belongs to a process that died: it may be taken over. */
  staleBefore: string;
}

export interface ClaimedSlot {
  delivery: Delivery;
  /** True when an earlier claim was taken over: its send may have reached the platform. */
  takenOver: boolean;
}

/** Where a subscription's ledger stands: its newest slot, and its oldest slot still only claimed. */
export interface LedgerMark {
  newestSlot: string;
  oldestClaimedSlot: string | null;
}

export type DeliveryOutcome =
  | { state: 'sent'; messageId: string; thread: string; briefingId: number | null }
  | { state: 'failed'; error: string }
  | { state: 'skipped'; error: string };

export interface DeliveryLedger {
  /**
   * Claims a slot atomically: inserts its ledger row as claimed, or takes over a stale claim.
   * Null when the slot is already sent, failed, skipped, or claimed by a live process.
   */
  claim(claim: SlotClaim): Promise<ClaimedSlot | null>;
  /** Counts one more send attempt on a slot this process holds, with the briefing it sends. */
  noteAttempt(
    deliveryId: number,
    by: string,
    now: string,
    briefingId: number | null,
  ): Promise<void>;
  /** Records how a claimed slot ended; false when this process no longer holds the claim. */
  finish(deliveryId: number, by: string, outcome: DeliveryOutcome, now: string): Promise<boolean>;
  /** Records a slot as skipped without sending (missed beyond the grace window); false when it has a row. */
  skip(subscriptionId: number, slot: string, reason: string, now: string): Promise<boolean>;
  /**
   * Forgets settled ledger rows of slots before `before`, keeping each subscription's newest row
   * (where its next sweep resumes) and every open claim. Returns how many went.
   */
  prune(before: string): Promise<number>;
  /** Every subscription's ledger mark, by subscription id (none for one with no rows yet). */
  marks(): Promise<Map<number, LedgerMark>>;
  /** The subscription's ledger, newest slot first. */
  list(
    subscriptionId: number,
    options?: { state?: DeliveryState; limit?: number },
  ): Promise<Delivery[]>;
}
