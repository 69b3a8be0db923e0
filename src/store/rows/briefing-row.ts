import type { StoredBriefing } from '../ports/briefing-log.ts';
import { type Flag, flag } from './columns.ts';

/**
 * The columns BriefingRow holds. `window` is a reserved word in PostgreSQL, so it is quoted;
 * SQLite reads the quoted name the same.
 */
export const BRIEFING_COLUMNS = 'id, topic, audience, created_at, "window", article_ids, delivered';

/** A briefings row as either driver gives it; the article ids are JSON text, read back whole. */
export type BriefingRow = {
  id: number;
  topic: string;
  audience: string;
  created_at: string;
  window: string;
  article_ids: string;
  delivered: Flag;
};

export function toStoredBriefing(row: BriefingRow): StoredBriefing {
  return {
    id: row.id,
    topic: row.topic,
    audience: row.audience,
    createdAt: row.created_at,
    window: row.window,
    articleIds: JSON.parse(row.article_ids) as number[],
    delivered: flag(row.delivered),
  };
}
