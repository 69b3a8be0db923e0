import type {
  ChannelFilter,
  NewSubscription,
  Subscription,
  SubscriptionStore,
} from '../ports/subscriptions.ts';
import { type SubscriptionRow, toSubscription } from '../rows/subscription-row.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * Subscriptions on PostgreSQL: the SQLite store's statements, one each, so none needs a
 * transaction. A null workspace is stored as '' so that the unique key covers it (NULLs
 * would never conflict), and read back as null.
 */

const SUBSCRIPTION_COLUMNS =
  'id, platform, workspace, channel, topic, schedule, timezone, created_by, created_at, active, paused_reason, when_empty, scheduled_from';

/**
 * One upsert: a second save for the channel and topic updates it and resumes it; its schedule
 * runs from now unless the schedule, zone and activity are unchanged (then no slot is lost).
 */
async function saveSubscription(
  c: PostgresConnection,
  s: NewSubscription,
  now: string,
): Promise<Subscription> {
  const [row] = await c.query<SubscriptionRow>(
    `INSERT INTO subscriptions (platform, workspace, channel, topic, schedule, timezone, created_by, created_at, when_empty, scheduled_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8)
     ON CONFLICT (platform, workspace, channel, topic)
     DO UPDATE SET schedule = EXCLUDED.schedule, timezone = EXCLUDED.timezone,
       when_empty = EXCLUDED.when_empty, active = true, paused_reason = NULL,
       scheduled_from = CASE
         WHEN subscriptions.schedule = EXCLUDED.schedule AND subscriptions.timezone = EXCLUDED.timezone
           AND subscriptions.active THEN subscriptions.scheduled_from
         ELSE EXCLUDED.scheduled_from END
     RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [
      s.platform,
      s.workspace ?? '',
      s.channel,
      s.topic,
      s.schedule,
      s.timezone,
      s.createdBy,
      now,
      s.whenEmpty ?? 'note',
    ],
  );
  // An upsert with RETURNING always yields its row; a missing one would be a driver fault.
  if (!row) throw new Error('INSERT INTO subscriptions returned no row');
  return toSubscription(row);
}

async function listSubscriptions(c: PostgresConnection, f: ChannelFilter): Promise<Subscription[]> {
  // Only the column names are built into the SQL; every value is a numbered parameter.
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: unknown): void => {
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  if (f.platform !== undefined) add('platform', f.platform);
  if (f.workspace !== undefined) add('workspace', f.workspace ?? '');
  if (f.channel !== undefined) add('channel', f.channel);
  const rows = await c.query<SubscriptionRow>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY topic COLLATE "C", id`,
    params,
  );
  return rows.map(toSubscription);
}

export function createPostgresSubscriptions(c: PostgresConnection): SubscriptionStore {
  return {
    async save(sub) {
      return saveSubscription(c, sub, c.now().toISOString());
    },

    async list(filter) {
      return listSubscriptions(c, filter);
    },

    async remove(channel, topic) {
      const rows = await c.query<{ id: number }>(
        `DELETE FROM subscriptions
         WHERE platform = $1 AND workspace = $2 AND channel = $3 AND topic = $4
         RETURNING id`,
        [channel.platform, channel.workspace ?? '', channel.channel, topic],
      );
      return rows.length > 0;
    },

    async get(id) {
      const [row] = await c.query<SubscriptionRow>(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1`,
        [id],
      );
      return row ? toSubscription(row) : null;
    },

    async removeById(id) {
      // The ledger goes with it: deliveries reference subscriptions ON DELETE CASCADE.
      const rows = await c.query<{ id: number }>(
        'DELETE FROM subscriptions WHERE id = $1 RETURNING id',
        [id],
      );
      return rows.length > 0;
    },

    async setPaused(id, reason, now) {
      if (reason === null)
        // Only a paused one resumes, so resuming an active one keeps the slots it owes.
        await c.query(
          `UPDATE subscriptions SET active = true, paused_reason = NULL, scheduled_from = $1
           WHERE id = $2 AND NOT active`,
          [now, id],
        );
      else
        await c.query('UPDATE subscriptions SET active = false, paused_reason = $1 WHERE id = $2', [
          reason,
          id,
        ]);
    },
  };
}
