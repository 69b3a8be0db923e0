import type { BriefingLog, StoredBriefing } from '../ports/briefing-log.ts';
import type { SqliteConnection } from './connection.ts';

const BRIEFING_COLUMNS = 'id, topic, audience, created_at, window, article_ids, delivered';

interface BriefingRow {
  id: number;
  topic: string;
  audience: string;
  created_at: string;
  window: string;
  article_ids: string;
  delivered: number;
}

function toStoredBriefing(row: BriefingRow): StoredBriefing {
  return {
    id: row.id,
    topic: row.topic,
    audience: row.audience,
    createdAt: row.created_at,
    window: row.window,
    articleIds: JSON.parse(row.article_ids) as number[],
    delivered: row.delivered === 1,
  };
}

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

    async markDelivered(id) {
      c.guard(() => c.prepare('UPDATE briefings SET delivered = 1 WHERE id = ?').run(id));
    },
  };
}
