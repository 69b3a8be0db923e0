import type Database from 'better-sqlite3';
import type {
  ChannelFilter,
  NewSubscription,
  Subscription,
  SubscriptionStore,
} from '../ports/subscriptions.ts';
import { type SubscriptionRow, toSubscription } from '../rows/subscription-row.ts';
import type { SqliteConnection } from './connection.ts';

/** Subscriptions and thread links on SQLite: plain statements, kept out of the article store class. */

export function saveSubscription(
  db: Database.Database,
  s: NewSubscription,
  now: string,
): Subscription {
  const row = db
    .prepare<unknown[], SubscriptionRow>(
      `INSERT INTO subscriptions (platform, workspace, channel, topic, schedule, timezone, created_by, created_at, when_empty, scheduled_from)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, workspace, channel, topic)
       DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
         when_empty = excluded.when_empty, active = 1, paused_reason = NULL,
         scheduled_from = CASE
           WHEN subscriptions.schedule = excluded.schedule AND subscriptions.timezone = excluded.timezone
             AND subscriptions.active = 1 THEN subscriptions.scheduled_from
           ELSE excluded.scheduled_from END
       RETURNING *`,
    )
    .get(
      s.platform,
      s.workspace ?? '',
      s.channel,
      s.topic,
      s.schedule,
      s.timezone,
      s.createdBy,
      now,
      s.whenEmpty ?? 'note',
      now,
    );
  return toSubscription(row!);
}

export function listSubscriptions(db: Database.Database, f: ChannelFilter): Subscription[] {
  const conditions: Array<[string, unknown]> = [];
  if (f.platform !== undefined) conditions.push(['platform = ?', f.platform]);
  if (f.workspace !== undefined) conditions.push(['workspace = ?', f.workspace ?? '']);
  if (f.channel !== undefined) conditions.push(['channel = ?', f.channel]);
  const where = conditions.map(([c]) => c);
  const params = conditions.map(([, v]) => v);
  const sql = `SELECT * FROM subscriptions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY topic, id`;
  return db
    .prepare<unknown[], SubscriptionRow>(sql)
    .all(...params)
    .map(toSubscription);
}

export function removeSubscription(
  db: Database.Database,
  f: ChannelFilter & { platform: string; channel: string },
  topic: string,
): boolean {
  const info = db
    .prepare(
      'DELETE FROM subscriptions WHERE platform = ? AND workspace = ? AND channel = ? AND topic = ?',
    )
    .run(f.platform, f.workspace ?? '', f.channel, topic);
  return info.changes > 0;
}

export function getSubscription(db: Database.Database, id: number): Subscription | null {
  const row = db
    .prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?')
    .get(id);
  return row ? toSubscription(row) : null;
}

export function removeSubscriptionById(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0;
}

export function setSubscriptionPaused(
  db: Database.Database,
  id: number,
  reason: string | null,
  now: string,
): void {
  if (reason === null)
    db.prepare(
      'UPDATE subscriptions SET active = 1, paused_reason = NULL, scheduled_from = ? WHERE id = ? AND active = 0',
    ).run(now, id);
  else
    db.prepare('UPDATE subscriptions SET active = 0, paused_reason = ? WHERE id = ?').run(
      reason,
      id,
    );
}

export function createSqliteSubscriptions(c: SqliteConnection): SubscriptionStore {
  return {
    async save(sub) {
      return c.guard(() => saveSubscription(c.db, sub, c.now().toISOString()));
    },
    async list(filter) {
      return c.guard(() => listSubscriptions(c.db, filter));
    },
    async remove(channel, topic) {
      return c.guard(() => removeSubscription(c.db, channel, topic));
    },
    async get(id) {
      return c.guard(() => getSubscription(c.db, id));
    },
    async removeById(id) {
      return c.guard(() => removeSubscriptionById(c.db, id));
    },
    async setPaused(id, reason, now) {
      c.guard(() => setSubscriptionPaused(c.db, id, reason, now));
    },
  };
}
