import { createHash, type Hash } from 'node:crypto';
import { BriefwireError } from '../model/errors.ts';
import {
  ARCHIVE_TABLES,
  type ArchiveRow,
  type ArchiveStore,
  type ArchiveTable,
} from './ports/archive.ts';

/**
 * The dump `export` writes and `import` reads: JSON lines, versioned. A header line, then one
 * line per row, table by table in ARCHIVE_TABLES order ({"table", "row"}), then an end line
 * with each table's row count and the sha256 of its row lines. The same facts give the same
 * bytes, whichever store they come from, so dumps can be compared and diffed.
 */

export const DUMP_FORMAT = 'briefwire-dump';
export const DUMP_VERSION = 1;
/** Rows inserted per batch on import. */
const BATCH = 500;

export interface TableDigest {
  rows: number;
  sha256: string;
}
export type Digests = Record<string, TableDigest>;

function rowLine(table: string, row: ArchiveRow): string {
  return JSON.stringify({ table, row });
}

class Digester {
  readonly #hashes = new Map<string, { hash: Hash; rows: number }>();
  add(table: string, line: string): void {
    let entry = this.#hashes.get(table);
    if (!entry) {
      entry = { hash: createHash('sha256'), rows: 0 };
      this.#hashes.set(table, entry);
    }
    entry.hash.update(`${line}\n`);
    entry.rows += 1;
  }
  digests(): Digests {
    const out: Digests = {};
    for (const { name } of ARCHIVE_TABLES) {
      const entry = this.#hashes.get(name);
      out[name] = {
        rows: entry?.rows ?? 0,
        sha256: (entry?.hash ?? createHash('sha256')).digest('hex'),
      };
    }
    return out;
  }
}

/** Writes the whole store as a dump, line by line; returns each table's digest. */
export async function writeDump(
  archive: ArchiveStore,
  write: (line: string) => void | Promise<void>,
): Promise<Digests> {
  await write(JSON.stringify({ format: DUMP_FORMAT, version: DUMP_VERSION }));
  const digester = new Digester();
  for (const table of ARCHIVE_TABLES)
    for await (const row of archive.rows(table)) {
      const line = rowLine(table.name, row);
      digester.add(table.name, line);
      await write(line);
    }
  const digests = digester.digests();
  await write(JSON.stringify({ end: true, tables: digests }));
  return digests;
}

/** What the store holds now, digested as a dump of it would be. */
export function storeDigests(archive: ArchiveStore): Promise<Digests> {
  return writeDump(archive, () => {});
}

export interface ImportResult {
  /** What the dump's end line says it holds. */
  expected: Digests;
  /** What was read from the dump's rows. */
  read: Digests;
}

/** One row of a dump, with the table it belongs to. */
export interface DumpRecord {
  table: ArchiveTable;
  row: ArchiveRow;
}

/**
 * A dump's rows, checked line by line: a malformed line, an unknown table, a table out of
 * order, or a missing end line fails with INPUT_MALFORMED naming the dump and the line. The
 * digests of what was read, and of what the end line says, are filled in as it goes.
 */
export async function* dumpRecords(
  lines: AsyncIterable<string>,
  label: string,
  seen: ImportResult,
): AsyncGenerator<DumpRecord> {
  const fail = (n: number, why: string): never => {
    throw new BriefwireError('INPUT_MALFORMED', `${label}: line ${n}: ${why}`, label);
  };
  const digester = new Digester();
  let n = 0;
  let header = false;
  let ended = false;
  let tableIndex = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail(n, 'not JSON');
    }
    const record = value as Record<string, unknown>;
    if (!header) {
      if (record.format !== DUMP_FORMAT)
        fail(n, `not a Briefwire dump (no "format": "${DUMP_FORMAT}")`);
      if (record.version !== DUMP_VERSION)
        fail(
          n,
          `dump version ${String(record.version)}; this Briefwire reads version ${DUMP_VERSION}`,
        );
      header = true;
      continue;
    }
    if (ended) fail(n, 'a line after the end line');
    if (record.end === true) {
      seen.expected = record.tables as Digests;
      ended = true;
      continue;
    }
    const at = ARCHIVE_TABLES.findIndex((t) => t.name === record.table);
    if (at < 0) fail(n, `unknown table ${JSON.stringify(record.table)}`);
    if (at < tableIndex) fail(n, `table ${String(record.table)} out of order`);
    if (typeof record.row !== 'object' || record.row === null)
      fail(n, 'a row that is not an object');
    tableIndex = at;
    const table = ARCHIVE_TABLES[at]!;
    digester.add(table.name, rowLine(table.name, record.row as ArchiveRow));
    yield { table, row: record.row as ArchiveRow };
  }
  if (!header) fail(n, 'empty: no header line');
  if (!ended) fail(n, 'no end line: the dump is cut short');
  seen.read = digester.digests();
}

/**
 * Reads a dump into an empty store, in batches. Rows already inserted stay when a later line
 * fails (the store was empty before, so nothing of its own is touched).
 */
export async function readDump(
  lines: AsyncIterable<string>,
  archive: ArchiveStore,
  label: string,
): Promise<ImportResult> {
  const result: ImportResult = { expected: {}, read: {} };
  let batch: ArchiveRow[] = [];
  let table: ArchiveTable | null = null;
  const flush = async (): Promise<void> => {
    if (table && batch.length) await archive.insert(table, batch);
    batch = [];
  };
  for await (const record of dumpRecords(lines, label, result)) {
    if (record.table !== table) {
      await flush();
      table = record.table;
    }
    batch.push(record.row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await archive.finishImport();
  return result;
}
