import Database from 'better-sqlite3';
import { BriefwireError } from '../../model/errors.ts';
import type { Stores } from '../ports/port.ts';
import { createSqliteArchive } from './archive.ts';
import { createSqliteArticleStore } from './articles.ts';
import { createSqliteBriefingLog } from './briefing-log.ts';
import { SqliteConnection } from './connection.ts';
import { checkDatabaseFile } from './database-file.ts';
import { createSqliteDeliveryLedger } from './deliveries.ts';
import { createSqliteFeedStore } from './feeds.ts';
import { ownerOf } from './identity.ts';
import { appliedVersions, MIGRATIONS, type Migration, migrate } from './migrations.ts';
import { createSqliteSettings } from './settings.ts';
import { busyTimeoutOf, storeError } from './store-errors.ts';
import { createSqliteSubscriptions } from './subscriptions.ts';
import { createSqliteThreadLinks } from './thread-links.ts';
import { createSqliteWebAccess } from './web-access.ts';

export interface SqliteStoreOptions {
  /** Defaults to MIGRATIONS; tests pass other lists to exercise upgrades. */
  migrations?: readonly Migration[];
  /** How long a statement waits for another process's lock before failing with STORE_BUSY. */
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

/** True for a location SQLite does not read as a file path (better-sqlite3 has URIs off). */
function isInMemory(location: string): boolean {
  return location.trim() === '' || location.trim() === ':memory:';
}

/**
 * Opens (creating if needed) and migrates a SQLite database. The parent directory must exist.
 * A database that is not empty and not Briefwire's is refused before anything is written to it
 * (STORE_FOREIGN); every failure names the database.
 */
export function openSqliteStore(location: string, options: SqliteStoreOptions = {}): SqliteStores {
  const busyTimeoutMs = busyTimeoutOf(options.busyTimeoutMs);
  let db: Database.Database | undefined;
  try {
    // better-sqlite3 trims the name it is given; look at the same file it will open.
    if (!isInMemory(location)) checkDatabaseFile(location.trim());
    // The timeout applies from the first statement: a reader blocked by another process's
    // exclusive lock, switching to WAL, and IMMEDIATE transactions all wait this long.
    db = new Database(location, { timeout: busyTimeoutMs });
    const owner = ownerOf(db);
    if (owner.owner === 'other') {
      throw new BriefwireError(
        'STORE_FOREIGN',
        `${location} is not a Briefwire database (${owner.why}); it was left unchanged`,
        location,
      );
    }
    // WAL lets readers (a chat thread, a digest) run while ingest writes; NORMAL sync is safe
    // under WAL against process crashes, which is the failure we have to survive.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (e) {
    db?.close();
    throw storeError(e, location, busyTimeoutMs);
  }
  const c = new SqliteConnection(db, location, busyTimeoutMs, options.now ?? (() => new Date()));
  return {
    location,
    articles: createSqliteArticleStore(c),
    briefings: createSqliteBriefingLog(c),
    subscriptions: createSqliteSubscriptions(c),
    deliveries: createSqliteDeliveryLedger(c),
    threads: createSqliteThreadLinks(c),
    settings: createSqliteSettings(c),
    webAccess: createSqliteWebAccess(c),
    feeds: createSqliteFeedStore(c),
    archive: createSqliteArchive(c),
    diagnostics() {
      return c.guard(() => ({
        journalMode: String(c.db.pragma('journal_mode', { simple: true })),
        foreignKeys: Number(c.db.pragma('foreign_keys', { simple: true })) === 1,
        busyTimeoutMs: Number(c.db.pragma('busy_timeout', { simple: true })),
        schemaVersions: appliedVersions(c.db),
      }));
    },
    async schemaVersions() {
      return c.guard(() => appliedVersions(c.db));
    },
    async close() {
      c.close();
    },
  };
}
