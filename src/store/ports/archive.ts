/**
 * Every stored fact as rows of named tables, the same on SQLite and PostgreSQL, for `export`
 * and `import`: a team moves its archive between stores losing nothing. Derived data (the
 * full-text indexes, the sentence table, feed leases) is not carried; the receiving store
 * rebuilds it from the rows.
 */

export type ArchiveValue = string | number | boolean | null;
export type ArchiveRow = Record<string, ArchiveValue>;

export interface ArchiveTable {
  name: string;
  /** The columns carried, in the order a dump writes them. */
  columns: readonly string[];
  /** Columns one store keeps as 0/1 and the other as booleans: booleans in a dump. */
  flags: readonly string[];
  /** The order rows are read in, so that two dumps of the same facts are the same bytes. */
  orderBy: string;
}

/** In the order they are written and imported: a row only refers to rows before it. */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  {
    name: 'articles',
    columns: [
      'id',
      'url',
      'origin',
      'source',
      'title',
      'published_at',
      'ingested_at',
      'sort_at',
      'text',
      'content_hash',
      'analysis',
      'analysis_version',
      'partial',
    ],
    flags: ['partial'],
    orderBy: 'id',
  },
  {
    name: 'article_sources',
    columns: ['id', 'article_id', 'source', 'added_at'],
    flags: [],
    orderBy: 'id',
  },
  {
    name: 'briefings',
    columns: ['id', 'topic', 'audience', 'created_at', 'window', 'article_ids', 'delivered'],
    flags: ['delivered'],
    orderBy: 'id',
  },
  {
    name: 'subscriptions',
    columns: [
      'id',
      'platform',
      'workspace',
      'channel',
      'topic',
      'schedule',
      'timezone',
      'created_by',
      'created_at',
      'active',
      'paused_reason',
      'when_empty',
      'scheduled_from',
    ],
    flags: ['active'],
    orderBy: 'id',
  },
  {
    name: 'thread_links',
    columns: ['thread', 'briefing_id', 'focus', 'turns'],
    flags: [],
    orderBy: 'thread',
  },
  {
    name: 'deliveries',
    columns: [
      'id',
      'subscription_id',
      'slot',
      'state',
      'late',
      'attempts',
      'claimed_by',
      'claimed_at',
      'updated_at',
      'error',
      'message_id',
      'thread',
      'briefing_id',
    ],
    flags: ['late'],
    orderBy: 'id',
  },
  {
    name: 'feeds',
    columns: [
      'id',
      'url',
      'topic',
      'every_ms',
      'title',
      'added_at',
      'etag',
      'last_modified',
      'next_poll_at',
      'last_polled_at',
      'last_status',
      'last_error',
      'last_new',
      'total_new',
      'last_skipped',
      'failures',
      'failing_since',
      'failing_notice_at',
    ],
    flags: [],
    orderBy: 'id',
  },
  { name: 'feed_seen', columns: ['feed_id', 'key', 'seen_at'], flags: [], orderBy: 'feed_id, key' },
];

/** A row as a dump holds it: the table's columns in order, flags as booleans, bigints as numbers. */
export function archiveRow(table: ArchiveTable, raw: Record<string, unknown>): ArchiveRow {
  const row: ArchiveRow = {};
  for (const column of table.columns) {
    const value = raw[column];
    if (table.flags.includes(column)) row[column] = value === true || value === 1;
    else if (typeof value === 'bigint') row[column] = Number(value);
    else if (column === 'every_ms' && typeof value === 'string') row[column] = Number(value);
    else if (value === undefined || value === null) row[column] = null;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      row[column] = value;
    else row[column] = String(value);
  }
  return row;
}

export interface ArchiveStore {
  /** The table's rows in its order, a page at a time (a large archive never sits in memory). */
  rows(table: ArchiveTable): AsyncIterable<ArchiveRow>;
  /** How many rows each table holds. */
  counts(): Promise<Record<string, number>>;
  /** Inserts rows as they are, ids included, and rebuilds what derives from them. */
  insert(table: ArchiveTable, rows: readonly ArchiveRow[]): Promise<void>;
  /** After an import: id sequences moved past the imported ids, so new rows do not collide. */
  finishImport(): Promise<void>;
  /** The first row whose columns equal these values (null equal to null), or null: for merging. */
  findRow(table: ArchiveTable, where: ArchiveRow): Promise<ArchiveRow | null>;
  /** The largest id each table with an `id` column holds (0 for none). */
  maxIds(): Promise<Record<string, number>>;
}
