import type { SentenceHit, SentenceScope } from '../port.ts';
import { limitOf, scopeFilter } from './filters.ts';
import { searchMatch } from './fts-query.ts';

/** Runs one query with positional parameters (the store's prepared-statement cache). */
export type RunAll = <R>(sql: string, params: readonly unknown[]) => R[];

interface Row {
  article_id: number;
  idx: number;
  text: string;
  rank: number;
}

const NEWEST_FIRST = 'ORDER BY a.sort_at DESC, a.id DESC';

interface Condition {
  where: string;
  params: unknown[];
}

/** The scope as a condition on `a`, its limit and explicit ids included; null when empty. */
function scopeOf(scope: SentenceScope): Condition | null {
  const filter = scopeFilter(scope);
  const limit = limitOf(scope.limit);
  if (limit === 0) return null;
  const clauses = [filter.where];
  const params: unknown[] = [...filter.params];
  if (limit !== null) {
    clauses[0] = `a.id IN (SELECT a.id FROM articles a WHERE ${filter.where} ${NEWEST_FIRST} LIMIT ?)`;
    params.push(limit);
  }
  if (scope.articleIds !== undefined) {
    // json_each takes any number of ids in one parameter.
    clauses.push('a.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(scope.articleIds.filter((id) => Number.isSafeInteger(id))));
  }
  return { where: clauses.join(' AND '), params };
}

function unscoped(scope: SentenceScope): boolean {
  return (
    scope.articleIds === undefined &&
    scope.terms === undefined &&
    scope.since === undefined &&
    scope.until === undefined &&
    limitOf(scope.limit) === null
  );
}

/** Sentences best matching the text, BM25 order; ties go to newer articles, then text order. */
export function searchSentences(
  all: RunAll,
  text: string,
  scope: SentenceScope,
  k: number,
): SentenceHit[] {
  const match = searchMatch(text);
  const top = limitOf(k);
  if (match === null || top === 0) return [];
  if (scope.articleIds?.length === 0) return [];
  // No scope: skip the articles filter entirely, the common `ask --all` case.
  const filter = unscoped(scope) ? { where: '1 = 1', params: [] } : scopeOf(scope);
  if (filter === null) return [];
  const sql = `SELECT s.article_id, s.idx, s."text", bm25(sentences_fts) AS rank
    FROM sentences_fts
    JOIN sentences s ON s.id = sentences_fts.rowid
    JOIN articles a ON a.id = s.article_id
    WHERE sentences_fts MATCH ? AND ${filter.where}
    ORDER BY rank, a.sort_at DESC, a.id DESC, s.idx`;
  const params: unknown[] = [match, ...filter.params];
  const rows = top === null ? all<Row>(sql, params) : all<Row>(`${sql} LIMIT ?`, [...params, top]);
  // bm25 is lower-is-better; the port wants higher-is-better. `+ 0` turns -0 into 0.
  return rows.map((r) => ({
    articleId: r.article_id,
    sentence: r.idx,
    text: r.text,
    score: -r.rank + 0,
  }));
}
