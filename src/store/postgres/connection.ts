import type pg from 'pg';
import { BriefwireError, reasonOf } from '../../model/errors.ts';

/**
 * One pool of PostgreSQL connections shared by the aggregates' ports. Every failure is a
 * BriefwireError naming the database (its URL without the password): STORE_UNAVAILABLE when
 * the server cannot be reached, STORE_FAILED otherwise.
 */

export type Row = Record<string, unknown>;

/** What a port runs its SQL on: the pool, or one client inside a transaction. */
export interface Queryable {
  query<R extends Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** Network failures: the server is down, unreachable, or went away mid-query. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);

/** The URL as it may be shown: the password replaced. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return 'the database host';
  }
}

export function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(
    message,
  );
}

export function storeError(e: unknown, url: string): BriefwireError {
  if (e instanceof BriefwireError) return e;
  const shown = redactedUrl(url);
  if (isUnreachable(e)) {
    return new BriefwireError(
      'STORE_UNAVAILABLE',
      `PostgreSQL at ${hostOf(url)} is not reachable (${reasonOf(e)}); database ${shown}`,
      shown,
      { cause: e },
    );
  }
  return new BriefwireError(
    'STORE_FAILED',
    `PostgreSQL store ${shown} failed: ${reasonOf(e)}`,
    shown,
    {
      cause: e,
    },
  );
}

export class PostgresConnection implements Queryable {
  readonly pool: pg.Pool;
  readonly url: string;
  /** The clock for ingested_at and subscription times. */
  readonly now: () => Date;

  constructor(pool: pg.Pool, url: string, now: () => Date) {
    this.pool = pool;
    this.url = url;
    this.now = now;
  }

  async query<R extends Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    try {
      const result = await this.pool.query<R>(sql, params as unknown[]);
      return result.rows;
    } catch (e) {
      throw storeError(e, this.url);
    }
  }

  /** Runs `work` in one transaction on one client; rolled back when it throws. */
  async transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw storeError(e, this.url);
    }
    const q: Queryable = {
      query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
        (await client.query<R>(sql, params as unknown[])).rows,
    };
    try {
      await client.query('BEGIN');
      const result = await work(q);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw storeError(e, this.url);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
