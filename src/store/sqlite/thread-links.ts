import type Database from 'better-sqlite3';
import { THREAD_TURNS_KEPT, type ThreadLinks, type ThreadTurn } from '../ports/thread-links.ts';
import { dayBefore, requireInstant } from '../rows/instant.ts';
import { parseTurns } from '../rows/thread-turns.ts';
import type { SqliteConnection } from './connection.ts';

export function linkThread(db: Database.Database, thread: string, briefingId: number): void {
  db.prepare(
    'INSERT INTO thread_links (thread, briefing_id) VALUES (?, ?) ON CONFLICT (thread) DO UPDATE SET briefing_id = excluded.briefing_id',
  ).run(thread, briefingId);
}

export function briefingForThread(db: Database.Database, thread: string): number | null {
  const row = db
    .prepare<[string], { briefing_id: number }>(
      'SELECT briefing_id FROM thread_links WHERE thread = ?',
    )
    .get(thread);
  return row ? row.briefing_id : null;
}

export function setThreadFocus(db: Database.Database, thread: string, focus: string | null): void {
  db.prepare('UPDATE thread_links SET focus = ? WHERE thread = ?').run(focus, thread);
}

export function threadFocus(db: Database.Database, thread: string): string | null {
  const row = db
    .prepare<[string], { focus: string | null }>('SELECT focus FROM thread_links WHERE thread = ?')
    .get(thread);
  return row?.focus ?? null;
}

export function threadTurns(db: Database.Database, thread: string): ThreadTurn[] {
  const row = db
    .prepare<[string], { turns: string | null }>('SELECT turns FROM thread_links WHERE thread = ?')
    .get(thread);
  return row ? parseTurns(row.turns, thread) : [];
}

/** Read, append and write in one IMMEDIATE transaction, so two replicas lose no turn. */
export function addThreadTurn(db: Database.Database, thread: string, turn: ThreadTurn): void {
  db.transaction(() => {
    const kept = [...threadTurns(db, thread), turn].slice(-THREAD_TURNS_KEPT);
    db.prepare(
      'UPDATE thread_links SET turns = ?, focus = coalesce(?, focus) WHERE thread = ?',
    ).run(JSON.stringify(kept), turn.subject?.name ?? null, thread);
  }).immediate();
}

export function createSqliteThreadLinks(c: SqliteConnection): ThreadLinks {
  return {
    async link(thread, briefingId) {
      c.guard(() => linkThread(c.db, thread, briefingId));
    },
    async briefingFor(thread) {
      return c.guard(() => briefingForThread(c.db, thread));
    },
    async setFocus(thread, focus) {
      c.guard(() => setThreadFocus(c.db, thread, focus));
    },
    async focus(thread) {
      return c.guard(() => threadFocus(c.db, thread));
    },
    async addTurn(thread, turn) {
      c.guard(() => addThreadTurn(c.db, thread, turn));
    },
    async turns(thread) {
      return c.guard(() => threadTurns(c.db, thread));
    },

    async firstHandling(event, at) {
      const when = requireInstant(at, 'at');
      return c.guard(() => {
        c.prepare('DELETE FROM handled_events WHERE at < ?').run(dayBefore(when));
        const info = c
          .prepare(
            'INSERT INTO handled_events (event, at) VALUES (?, ?) ON CONFLICT (event) DO NOTHING',
          )
          .run(event, when);
        return info.changes === 1;
      });
    },
  };
}
