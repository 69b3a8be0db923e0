import { BriefwireError } from '../model/errors.ts';
import type { Stores } from './ports/port.ts';
import { ensureParentDirectory } from './sqlite/database-file.ts';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export interface StoreOptions {
  /**
   * How long a statement waits for another process's lock (a concurrent ingest's commit)
   * before failing with STORE_BUSY; 5000 ms when unset.
   */
  busyTimeoutMs?: number;
  /** The time the store writes into rows it stamps (claims, leases, ingest times); the system clock by default. */
  now?: () => Date;
}

/** True for a location that names an in-memory or URI database rather than a file path. */
function isSpecialSqlite(location: string): boolean {
  return location === ':memory:' || location.startsWith('file:');
}

/**
 * The store for a `--db` / BRIEFWIRE_DB / DATABASE_URL value: a `postgres://` URL or a SQLite
 * file path (its directory is created when missing; ':memory:' for a throwaway store).
 */
export async function createStore(location: string, options: StoreOptions = {}): Promise<Stores> {
  if (location.trim() === '') {
    throw new BriefwireError('CONFIG_INVALID', 'The database location is empty', location);
  }
  // Each driver loads only when its store is opened: pg would cost a SQLite user start-up time.
  if (POSTGRES_URL.test(location)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(location.trim(), options.now ? { now: options.now } : {});
  }
  if (!isSpecialSqlite(location)) ensureParentDirectory(location);
  const { openSqliteStore } = await import('./sqlite/sqlite-store.ts');
  return openSqliteStore(location, options);
}
