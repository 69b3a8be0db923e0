import { THREAD_TURNS_KEPT, type ThreadLinks } from '../ports/thread-links.ts';
import { dayBefore, requireInstant } from '../rows/instant.ts';
import { parseTurns } from '../rows/thread-turns.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * Which briefing a chat thread is about, its focus and its recent turns, on PostgreSQL; the
 * same behaviour as the SQLite store (src/store/sqlite/thread-links.ts), with the same check
 * of the stored turns (src/store/rows/thread-turns.ts).
 */

export function createPostgresThreadLinks(c: PostgresConnection): ThreadLinks {
  return {
    async link(thread, briefingId) {
      // Linking again moves the thread to the new briefing; its focus and turns stay.
      await c.query(
        `INSERT INTO thread_links (thread, briefing_id) VALUES ($1, $2)
         ON CONFLICT (thread) DO UPDATE SET briefing_id = excluded.briefing_id`,
        [thread, briefingId],
      );
    },

    async briefingFor(thread) {
      const [row] = await c.query<{ briefing_id: number }>(
        'SELECT briefing_id FROM thread_links WHERE thread = $1',
        [thread],
      );
      return row ? row.briefing_id : null;
    },

    async setFocus(thread, focus) {
      // A thread that is not linked has no row, so nothing is remembered for it.
      await c.query('UPDATE thread_links SET focus = $1 WHERE thread = $2', [focus, thread]);
    },

    async focus(thread) {
      const [row] = await c.query<{ focus: string | null }>(
        'SELECT focus FROM thread_links WHERE thread = $1',
        [thread],
      );
      return row?.focus ?? null;
    },

    async addTurn(thread, turn) {
      // Read, append and write under the row's lock, so two replicas answering in the same
      // thread lose no turn.
      await c.transaction(async (q) => {
        const [row] = await q.query<{ turns: string | null }>(
          'SELECT turns FROM thread_links WHERE thread = $1 FOR UPDATE',
          [thread],
        );
        if (!row) return;
        const kept = [...parseTurns(row.turns, thread), turn].slice(-THREAD_TURNS_KEPT);
        await q.query(
          'UPDATE thread_links SET turns = $1, focus = COALESCE($2, focus) WHERE thread = $3',
          [JSON.stringify(kept), turn.subject?.name ?? null, thread],
        );
      });
    },

    async turns(thread) {
      const [row] = await c.query<{ turns: string | null }>(
        'SELECT turns FROM thread_links WHERE thread = $1',
        [thread],
      );
      return row ? parseTurns(row.turns, thread) : [];
    },

    async firstHandling(event, at) {
      const when = requireInstant(at, 'at');
      await c.query('DELETE FROM handled_events WHERE at < $1', [dayBefore(when)]);
      // The primary key decides between replicas: only one insert of an event returns a row.
      const rows = await c.query<{ event: string }>(
        'INSERT INTO handled_events (event, at) VALUES ($1, $2) ON CONFLICT (event) DO NOTHING RETURNING event',
        [event, when],
      );
      return rows.length === 1;
    },
  };
}
