import { BriefwireError, reasonOf } from '../../model/errors.ts';

/**
 * How long a connection waits for another process's lock before giving up: long enough for a
 * concurrent ingest's per-file commit, short enough that a stuck process is reported.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** better-sqlite3 refuses a larger timeout. */
const MAX_BUSY_TIMEOUT_MS = 0x7fffffff;

/** A usable busy timeout: whole milliseconds, 0 to the driver's maximum; the default if unset. */
export function busyTimeoutOf(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms)) return DEFAULT_BUSY_TIMEOUT_MS;
  return Math.min(MAX_BUSY_TIMEOUT_MS, Math.max(0, Math.floor(ms)));
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …): another connection's lock. */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Any failure of SQLite work as a BriefwireError whose message names the database, since a
 * person running several stores (or a cron job's log) has nothing else to tell them apart.
 */
export function storeError(e: unknown, location: string, busyTimeoutMs: number): BriefwireError {
  if (e instanceof BriefwireError) return e;
  if (isBusy(e)) {
    return new BriefwireError(
      'STORE_BUSY',
      `${location}: the database is busy (another process held its write lock for more than ${busyTimeoutMs / 1000} s)`,
      location,
      { cause: e },
    );
  }
  return new BriefwireError(
    'STORE_FAILED',
    `SQLite store ${location} failed: ${reasonOf(e)}`,
    location,
    {
      cause: e,
    },
  );
}
