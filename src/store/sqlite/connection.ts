import type Database from 'better-sqlite3';
import { storeError } from './store-errors.ts';

/**
 * One better-sqlite3 connection shared by the aggregates' ports: statements prepared once per
 * distinct SQL (query shapes are few), and every failure reported as STORE_FAILED (STORE_BUSY
 * when another process held the lock too long) naming the database.
 */
export class SqliteConnection {
  readonly db: Database.Database;
  readonly location: string;
  /** How long a statement waits for another process's lock; named in STORE_BUSY messages. */
  readonly busyTimeoutMs: number;
  /** The clock for ingested_at and subscription times. */
  readonly now: () => Date;
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(db: Database.Database, location: string, busyTimeoutMs: number, now: () => Date) {
    this.db = db;
    this.location = location;
    this.busyTimeoutMs = busyTimeoutMs;
    this.now = now;
  }

  prepare(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], unknown>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  all<R>(sql: string, params: readonly unknown[]): R[] {
    return this.prepare(sql).all(...params) as R[];
  }

  /** Runs synchronous SQLite work, turning any failure into a store error naming the database. */
  guard<T>(work: () => T): T {
    try {
      return work();
    } catch (e) {
      throw storeError(e, this.location, this.busyTimeoutMs);
    }
  }

  close(): void {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }
}
