import type Database from 'better-sqlite3';
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
import type { SqliteConnection } from './connection.ts';

/**
 * The delivery ledger on SQLite. A claim is one INSERT that fails on the (subscription, slot)
 * key, or one UPDATE guarded by the stale claim's own holder and time, so of two processes
 * racing for a slot exactly one gets a row back.
 */

export function claimSlot(db: Database.Database, c: SlotClaim): ClaimedSlot | null {
  const inserted = db
    .prepare<unknown[], DeliveryRow>(
      `INSERT INTO deliveries (subscription_id, slot, state, late, attempts, claimed_by, claimed_at, updated_at)
       VALUES (?, ?, 'claimed', ?, 0, ?, ?, ?)
       ON CONFLICT (subscription_id, slot) DO NOTHING
       RETURNING *`,
    )
    .get(c.subscriptionId, c.slot, c.late ? 1 : 0, c.by, c.now, c.now);
  if (inserted) return { delivery: toDelivery(inserted), takenOver: false };
  const takenOver = db
    .prepare<unknown[], DeliveryRow>(
      `UPDATE deliveries SET claimed_by = ?, claimed_at = ?, updated_at = ?
       WHERE subscription_id = ? AND slot = ? AND state = 'claimed' AND claimed_at < ?
       RETURNING *`,
    )
    // \`late\` stays as first claimed: a digest found already posted went out at that time.
    .get(c.by, c.now, c.now, c.subscriptionId, c.slot, c.staleBefore);
  return takenOver ? { delivery: toDelivery(takenOver), takenOver: true } : null;
}

export function noteAttempt(
  db: Database.Database,
  id: number,
  by: string,
  now: string,
  briefingId: number | null,
): void {
  db.prepare(
    `UPDATE deliveries SET attempts = attempts + 1, claimed_at = ?, updated_at = ?, briefing_id = ?
     WHERE id = ? AND claimed_by = ? AND state = 'claimed'`,
  ).run(now, now, briefingId, id, by);
}

export function finishDelivery(
  db: Database.Database,
  id: number,
  by: string,
  outcome: DeliveryOutcome,
  now: string,
): boolean {
  const sent = outcome.state === 'sent' ? outcome : null;
  const error = outcome.state === 'sent' ? null : outcome.error;
  const info = db
    .prepare(
      `UPDATE deliveries SET state = ?, error = ?, message_id = ?, thread = ?, briefing_id = COALESCE(?, briefing_id), updated_at = ?
       WHERE id = ? AND claimed_by = ? AND state = 'claimed'`,
    )
    .run(
      outcome.state,
      error,
      sent?.messageId ?? null,
      sent?.thread ?? null,
      sent?.briefingId ?? null,
      now,
      id,
      by,
    );
  return info.changes > 0;
}

export function skipSlot(
  db: Database.Database,
  subscriptionId: number,
  slot: string,
  reason: string,
  now: string,
): boolean {
  const info = db
    .prepare(
      `INSERT INTO deliveries (subscription_id, slot, state, error, updated_at)
       VALUES (?, ?, 'skipped', ?, ?)
       ON CONFLICT (subscription_id, slot) DO NOTHING`,
    )
    .run(subscriptionId, slot, reason, now);
  return info.changes > 0;
}

export function listDeliveries(
  db: Database.Database,
  subscriptionId: number,
  options: { state?: DeliveryState; limit?: number },
): Delivery[] {
  const byState = options.state ? 'AND state = ?' : '';
  const params: unknown[] = [subscriptionId, ...(options.state ? [options.state] : [])];
  return db
    .prepare<unknown[], DeliveryRow>(
      `SELECT * FROM deliveries WHERE subscription_id = ? ${byState} ORDER BY slot DESC LIMIT ?`,
    )
    .all(...params, options.limit ?? -1)
    .map(toDelivery);
}

export function ledgerMarks(db: Database.Database): Map<number, LedgerMark> {
  const rows = db
    .prepare<[], { id: number; newest: string; claimed: string | null }>(
      `SELECT subscription_id AS id, MAX(slot) AS newest,
         MIN(CASE WHEN state = 'claimed' THEN slot END) AS claimed
       FROM deliveries GROUP BY subscription_id`,
    )
    .all();
  return new Map(rows.map((r) => [r.id, { newestSlot: r.newest, oldestClaimedSlot: r.claimed }]));
}

export function pruneDeliveries(db: Database.Database, before: string): number {
  return db
    .prepare(
      `DELETE FROM deliveries
       WHERE slot < ? AND state <> 'claimed'
         AND slot < (SELECT MAX(d.slot) FROM deliveries AS d
                     WHERE d.subscription_id = deliveries.subscription_id)`,
    )
    .run(before).changes;
}

export function createSqliteDeliveryLedger(c: SqliteConnection): DeliveryLedger {
  return {
    async claim(claim) {
      return c.guard(() => claimSlot(c.db, claim));
    },
    async noteAttempt(deliveryId, by, now, briefingId) {
      c.guard(() => noteAttempt(c.db, deliveryId, by, now, briefingId));
    },
    async finish(deliveryId, by, outcome, now) {
      return c.guard(() => finishDelivery(c.db, deliveryId, by, outcome, now));
    },
    async skip(subscriptionId, slot, reason, now) {
      return c.guard(() => skipSlot(c.db, subscriptionId, slot, reason, now));
    },
    async prune(before) {
      return c.guard(() => pruneDeliveries(c.db, before));
    },
    async marks() {
      return c.guard(() => ledgerMarks(c.db));
    },
    async list(subscriptionId, options = {}) {
      return c.guard(() => listDeliveries(c.db, subscriptionId, options));
    },
  };
}
