import type { BriefingLog } from '../ports/briefing-log.ts';
import { BRIEFING_COLUMNS, type BriefingRow, toStoredBriefing } from '../rows/briefing-row.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * The briefing log on PostgreSQL: the SQLite log's statements, with `delivered` a real
 * BOOLEAN and the article ids kept as JSON text, read back whole.
 */

export function createPostgresBriefingLog(c: PostgresConnection): BriefingLog {
  return {
    async save(b) {
      const [row] = await c.query<{ id: number }>(
        `INSERT INTO briefings (topic, audience, created_at, "window", article_ids, delivered)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id`,
        [
          b.topic,
          b.audience,
          b.createdAt,
          b.window,
          JSON.stringify(b.articleIds),
          b.delivered !== false,
        ],
      );
      // RETURNING always yields the inserted row; a missing one would be a driver fault.
      if (!row) throw new Error('INSERT INTO briefings returned no id');
      return row.id;
    },

    async get(id) {
      const [row] = await c.query<BriefingRow>(
        `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE id = $1`,
        [id],
      );
      return row ? toStoredBriefing(row) : null;
    },

    async last(topic, audience) {
      // Ties in time go to the later insert, as in SQLite: id breaks them.
      const [row] = await c.query<BriefingRow>(
        `SELECT ${BRIEFING_COLUMNS} FROM briefings
         WHERE topic = $1 AND audience = $2 AND delivered
         ORDER BY created_at DESC, id DESC
         LIMIT 1`,
        [topic, audience],
      );
      return row ? toStoredBriefing(row) : null;
    },

    async recent(topic, limit) {
      const rows = await c.query<BriefingRow>(
        `SELECT ${BRIEFING_COLUMNS} FROM briefings
         WHERE topic = $1 AND delivered
         ORDER BY created_at DESC, id DESC
         LIMIT $2`,
        [topic, limit],
      );
      return rows.map(toStoredBriefing);
    },

    async markDelivered(id) {
      await c.query('UPDATE briefings SET delivered = true WHERE id = $1', [id]);
    },
  };
}
