import type { SentenceHit, SentenceScope } from '../ports/articles.ts';
import { limitOf, unscoped } from '../rows/limits.ts';
import type { PostgresConnection } from './connection.ts';
import { isRowId } from './schema.ts';
import { limitedScope, Params } from './scope.ts';
import { anyWord, searchWords } from './text-search.ts';

/**
 * A word in more than this share of all sentences (and more than COMMON_FLOOR of them) is left
 * out when rarer words remain, as in the SQLite store: it adds next to nothing to the ranking
 * and most of the work.
 */
const COMMON_SHARE = 0.02;
const COMMON_FLOOR = 2000;

interface Row {
  [column: string]: unknown;
  article_id: number;
  idx: number;
  text: string;
  score: number;
}

/**
 * The words worth searching for: each counted up to the bar only (a bounded index probe,
 * not a full count), the common ones dropped unless nothing rarer is left.
 */
async function rarerWords(c: PostgresConnection, words: string[]): Promise<string[]> {
  if (words.length < 2) return words;
  const [size] = await c.query<{ n: number | null }>('SELECT MAX(id) AS n FROM sentences');
  const bar = Math.floor(Math.max(COMMON_FLOOR, (size?.n ?? 0) * COMMON_SHARE));
  const counts = await c.query<{ word: string; n: number }>(
    `SELECT w.word, (SELECT COUNT(*)::int FROM (SELECT 1 FROM sentences s
        WHERE s.search @@ to_tsquery('simple', quote_literal(w.word)) LIMIT $2) AS m) AS n
     FROM unnest($1::text[]) AS w(word)`,
    [words, bar + 1],
  );
  const kept = counts.filter((r) => r.n <= bar).map((r) => r.word);
  if (kept.length) return kept;
  // Everything is common: the first word alone still finds sentences on the subject.
  return words.slice(0, 1);
}

/** Sentences best matching the text, best first; ties go to newer articles, then text order. */
export async function searchSentences(
  c: PostgresConnection,
  text: string,
  scope: SentenceScope,
  k: number,
): Promise<SentenceHit[]> {
  const ids = scope.articleIds?.filter(isRowId);
  const top = limitOf(k);
  const words = searchWords(text);
  if (words.length === 0 || top === 0 || ids?.length === 0) return [];
  const match = anyWord(await rarerWords(c, words))!;
  const p = new Params();
  const q = p.add(match);
  if (unscoped(scope) && top !== null) {
    const rows = await c.query<Row>(
      `SELECT s.article_id, s.idx, s."text", ts_rank(s.search, to_tsquery('simple', ${q})) AS score
       FROM sentences s WHERE s.search @@ to_tsquery('simple', ${q})
       ORDER BY score DESC, s.id LIMIT ${p.add(top)}`,
      p.values,
    );
    return rows.map(toHit);
  }
  const inScope = limitedScope(scope, p);
  if (inScope === null) return [];
  const named = ids === undefined ? '' : ` AND s.article_id = ANY(${p.add(ids)}::int[])`;
  const tail = top === null ? '' : ` LIMIT ${p.add(top)}`;
  const rows = await c.query<Row>(
    `SELECT s.article_id, s.idx, s."text", ts_rank(s.search, to_tsquery('simple', ${q})) AS score
     FROM sentences s JOIN articles a ON a.id = s.article_id
     WHERE s.search @@ to_tsquery('simple', ${q})${named} AND ${inScope}
     ORDER BY score DESC, a.sort_at DESC, a.id DESC, s.idx${tail}`,
    p.values,
  );
  return rows.map(toHit);
}

function toHit(r: Row): SentenceHit {
  return { articleId: r.article_id, sentence: r.idx, text: r.text, score: r.score };
}
