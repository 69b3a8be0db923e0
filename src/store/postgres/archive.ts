import {
  ARCHIVE_TABLES,
  type ArchiveRow,
  type ArchiveStore,
  type ArchiveTable,
  type ArchiveValue,
  archiveRow,
} from '../ports/archive.ts';
import { insertSentences, searchVector } from './articles.ts';
import type { PostgresConnection, Queryable, Row } from './connection.ts';
import { indexText } from './text-search.ts';

/** Rows read per page: a large archive streams instead of sitting in memory. */
const PAGE = 500;
/** Rows per INSERT: well under PostgreSQL's 65535 placeholders for the widest table. */
const BATCH = 200;

/** One column of a table's order, as the catalog describes it. */
interface OrderKey {
  column: string;
  /** Its SQL type, to cast the keyset placeholder to. */
  type: string;
  /** Text: compared with the "C" collation, byte by byte, as SQLite compares. */
  collatable: boolean;
}

/**
 * The archive on PostgreSQL. Rows are read a page at a time by keyset on the table's order;
 * an inserted article gets its search vector and its sentences here, as putArticles gives
 * them, since PostgreSQL has no triggers doing it.
 */
export function createPostgresArchive(c: PostgresConnection): ArchiveStore {
  return {
    async *rows(table: ArchiveTable) {
      const keys = await orderKeys(c, table);
      const columns = table.columns.map(quote).join(', ');
      const sortBy = keys.map(sortExpression);
      const orderBy = sortBy.join(', ');
      let last: unknown[] | null = null;
      for (;;) {
        // Keyset paging: each page starts after the last row of the one before, by the same order.
        const after =
          last === null
            ? ''
            : `WHERE (${sortBy.join(', ')}) > (${keys.map((k, i) => `$${i + 2}::${k.type}`).join(', ')})`;
        const page: Row[] = await c.query<Row>(
          `SELECT ${columns} FROM ${table.name} ${after} ORDER BY ${orderBy} LIMIT $1`,
          [PAGE, ...(last ?? [])],
        );
        for (const raw of page) yield archiveRow(table, raw);
        const tail = page.at(-1);
        if (page.length < PAGE || tail === undefined) return;
        last = keys.map((k) => tail[k.column]);
      }
    },

    async counts() {
      const out: Record<string, number> = {};
      for (const { name } of ARCHIVE_TABLES) {
        const [row] = await c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${name}`);
        out[name] = row?.n ?? 0;
      }
      return out;
    },

    async insert(table: ArchiveTable, rows: readonly ArchiveRow[]) {
      if (rows.length === 0) return;
      await c.transaction(async (q) => {
        for (let start = 0; start < rows.length; start += BATCH)
          await insertBatch(q, table, rows.slice(start, start + BATCH));
      });
    },

    async finishImport() {
      // Imported rows carry their ids, which identity sequences do not see: without this the
      // next insert would take id 1 and collide.
      const tables = ARCHIVE_TABLES.filter((t) => t.columns.includes('id')).map((t) => t.name);
      await c.transaction(async (q) => {
        for (const name of [...tables, 'sentences'])
          await q.query(
            `SELECT setval(pg_get_serial_sequence($1, 'id'),
               GREATEST(COALESCE(MAX(id), 0), 1), COALESCE(MAX(id), 0) > 0) FROM ${name}`,
            [name],
          );
      });
    },

    async findRow(table, where) {
      const entries = Object.entries(where);
      // IS NOT DISTINCT FROM: a null part of a natural key equals null, as in SQLite's IS.
      const test = entries
        .map(([col], i) => `${quote(col)} IS NOT DISTINCT FROM $${i + 1}`)
        .join(' AND ');
      const [row] = await c.query<Row>(
        `SELECT ${table.columns.map(quote).join(', ')} FROM ${table.name} WHERE ${test} LIMIT 1`,
        entries.map(([col, v]) => pgValue(table, col, v)),
      );
      return row ? archiveRow(table, row) : null;
    },

    async maxIds() {
      const out: Record<string, number> = {};
      for (const t of ARCHIVE_TABLES)
        if (t.columns.includes('id')) {
          const [row] = await c.query<{ n: number | null }>(`SELECT MAX(id) AS n FROM ${t.name}`);
          out[t.name] = row?.n ?? 0;
        }
      return out;
    },
  };
}

/**
 * The columns of the table's order with their types and whether they are text. The catalog
 * resolves the name by the search path, so a store in its own schema sees its own table.
 */
async function orderKeys(c: PostgresConnection, table: ArchiveTable): Promise<OrderKey[]> {
  const names = table.orderBy.split(',').map((s) => s.trim());
  const found = await c.query<{ attname: string; type: string; collatable: boolean }>(
    `SELECT attname, format_type(atttypid, atttypmod) AS type, attcollation <> 0 AS collatable
     FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = ANY($2::text[])`,
    [table.name, names],
  );
  return names.map((column) => {
    const key = found.find((f) => f.attname === column);
    if (!key) throw new Error(`${table.name}: no column ${column} to order by`);
    return { column, type: key.type, collatable: key.collatable };
  });
}

function sortExpression(key: OrderKey): string {
  return key.collatable ? `${quote(key.column)} COLLATE "C"` : quote(key.column);
}

/** Column names quoted: `window` and `text` are reserved words. */
function quote(column: string): string {
  return `"${column}"`;
}

/** One multi-row INSERT of the rows as given, ids included; articles also get what derives. */
async function insertBatch(
  q: Queryable,
  table: ArchiveTable,
  rows: readonly ArchiveRow[],
): Promise<void> {
  const articles = table.name === 'articles';
  const params: unknown[] = [];
  const mark = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const tuples = rows.map((row) => {
    const marks = table.columns.map((col) => mark(pgValue(table, col, row[col] ?? null)));
    if (articles)
      marks.push(
        searchVector(mark(indexText(textOf(row.title))), mark(indexText(textOf(row.text)))),
      );
    return `(${marks.join(', ')})`;
  });
  const columns = [...table.columns.map(quote), ...(articles ? ['search'] : [])].join(', ');
  await q.query(`INSERT INTO ${table.name} (${columns}) VALUES ${tuples.join(', ')}`, params);
  if (articles)
    await insertSentences(
      q,
      rows.map((row) => ({ articleId: Number(row.id), texts: sentenceTexts(row.analysis) })),
    );
}

/** Flags as booleans, whichever store's form they come in. */
function pgValue(table: ArchiveTable, column: string, value: ArchiveValue): ArchiveValue {
  if (table.flags.includes(column) && typeof value === 'number') return value !== 0;
  return value;
}

function textOf(value: ArchiveValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The sentences' texts from an article's analysis JSON, as putArticles copies them out. */
function sentenceTexts(analysis: ArchiveValue | undefined): string[] {
  if (typeof analysis !== 'string') return [];
  const parsed: unknown = JSON.parse(analysis);
  const sentences = (parsed as { sentences?: unknown } | null)?.sentences;
  if (!Array.isArray(sentences)) return [];
  return sentences.flatMap((s: unknown) => {
    const text = (s as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? [text] : [];
  });
}
