import type { NewArticle, StoredArticle } from '../../model/article.ts';
import type {
  ArticleQuery,
  ArticleStore,
  Hit,
  PutOutcome,
  SentenceHit,
  SentenceScope,
} from '../ports/articles.ts';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  type InsertParams,
  sourcesOfCopy,
  toInsertParams,
  toStoredArticle,
  urlOf,
} from '../rows/article-row.ts';
import { limitOf } from '../rows/limits.ts';
import type { SqliteConnection } from './connection.ts';
import { scopeFilter } from './filters.ts';
import { searchMatch } from './fts-query.ts';
import * as sentences from './sentences.ts';

/** bm25 column weights (title, text): a word in the headline says more than one in the body. */
const TITLE_WEIGHT = 5.0;
const TEXT_WEIGHT = 1.0;
const NEWEST_FIRST = 'ORDER BY a.sort_at DESC, a.id DESC';

export function createSqliteArticleStore(c: SqliteConnection): ArticleStore {
  return {
    async putArticles(articles: NewArticle[]): Promise<PutOutcome[]> {
      return c.guard(() => {
        const ingestedAt = c.now().toISOString();
        const insert = c.prepare(
          `INSERT INTO articles (url, origin, source, title, published_at, ingested_at, sort_at,
           "text", content_hash, analysis, analysis_version, partial)
         VALUES (@url, @origin, @source, @title, @published_at, @ingested_at, @sort_at,
           @text, @content_hash, @analysis, @analysis_version, @partial)`,
        );
        const addSource = c.prepare(
          `INSERT INTO article_sources (article_id, source, added_at) VALUES (?, ?, ?)
           ON CONFLICT (article_id, source) DO NOTHING`,
        );
        // Where this copy was reached from joins the stored article's sources, new or not.
        const noteSources = (id: number, article: NewArticle): void => {
          for (const source of sourcesOfCopy(article)) addSource.run(id, source, ingestedAt);
        };
        const byUrl = c.prepare('SELECT id FROM articles WHERE url = ?');
        const byHash = c.prepare('SELECT id FROM articles WHERE content_hash = ?');
        // Lookups see rows inserted earlier in the same transaction, so in-batch duplicates are
        // caught the same way; IMMEDIATE takes the write lock before the first lookup, so another
        // process cannot insert the same article between our check and our insert.
        const put = c.db.transaction((batch: NewArticle[]): PutOutcome[] =>
          batch.map((article) => {
            const url = urlOf(article);
            const sameUrl =
              url === null ? undefined : (byUrl.get(url) as { id: number } | undefined);
            if (sameUrl) {
              noteSources(sameUrl.id, article);
              return {
                status: 'duplicate',
                id: sameUrl.id,
                duplicateOf: 'url',
                origin: article.origin,
              };
            }
            const sameContent = byHash.get(article.contentHash) as { id: number } | undefined;
            if (sameContent) {
              noteSources(sameContent.id, article);
              return {
                status: 'duplicate',
                id: sameContent.id,
                duplicateOf: 'content',
                origin: article.origin,
              };
            }
            const params: InsertParams = toInsertParams(article, ingestedAt);
            const id = Number(insert.run(params).lastInsertRowid);
            noteSources(id, article);
            return { status: 'stored', id, origin: article.origin };
          }),
        );
        return put.immediate(articles);
      });
    },

    async sourcesOf(articleId: number): Promise<string[]> {
      return c.guard(() =>
        c
          .all<{ source: string }>(
            'SELECT source FROM article_sources WHERE article_id = ? ORDER BY added_at, id',
            [articleId],
          )
          .map((r) => r.source),
      );
    },

    async getArticles(ids: number[]): Promise<StoredArticle[]> {
      return c.guard(() => {
        const wanted = ids.filter((id) => Number.isSafeInteger(id));
        if (wanted.length === 0) return [];
        // json_each takes any number of ids in one parameter (no SQLITE_MAX_VARIABLE_NUMBER limit).
        const rows = c.all<ArticleRow>(
          `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
          [JSON.stringify(wanted)],
        );
        const byId = new Map(rows.map((r) => [r.id, toStoredArticle(r)]));
        return wanted.flatMap((id) => byId.get(id) ?? []);
      });
    },

    async findArticles(query: ArticleQuery): Promise<StoredArticle[]> {
      return c.guard(() => {
        const { where, params } = scopeFilter(query);
        const limit = limitOf(query.limit);
        if (limit === 0) return [];
        const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where} ${NEWEST_FIRST}`;
        const rows =
          limit === null
            ? c.all<ArticleRow>(sql, params)
            : c.all<ArticleRow>(`${sql} LIMIT ?`, [...params, limit]);
        return rows.map(toStoredArticle);
      });
    },

    /** How many articles match; `limit` is ignored (it bounds a listing, not the count). */
    async countArticles(query: ArticleQuery): Promise<number> {
      return c.guard(() => {
        const { where, params } = scopeFilter(query);
        const rows = c.all<{ n: number }>(
          `SELECT COUNT(*) AS n FROM articles a WHERE ${where}`,
          params,
        );
        return rows[0]?.n ?? 0;
      });
    },

    /**
     * The scope is the set findArticles(scope) returns — its limit included, so "the 50 most
     * recent articles on the topic" is searched, not the whole archive.
     */
    async search(text: string, scope: ArticleQuery, k: number): Promise<Hit[]> {
      return c.guard(() => {
        const match = searchMatch(text);
        const top = limitOf(k);
        if (match === null || top === 0) return [];
        const filter = scopeFilter(scope);
        const scopeLimit = limitOf(scope.limit);
        if (scopeLimit === 0) return [];
        const inScope =
          scopeLimit === null
            ? filter
            : {
                where: `a.id IN (SELECT a.id FROM articles a WHERE ${filter.where} ${NEWEST_FIRST} LIMIT ?)`,
                params: [...filter.params, scopeLimit],
              };
        const sql = `SELECT a.id AS id, bm25(articles_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS rank
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? AND ${inScope.where}
        ORDER BY rank, a.sort_at DESC, a.id DESC`;
        const params: unknown[] = [match, ...inScope.params];
        const rows =
          top === null
            ? c.all<{ id: number; rank: number }>(sql, params)
            : c.all<{ id: number; rank: number }>(`${sql} LIMIT ?`, [...params, top]);
        // bm25 is lower-is-better; the port wants higher-is-better. `+ 0` turns -0 into 0.
        return rows.map((r) => ({ articleId: r.id, score: -r.rank + 0 }));
      });
    },

    async searchSentences(text: string, scope: SentenceScope, k: number): Promise<SentenceHit[]> {
      return c.guard(() =>
        sentences.searchSentences((sql, params) => c.all(sql, params), text, scope, k),
      );
    },
  };
}
