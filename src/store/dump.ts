import { createHash, type Hash } from 'node:crypto';
import { BriefwireError } from '../model/errors.ts';
import { ARCHIVE_TABLES, type ArchiveRow, type ArchiveStore } from './ports/archive.ts';

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
export async function storeDigests(archive: ArchiveStore): Promise<Digests> {
  const digester = new Digester();
  for (const table of ARCHIVE_TABLES)
    for await (const row of archive.rows(table)) digester.add(table.name, rowLine(table.name, row));
  return digester.digests();
}

export interface ImportResult {
  /** What the dump's end line says it holds. */
  expected: Digests;
  /** What was read from the dump's rows. */
  read: Digests;
}

/**
 * Reads a dump into a store, in batches. Every line is checked: a malformed line, an unknown
 * table, a table out of order, or a missing end line fails with INPUT_MALFORMED naming the
 * dump and the line. Rows already inserted stay (the store is empty before an import).
 */
export async function readDump(
  lines: AsyncIterable<string>,
  archive: ArchiveStore,
  label: string,
): Promise<ImportResult> {
  const fail = (n: number, why: string): never => {
    throw new BriefwireError('INPUT_MALFORMED', `${label}: line ${n}: ${why}`, label);
  };
  const digester = new Digester();
  let n = 0;
  let header = false;
  let expected: Digests | null = null;
  let tableIndex = 0;
  let batch: ArchiveRow[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length) await archive.insert(ARCHIVE_TABLES[tableIndex]!, batch);
    batch = [];
  };
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
    if (expected) fail(n, 'a line after the end line');
    if (record.end === true) {
      expected = record.tables as Digests;
      continue;
    }
    const at = ARCHIVE_TABLES.findIndex((t) => t.name === record.table);
    if (at < 0) fail(n, `unknown table ${JSON.stringify(record.table)}`);
    if (at < tableIndex) fail(n, `table ${String(record.table)} out of order`);
    if (typeof record.row !== 'object' || record.row === null)
      fail(n, 'a row that is not an object');
    if (at !== tableIndex) {
      await flush();
      tableIndex = at;
    }
    digester.add(String(record.table), rowLine(String(record.table), record.row as ArchiveRow));
    batch.push(record.row as ArchiveRow);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (!header) fail(n, 'empty: no header line');
  if (!expected) fail(n, 'no end line: the dump is cut short');
  await archive.finishImport();
  return { expected: expected!, read: digester.digests() };
}
