import type { SentenceHit, SentenceScope } from '../ports/articles.ts';
import { limitOf, unscoped } from '../rows/limits.ts';
import { scopeFilter } from './filters.ts';
import { searchMatch } from './fts-query.ts';

/** Runs one query with positional parameters (the store's prepared-statement cache). */
export type RunAll = <R>(sql: string, params: readonly unknown[]) => R[];

interface Row {
  article_id: number;
  idx: number;
  text: string;
  rank: number;
}

/**
 * A word in more than this share of all sentences (and more than COMMON_FLOOR of them) is left
 * out when rarer words remain: its BM25 weight is near zero, yet its postings are most of the
 * work — in a 100k-article store "strike" alone can match a hundred thousand sentences.
 */
const COMMON_SHARE = 0.02;
const COMMON_FLOOR = 2000;
const WORD = /[\p{L}\p{N}]+/gu;

/** The text's words, the too-common ones removed unless nothing rarer is left. */
function withoutCommonWords(all: RunAll, text: string): string {
  const words = [...new Set((text.normalize('NFC').match(WORD) ?? []).map((w) => w.toLowerCase()))];
  if (words.length < 2) return text;
  const [size] = all<{ n: number | null }>('SELECT MAX(id) AS n FROM sentences', []);
  const limit = Math.max(COMMON_FLOOR, (size?.n ?? 0) * COMMON_SHARE);
  // The vocabulary holds tokenizer forms; a word not found there (accents) is simply kept.
  const counts = all<{ term: string; doc: number }>(
    'SELECT term, doc FROM sentences_vocab WHERE term IN (SELECT value FROM json_each(?))',
    [JSON.stringify(words)],
  );
  const common = new Set(counts.filter((c) => c.doc > limit).map((c) => c.term));
  const kept = words.filter((w) => !common.has(w));
  if (kept.length > 0) return kept.join(' ');
  // Everything is common: the rarest word alone still finds sentences on the subject.
  const rarest = counts.reduce((a, b) => (b.doc < a.doc ? b : a));
  return rarest.term;
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

/** Sentences best matching the text, BM25 order; ties go to newer articles, then text order. */
export function searchSentences(
  all: RunAll,
  text: string,
  scope: SentenceScope,
  k: number,
): SentenceHit[] {
  const ids = scope.articleIds?.filter((id) => Number.isSafeInteger(id));
  // Even within a few articles: bm25 reads each word's whole posting list for its weight.
  const match = searchMatch(withoutCommonWords(all, text));
  const top = limitOf(k);
  if (match === null || top === 0 || ids?.length === 0) return [];
  if (unscoped(scope) && top !== null) return topOfIndex(all, match, top);
  const filter = scopeOf(scope);
  if (filter === null) return [];
  // With named articles, walk their sentences and probe the index by rowid (CROSS JOIN fixes
  // that order) instead of visiting every match of a common word in the whole store.
  const from =
    ids === undefined
      ? 'sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid'
      : `(SELECT DISTINCT value AS id FROM json_each(?)) AS w
         CROSS JOIN sentences s ON s.article_id = w.id
         CROSS JOIN sentences_fts ON sentences_fts.rowid = s.id`;
  const sql = `SELECT s.article_id, s.idx, s."text", bm25(sentences_fts) AS rank
    FROM ${from}
    JOIN articles a ON a.id = s.article_id
    WHERE sentences_fts MATCH ? AND ${filter.where}
    ORDER BY rank, a.sort_at DESC, a.id DESC, s.idx`;
  const params: unknown[] = [
    ...(ids === undefined ? [] : [JSON.stringify(ids)]),
    match,
    ...filter.params,
  ];
  const rows = top === null ? all<Row>(sql, params) : all<Row>(`${sql} LIMIT ?`, [...params, top]);
  return rows.map(toHit);
}

/**
 * The whole store (`ask --all`): rank inside the index and join only the top k, since joining
 * every match first costs a row lookup per match, and a common word matches tens of thousands.
 */
function topOfIndex(all: RunAll, match: string, top: number): SentenceHit[] {
  const sql = `SELECT s.article_id, s.idx, s."text", t.rank
    FROM (SELECT rowid AS id, bm25(sentences_fts) AS rank FROM sentences_fts
          WHERE sentences_fts MATCH ? ORDER BY rank, rowid LIMIT ?) AS t
    JOIN sentences s ON s.id = t.id
    ORDER BY t.rank, t.id`;
  return all<Row>(sql, [match, top]).map(toHit);
}

function toHit(r: Row): SentenceHit {
  // bm25 is lower-is-better; the port wants higher-is-better. `+ 0` turns -0 into 0.
  return {
    articleId: r.article_id,
    sentence: r.idx,
    text: r.text,
    score: -r.rank + 0,
  };
}
