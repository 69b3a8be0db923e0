import type pg from 'pg';
import { BriefwireError } from '../../model/errors.ts';
import { SCHEMA_V1 } from './schema.ts';

/** One schema step, applied in ascending order, each exactly once. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export const PG_MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: 'the schema of SQLite migration 10', sql: SCHEMA_V1 },
  {
    version: 2,
    name: 'feed leases',
    sql: 'ALTER TABLE feeds ADD COLUMN lease_by TEXT, ADD COLUMN lease_until TEXT COLLATE "C";',
  },
  {
    version: 3,
    name: 'handled chat events',
    sql: `CREATE TABLE handled_events (event TEXT PRIMARY KEY, at TEXT COLLATE "C" NOT NULL);
      CREATE INDEX handled_events_at ON handled_events (at);`,
  },
  {
    version: 4,
    name: 'settings',
    sql: 'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
  },
  {
    version: 5,
    name: 'web sign-ins and sessions',
    sql: `CREATE TABLE web_signins (
  token_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  user_id TEXT NOT NULL,
  can_manage BOOLEAN NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL,
  used_at TEXT COLLATE "C"
);
CREATE INDEX web_signins_by_user ON web_signins (platform, workspace, user_id, created_at);
CREATE TABLE web_sessions (
  id_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  user_id TEXT NOT NULL,
  can_manage BOOLEAN NOT NULL,
  csrf TEXT NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);`,
  },
];

/**
 * The advisory lock every replica takes before migrating: two replicas starting together
 * wait for each other, and the second finds nothing left to do. A fixed 64-bit key
 * ("Brfw" and "migr" in ASCII) that no other application is likely to use.
 */
export const MIGRATION_LOCK = '4788002016971024242';

/**
 * Applies the migrations not yet recorded, each in its own transaction, holding the
 * advisory lock throughout. Returns the versions applied by this call.
 */
export async function migratePostgres(
  client: pg.PoolClient,
  label: string,
  migrations: readonly PostgresMigration[] = PG_MIGRATIONS,
): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const sorted = [...migrations].sort((a, b) => a.version - b.version);
    const newestKnown = sorted.at(-1)?.version ?? 0;
    const rows = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.rows.map((r) => r.version));
    const latest = Math.max(0, ...done);
    if (latest > newestKnown) {
      throw new BriefwireError(
        'STORE_FAILED',
        `${label}: database schema version ${latest} is newer than this Briefwire supports (${newestKnown}); upgrade Briefwire to open it`,
        label,
      );
    }
    const applied: number[] = [];
    for (const m of sorted) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
          [m.version, m.name, new Date().toISOString()],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]);
  }
}

export async function appliedPostgresVersions(client: pg.Pool | pg.PoolClient): Promise<number[]> {
  const rows = await client.query<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  return rows.rows.map((r) => r.version);
}
