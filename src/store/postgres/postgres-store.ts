import pg from 'pg';
import type { Stores } from '../ports/port.ts';
import { createPostgresArchive } from './archive.ts';
import { createPostgresArticleStore } from './articles.ts';
import { createPostgresBriefingLog } from './briefing-log.ts';
import { PostgresConnection, redactedUrl, storeError } from './connection.ts';
import { createPostgresDeliveryLedger } from './deliveries.ts';
import { createPostgresFeedStore } from './feeds.ts';
import {
  appliedPostgresVersions,
  migratePostgres,
  PG_MIGRATIONS,
  type PostgresMigration,
} from './migrations.ts';
import { createPostgresSettings } from './settings.ts';
import { createPostgresSubscriptions } from './subscriptions.ts';
import { createPostgresThreadLinks } from './thread-links.ts';
import { createPostgresWebAccess } from './web-access.ts';

export interface PostgresStoreOptions {
  /** Defaults to PG_MIGRATIONS; tests pass other lists to exercise upgrades. */
  migrations?: readonly PostgresMigration[];
  /**
   * A schema to work in instead of the default search path, created when missing: the
   * contract suites give each store its own, on one test database.
   */
  schema?: string;
  /** The clock for ingested_at. */
  now?: () => Date;
  /** Connections in the pool. */
  poolSize?: number;
}

export interface PostgresStores extends Stores {
  readonly location: string;
  schemaVersions(): Promise<number[]>;
}

/** How long a connection attempt waits before the server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Opens a PostgreSQL store: a pool on the URL, migrated under the advisory lock before any
 * port is used. A server that cannot be reached fails with STORE_UNAVAILABLE naming its host.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStores> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw storeError(new Error(`invalid schema name ${schema}`), url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client whose server went away must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await migratePostgres(client, redactedUrl(url), options.migrations ?? PG_MIGRATIONS);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw storeError(e, url);
  }
  const c = new PostgresConnection(pool, url, options.now ?? (() => new Date()));
  return {
    location: redactedUrl(url),
    articles: createPostgresArticleStore(c),
    briefings: createPostgresBriefingLog(c),
    subscriptions: createPostgresSubscriptions(c),
    deliveries: createPostgresDeliveryLedger(c),
    threads: createPostgresThreadLinks(c),
    settings: createPostgresSettings(c),
    webAccess: createPostgresWebAccess(c),
    feeds: createPostgresFeedStore(c),
    archive: createPostgresArchive(c),
    async schemaVersions() {
      try {
        return await appliedPostgresVersions(pool);
      } catch (e) {
        throw storeError(e, url);
      }
    },
    close: () => c.close(),
  };
}
