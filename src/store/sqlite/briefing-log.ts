import type { BriefingLog } from '../ports/briefing-log.ts';
import { BRIEFING_COLUMNS, type BriefingRow, toStoredBriefing } from '../rows/briefing-row.ts';
import type { SqliteConnection } from './connection.ts';

export function createSqliteBriefingLog(c: SqliteConnection): BriefingLog {
  return {
    async save(b) {
      return c.guard(() => {
        const sql =
          'INSERT INTO briefings (topic, audience, created_at, window, article_ids, delivered) VALUES (?, ?, ?, ?, ?, ?)';
        const info = c
          .prepare(sql)
          .run(
            b.topic,
            b.audience,
            b.createdAt,
            b.window,
            JSON.stringify(b.articleIds),
            b.delivered === false ? 0 : 1,
          );
        return Number(info.lastInsertRowid);
      });
    },

    async get(id) {
      return c.guard(() => {
        const sql = `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE id = ?`;
        const [row] = c.all<BriefingRow>(sql, [id]);
        return row ? toStoredBriefing(row) : null;
      });
    },

    async last(topic, audience) {
      return c.guard(() => {
        const sql = `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE topic = ? AND audience = ? AND delivered = 1 ORDER BY created_at DESC, id DESC LIMIT 1`;
        const [row] = c.all<BriefingRow>(sql, [topic, audience]);
        return row ? toStoredBriefing(row) : null;
      });
    },

    async recent(topic, limit) {
      return c.guard(() => {
        const sql = `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE topic = ? AND delivered = 1 ORDER BY created_at DESC, id DESC LIMIT ?`;
        return c.all<BriefingRow>(sql, [topic, limit]).map(toStoredBriefing);
      });
    },

    async markDelivered(id) {
      c.guard(() => c.prepare('UPDATE briefings SET delivered = 1 WHERE id = ?').run(id));
    },
  };
}
