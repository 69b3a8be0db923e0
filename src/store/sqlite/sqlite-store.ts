import Database from 'better-sqlite3';
import type { Stores } from '../ports/port.ts';
import { createSqliteArticleStore } from './articles.ts';
import { createSqliteBriefingLog } from './briefing-log.ts';
import { SqliteConnection, storeFailed } from './connection.ts';
import { createSqliteDeliveryLedger } from './deliveries.ts';
import { appliedVersions, MIGRATIONS, type Migration, migrate } from './migrations.ts';
import { createSqliteSubscriptions } from './subscriptions.ts';
import { createSqliteThreadLinks } from './thread-links.ts';

export interface SqliteStoreOptions {
  /** Defaults to MIGRATIONS; tests pass other lists to exercise upgrades. */
  migrations?: readonly Migration[];
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  /** The clock for ingested_at. */
  now?: () => Date;
}

export interface SqliteDiagnostics {
  journalMode: string;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  schemaVersions: number[];
}

/** The ports on one SQLite connection, and what tests may ask of the connection itself. */
export interface SqliteStores extends Stores {
  readonly location: string;
  /** The connection settings and schema state, for tests and a future `doctor` command. */
  diagnostics(): SqliteDiagnostics;
}

/** Opens (creating if needed) and migrates a SQLite database. The parent directory must exist. */
export function openSqliteStore(location: string, options: SqliteStoreOptions = {}): SqliteStores {
  let db: Database.Database | undefined;
  try {
    db = new Database(location);
    // busy_timeout first, so switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    // WAL lets readers (a chat thread, a digest) run while ingest writes; NORMAL sync is safe
    // under WAL against process crashes, which is the failure we have to survive.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (e) {
    db?.close();
    throw storeFailed(e, location);
  }
  const c = new SqliteConnection(db, location, options.now ?? (() => new Date()));
  return {
    location,
    articles: createSqliteArticleStore(c),
    briefings: createSqliteBriefingLog(c),
    subscriptions: createSqliteSubscriptions(c),
    deliveries: createSqliteDeliveryLedger(c),
    threads: createSqliteThreadLinks(c),
    diagnostics() {
      return c.guard(() => ({
        journalMode: String(c.db.pragma('journal_mode', { simple: true })),
        foreignKeys: Number(c.db.pragma('foreign_keys', { simple: true })) === 1,
        busyTimeoutMs: Number(c.db.pragma('busy_timeout', { simple: true })),
        schemaVersions: appliedVersions(c.db),
      }));
    },
    async close() {
      c.close();
    },
  };
}
