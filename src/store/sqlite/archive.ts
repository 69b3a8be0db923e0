import {
  ARCHIVE_TABLES,
  type ArchiveRow,
  type ArchiveStore,
  type ArchiveTable,
  archiveRow,
} from '../ports/archive.ts';
import type { SqliteConnection } from './connection.ts';

/** Rows read per page: a large archive streams instead of sitting in memory. */
const PAGE = 500;

/**
 * The archive on SQLite. Inserting an article row fires the triggers that index it and copy
 * its sentences out, as any insert does; nothing else derives from the rows.
 */
export function createSqliteArchive(c: SqliteConnection): ArchiveStore {
  return {
    async *rows(table: ArchiveTable) {
      const columns = table.columns.map((col) => `"${col}"`).join(', ');
      for (let offset = 0; ; offset += PAGE) {
        const page = c.guard(() =>
          c.all<Record<string, unknown>>(
            `SELECT ${columns} FROM ${table.name} ORDER BY ${table.orderBy} LIMIT ? OFFSET ?`,
            [PAGE, offset],
          ),
        );
        for (const raw of page) yield archiveRow(table, raw);
        if (page.length < PAGE) return;
      }
    },

    async counts() {
      return c.guard(() => {
        const out: Record<string, number> = {};
        for (const { name } of ARCHIVE_TABLES)
          out[name] = c.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name}`, [])[0]?.n ?? 0;
        return out;
      });
    },

    async insert(table: ArchiveTable, rows: readonly ArchiveRow[]) {
      if (rows.length === 0) return;
      const columns = table.columns.map((col) => `"${col}"`).join(', ');
      const marks = table.columns.map(() => '?').join(', ');
      c.guard(() => {
        const insert = c.prepare(`INSERT INTO ${table.name} (${columns}) VALUES (${marks})`);
        c.db.transaction(() => {
          for (const row of rows)
            insert.run(...table.columns.map((col) => sqliteValue(row[col] ?? null)));
        })();
      });
    },

    async finishImport() {
      // SQLite's INTEGER PRIMARY KEY continues after the largest id by itself.
    },

    async findRow(table, where) {
      const entries = Object.entries(where);
      const columns = table.columns.map((col) => `"${col}"`).join(', ');
      // IS compares NULL to NULL as equal, as a natural key with a null part needs.
      const test = entries.map(([col]) => `"${col}" IS ?`).join(' AND ');
      const [row] = c.guard(() =>
        c.all<Record<string, unknown>>(
          `SELECT ${columns} FROM ${table.name} WHERE ${test} LIMIT 1`,
          entries.map(([, v]) => sqliteValue(v)),
        ),
      );
      return row ? archiveRow(table, row) : null;
    },

    async maxIds() {
      return c.guard(() => {
        const out: Record<string, number> = {};
        for (const t of ARCHIVE_TABLES)
          if (t.columns.includes('id'))
            out[t.name] =
              c.all<{ n: number | null }>(`SELECT MAX(id) AS n FROM ${t.name}`, [])[0]?.n ?? 0;
        return out;
      });
    },
  };
}

function sqliteValue(v: ArchiveRow[string]): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
