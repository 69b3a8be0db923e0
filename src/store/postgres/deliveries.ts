import type {
  ClaimedSlot,
  Delivery,
  DeliveryLedger,
  DeliveryOutcome,
  DeliveryState,
  LedgerMark,
  SlotClaim,
} from '../ports/delivery-ledger.ts';
import { type DeliveryRow, toDelivery } from '../rows/delivery-row.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * The delivery ledger on PostgreSQL, safe with several processes on one database. A claim is
 * one INSERT that does nothing on the (subscription, slot) key, or one UPDATE guarded by the
 * stale claim's state and time; PostgreSQL re-checks that guard on the row it locks, so of
 * two processes racing for a slot exactly one gets a row back. Every write is one statement,
 * so none needs a transaction; the outcome is only recorded by the claim's holder.
 */

const DELIVERY_COLUMNS =
  'id, subscription_id, slot, state, late, attempts, claimed_by, claimed_at, updated_at, error, message_id, thread, briefing_id';

async function claimSlot(c: PostgresConnection, claim: SlotClaim): Promise<ClaimedSlot | null> {
  // A concurrent insert of the same slot makes this one wait for it, then do nothing.
  const [inserted] = await c.query<DeliveryRow>(
    `INSERT INTO deliveries (subscription_id, slot, state, late, attempts, claimed_by, claimed_at, updated_at)
     VALUES ($1, $2, 'claimed', $3, 0, $4, $5, $5)
     ON CONFLICT (subscription_id, slot) DO NOTHING
     RETURNING ${DELIVERY_COLUMNS}`,
    [claim.subscriptionId, claim.slot, claim.late, claim.by, claim.now],
  );
  if (inserted) return { delivery: toDelivery(inserted), takenOver: false };
  // The guard is evaluated again after the row lock, so a second taker sees the fresh claim.
  // `late` stays as first claimed: a digest found already posted went out at that time.
  const [takenOver] = await c.query<DeliveryRow>(
    `UPDATE deliveries SET claimed_by = $1, claimed_at = $2, updated_at = $2
     WHERE subscription_id = $3 AND slot = $4 AND state = 'claimed' AND claimed_at < $5
     RETURNING ${DELIVERY_COLUMNS}`,
    [claim.by, claim.now, claim.subscriptionId, claim.slot, claim.staleBefore],
  );
  return takenOver ? { delivery: toDelivery(takenOver), takenOver: true } : null;
}

async function finishDelivery(
  c: PostgresConnection,
  id: number,
  by: string,
  outcome: DeliveryOutcome,
  now: string,
): Promise<boolean> {
  const sent = outcome.state === 'sent' ? outcome : null;
  const error = outcome.state === 'sent' ? null : outcome.error;
  // A null briefing keeps the one noted by the attempt (a slot found already posted).
  const rows = await c.query<{ id: number }>(
    `UPDATE deliveries SET state = $1, error = $2, message_id = $3, thread = $4,
       briefing_id = COALESCE($5::int, briefing_id), updated_at = $6
     WHERE id = $7 AND claimed_by = $8 AND state = 'claimed'
     RETURNING id`,
    [
      outcome.state,
      error,
      sent?.messageId ?? null,
      sent?.thread ?? null,
      sent?.briefingId ?? null,
      now,
      id,
      by,
    ],
  );
  return rows.length > 0;
}

async function listDeliveries(
  c: PostgresConnection,
  subscriptionId: number,
  options: { state?: DeliveryState; limit?: number },
): Promise<Delivery[]> {
  // LIMIT NULL is no limit, as SQLite's LIMIT -1.
  const params: unknown[] = [subscriptionId, options.limit ?? null];
  let byState = '';
  if (options.state) {
    params.push(options.state);
    byState = 'AND state = $3';
  }
  const rows = await c.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM deliveries
     WHERE subscription_id = $1 ${byState}
     ORDER BY slot DESC
     LIMIT $2::int`,
    params,
  );
  return rows.map(toDelivery);
}

async function ledgerMarks(c: PostgresConnection): Promise<Map<number, LedgerMark>> {
  const rows = await c.query<{ id: number; newest: string; claimed: string | null }>(
    `SELECT subscription_id AS id, MAX(slot) AS newest,
       MIN(CASE WHEN state = 'claimed' THEN slot END) AS claimed
     FROM deliveries GROUP BY subscription_id`,
  );
  return new Map(rows.map((r) => [r.id, { newestSlot: r.newest, oldestClaimedSlot: r.claimed }]));
}

async function pruneDeliveries(c: PostgresConnection, before: string): Promise<number> {
  // One statement: the subquery sees the ledger as it was before the delete, as in SQLite.
  const [row] = await c.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM deliveries AS t
       WHERE t.slot < $1 AND t.state <> 'claimed'
         AND t.slot < (SELECT MAX(d.slot) FROM deliveries AS d
                       WHERE d.subscription_id = t.subscription_id)
       RETURNING 1
     )
     SELECT COUNT(*)::int AS n FROM gone`,
    [before],
  );
  return row?.n ?? 0;
}

export function createPostgresDeliveryLedger(c: PostgresConnection): DeliveryLedger {
  return {
    async claim(claim) {
      return claimSlot(c, claim);
    },

    async noteAttempt(deliveryId, by, now, briefingId) {
      // Only the holder of a still-open claim counts an attempt.
      await c.query(
        `UPDATE deliveries SET attempts = attempts + 1, claimed_at = $1, updated_at = $1,
           briefing_id = $2
         WHERE id = $3 AND claimed_by = $4 AND state = 'claimed'`,
        [now, briefingId, deliveryId, by],
      );
    },

    async finish(deliveryId, by, outcome, now) {
      return finishDelivery(c, deliveryId, by, outcome, now);
    },

    async skip(subscriptionId, slot, reason, now) {
      // A slot with any row (claimed or settled) is left as it is.
      const rows = await c.query<{ id: number }>(
        `INSERT INTO deliveries (subscription_id, slot, state, error, updated_at)
         VALUES ($1, $2, 'skipped', $3, $4)
         ON CONFLICT (subscription_id, slot) DO NOTHING
         RETURNING id`,
        [subscriptionId, slot, reason, now],
      );
      return rows.length > 0;
    },

    async prune(before) {
      return pruneDeliveries(c, before);
    },

    async marks() {
      return ledgerMarks(c);
    },

    async list(subscriptionId, options = {}) {
      return listDeliveries(c, subscriptionId, options);
    },
  };
}
