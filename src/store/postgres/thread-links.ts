import { BriefwireError } from '../../model/errors.ts';
import {
  THREAD_TURNS_KEPT,
  type ThreadLinks,
  type ThreadName,
  type ThreadTurn,
} from '../ports/thread-links.ts';
import type { PostgresConnection } from './connection.ts';

/**
 * Which briefing a chat thread is about, its focus and its recent turns, on PostgreSQL; the
 * same behaviour as the SQLite store (src/store/sqlite/thread-links.ts), whose checks are
 * repeated here because the layering rules keep this folder from importing that one.
 */

function isName(v: unknown): v is ThreadName {
  if (typeof v !== 'object' || v === null) return false;
  const { name, type } = v as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    (type === 'person' || type === 'organization' || type === null)
  );
}

function isTurn(v: unknown): v is ThreadTurn {
  if (typeof v !== 'object' || v === null) return false;
  const { subject, named, answered } = v as Record<string, unknown>;
  return (
    (subject === null || isName(subject)) &&
    Array.isArray(named) &&
    named.every(isName) &&
    Array.isArray(answered) &&
    answered.every(isName)
  );
}

/** The turns column read back: JSON written by addTurn, checked, since a bad row must not pass. */
function parseTurns(json: string | null, thread: string): ThreadTurn[] {
  if (json === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !value.every(isTurn))
    throw new BriefwireError(
      'STORE_FAILED',
      `thread ${thread}: its stored history is not a list of turns`,
      thread,
    );
  return value;
}

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
  };
}
