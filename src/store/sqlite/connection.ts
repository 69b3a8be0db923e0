import type Database from 'better-sqlite3';
import { BriefwireError, reasonOf } from '../../model/errors.ts';

export function storeFailed(e: unknown, location: string): BriefwireError {
  if (e instanceof BriefwireError) return e;
  return new BriefwireError('STORE_FAILED', `SQLite store failed: ${reasonOf(e)}`, location, {
    cause: e,
  });
}

/**
 * One better-sqlite3 connection shared by the aggregates' ports: statements prepared once per
 * distinct SQL (query shapes are few), and every failure reported as STORE_FAILED naming the
 * database.
 */
export class SqliteConnection {
  readonly db: Database.Database;
  readonly location: string;
  /** The clock for ingested_at and subscription times. */
  readonly now: () => Date;
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(db: Database.Database, location: string, now: () => Date) {
    this.db = db;
    this.location = location;
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

  /** Runs synchronous SQLite work, turning any failure into STORE_FAILED naming the database. */
  guard<T>(work: () => T): T {
    try {
      return work();
    } catch (e) {
      throw storeFailed(e, this.location);
    }
  }

  close(): void {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }
}
