import type Database from 'better-sqlite3';
import { BRIEFWIRE_APPLICATION_ID, MIGRATIONS, MIGRATIONS_TABLE_COLUMNS } from './migrations.ts';

/** Whose a SQLite database is, told by reading only. */
export type DatabaseOwner =
  | { owner: 'none' }
  | { owner: 'briefwire' }
  | { owner: 'other'; why: string };

/**
 * Reads (never writes) what tells a Briefwire store from another application's database:
 * our application id in the header; or, in a store made before the id was set, our
 * migrations table with our first migration recorded. A database with no schema at all is
 * nobody's yet. Must run before anything that writes, journal mode included.
 */
export function ownerOf(db: Database.Database): DatabaseOwner {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  if (applicationId === BRIEFWIRE_APPLICATION_ID) return { owner: 'briefwire' };
  if (applicationId !== 0) {
    return {
      owner: 'other',
      why: `its application id is 0x${(applicationId >>> 0).toString(16)}, not Briefwire's`,
    };
  }
  const objects = db
    .prepare<[], { name: string }>('SELECT name FROM sqlite_master')
    .all()
    .map((r) => r.name);
  if (objects.length === 0) return { owner: 'none' };
  if (objects.includes('schema_migrations') && isOurMigrationsTable(db, objects.length)) {
    return { owner: 'briefwire' };
  }
  return { owner: 'other', why: 'it holds tables that Briefwire did not make' };
}

/**
 * Other tools name their table schema_migrations too, so the columns must be ours and our
 * first migration recorded (or the table be all there is: a store that stopped right after
 * creating it).
 */
function isOurMigrationsTable(db: Database.Database, objectCount: number): boolean {
  const columns = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('schema_migrations')")
    .all()
    .map((r) => r.name);
  if (columns.join(',') !== MIGRATIONS_TABLE_COLUMNS.join(',')) return false;
  if (objectCount === 1) return true;
  const first = MIGRATIONS[0];
  if (!first) return false;
  return (
    db
      .prepare<[number, string], { version: number }>(
        'SELECT version FROM schema_migrations WHERE version = ? AND name = ?',
      )
      .get(first.version, first.name) !== undefined
  );
}
