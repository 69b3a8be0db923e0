import Database from 'better-sqlite3';
import type { NewArticle } from '../../src/model/article.ts';
import { toInsertParams } from '../../src/store/rows/article-row.ts';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.ts';

/**
 * Makes a SQLite store as an older Briefwire left it: the migrations before `version` only,
 * with articles written in the first schema's columns (today's code writes columns later
 * migrations add). Returns the articles' ids; opening the file again runs the rest.
 */
export function oldStoreWith(
  path: string,
  version: number,
  articles: NewArticle[],
  ingestedAt = '2026-01-10T08:00:00.000Z',
): number[] {
  const db = new Database(path);
  try {
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < version),
    );
    const insert = db.prepare(
      `INSERT INTO articles (url, origin, source, title, published_at, ingested_at, sort_at,
         "text", content_hash, analysis, analysis_version)
       VALUES (@url, @origin, @source, @title, @published_at, @ingested_at, @sort_at,
         @text, @content_hash, @analysis, @analysis_version)`,
    );
    return articles.map((a) => {
      const { partial: _partial, ...firstSchema } = toInsertParams(a, ingestedAt);
      return Number(insert.run(firstSchema).lastInsertRowid);
    });
  } finally {
    db.close();
  }
}
