import type Database from 'better-sqlite3';
import type { ThreadLinks } from '../ports/thread-links.ts';
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
  };
}
