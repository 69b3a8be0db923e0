import type { NewArticle } from '../../model/article.ts';
import type { ArticleQuery, ArticleStore, Hit, PutOutcome } from '../ports/articles.ts';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  sourcesOfCopy,
  toInsertParams,
  toStoredArticle,
  urlOf,
} from '../rows/article-row.ts';
import { limitOf } from '../rows/limits.ts';
import type { PostgresConnection, Queryable } from './connection.ts';
import { isRowId } from './schema.ts';
import { limitedScope, NEWEST_FIRST, Params, scopeWhere } from './scope.ts';
import { searchSentences } from './sentences.ts';
import { anyWord, indexText, searchWords } from './text-search.ts';

/** ts_rank weights {D, C, B, A}: the title (A) counts five times the body (D), as bm25's 5 : 1. */
const RANK_WEIGHTS = '{0.2, 0.2, 0.2, 1.0}';

async function existing(q: Queryable, article: NewArticle): Promise<PutOutcome | null> {
  const url = urlOf(article);
  if (url !== null) {
    const [row] = await q.query<{ id: number }>('SELECT id FROM articles WHERE url = $1', [url]);
    if (row) return { status: 'duplicate', id: row.id, duplicateOf: 'url', origin: article.origin };
  }
  const [row] = await q.query<{ id: number }>('SELECT id FROM articles WHERE content_hash = $1', [
    article.contentHash,
  ]);
  return row
    ? { status: 'duplicate', id: row.id, duplicateOf: 'content', origin: article.origin }
    : null;
}

/**
 * An article's search vector over two placeholders holding indexText of its title and of its
 * text: the title weighted A, the body D (see RANK_WEIGHTS). Shared with the archive import.
 */
export function searchVector(title: string, text: string): string {
  return `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${text}), 'D')`;
}

/** Copies articles' sentences out, numbered from 0 within each article, each with its index. */
export async function insertSentences(
  q: Queryable,
  articles: readonly { articleId: number; texts: readonly string[] }[],
): Promise<void> {
  const ids: number[] = [];
  const idxs: number[] = [];
  const texts: string[] = [];
  for (const { articleId, texts: own } of articles)
    own.forEach((text, i) => {
      ids.push(articleId);
      idxs.push(i);
      texts.push(text);
    });
  if (texts.length === 0) return;
  await q.query(
    `INSERT INTO sentences (article_id, idx, "text", search)
     SELECT t.article_id, t.idx, t.text, to_tsvector('simple', t.folded)
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS t(article_id, idx, text, folded)`,
    [ids, idxs, texts, texts.map(indexText)],
  );
}

/** Inserts the article, its sentences and its index; null when another writer got there first. */
async function insert(
  q: Queryable,
  article: NewArticle,
  ingestedAt: string,
): Promise<number | null> {
  const r = toInsertParams(article, ingestedAt);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO articles (url, origin, source, title, published_at, ingested_at, sort_at, "text",
       content_hash, analysis, analysis_version, partial, search)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, ${searchVector('$13', '$14')})
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      r.url,
      r.origin,
      r.source,
      r.title,
      r.published_at,
      r.ingested_at,
      r.sort_at,
      r.text,
      r.content_hash,
      r.analysis,
      r.analysis_version,
      r.partial === 1,
      indexText(article.title),
      indexText(article.text),
    ],
  );
  if (!row) return null;
  await insertSentences(q, [
    { articleId: row.id, texts: article.analysis.sentences.map((s) => s.text) },
  ]);
  return row.id;
}

export function createPostgresArticleStore(c: PostgresConnection): ArticleStore {
  return {
    async putArticles(articles) {
      if (articles.length === 0) return [];
      const ingestedAt = c.now().toISOString();
      return c.transaction(async (q) => {
        const out: PutOutcome[] = [];
        for (const article of articles) {
          // Another replica may store the same article between our look and our insert: the
          // unique indexes refuse the second, and the look is repeated to name the first.
          let outcome = await existing(q, article);
          if (!outcome) {
            const id = await insert(q, article, ingestedAt);
            outcome =
              id === null
                ? await existing(q, article)
                : { status: 'stored', id, origin: article.origin };
          }
          if (!outcome) throw new Error(`${article.origin}: neither stored nor found`);
          for (const source of sourcesOfCopy(article))
            await q.query(
              `INSERT INTO article_sources (article_id, source, added_at) VALUES ($1, $2, $3)
               ON CONFLICT (article_id, source) DO NOTHING`,
              [outcome.id, source, ingestedAt],
            );
          out.push(outcome);
        }
        return out;
      });
    },

    async sourcesOf(articleId) {
      const rows = await c.query<{ source: string }>(
        'SELECT source FROM article_sources WHERE article_id = $1 ORDER BY added_at, id',
        [articleId],
      );
      return rows.map((r) => r.source);
    },

    async getArticles(ids) {
      const wanted = ids.filter(isRowId);
      if (wanted.length === 0) return [];
      const rows = await c.query<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::int[])`,
        [wanted],
      );
      const byId = new Map(rows.map((r) => [r.id, toStoredArticle(r)]));
      return wanted.flatMap((id) => byId.get(id) ?? []);
    },

    async findArticles(query: ArticleQuery) {
      const limit = limitOf(query.limit);
      if (limit === 0) return [];
      const p = new Params();
      const where = scopeWhere(query, p);
      const tail = limit === null ? '' : ` LIMIT ${p.add(limit)}`;
      const rows = await c.query<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where} ${NEWEST_FIRST}${tail}`,
        p.values,
      );
      return rows.map(toStoredArticle);
    },

    async countArticles(query) {
      const p = new Params();
      const where = scopeWhere(query, p);
      const [row] = await c.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM articles a WHERE ${where}`,
        p.values,
      );
      return row?.n ?? 0;
    },

    /** Within the scope findArticles(scope) returns, its limit included. */
    async search(text, scope, k): Promise<Hit[]> {
      const match = anyWord(searchWords(text));
      const top = limitOf(k);
      if (match === null || top === 0) return [];
      const p = new Params();
      const inScope = limitedScope(scope, p);
      if (inScope === null) return [];
      const q = p.add(match);
      const tail = top === null ? '' : ` LIMIT ${p.add(top)}`;
      const rows = await c.query<{ id: number; score: number }>(
        `SELECT a.id, ts_rank('${RANK_WEIGHTS}', a.search, to_tsquery('simple', ${q})) AS score
         FROM articles a
         WHERE a.search @@ to_tsquery('simple', ${q}) AND ${inScope}
         ORDER BY score DESC, a.sort_at DESC, a.id DESC${tail}`,
        p.values,
      );
      return rows.map((r) => ({ articleId: r.id, score: r.score }));
    },

    async searchSentences(text, scope, k) {
      return searchSentences(c, text, scope, k);
    },
  };
}
