import type { ArticleQuery } from '../ports/articles.ts';
import { requireInstant } from '../rows/instant.ts';
import { limitOf } from '../rows/limits.ts';
import { termTsQuery } from './text-search.ts';

/** Positional parameters for one statement: each value added returns its $n. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The query's term and time conditions on `articles a`; `limit` is the caller's. */
export function scopeWhere(query: ArticleQuery, p: Params): string {
  const clauses: string[] = [];
  const { include, exclude } = termTsQuery(query.terms);
  if (include !== null) clauses.push(`a.search @@ to_tsquery('simple', ${p.add(include)})`);
  if (exclude !== null) clauses.push(`NOT (a.search @@ to_tsquery('simple', ${p.add(exclude)}))`);
  if (query.since !== undefined)
    clauses.push(`a.sort_at >= ${p.add(requireInstant(query.since, 'since'))}`);
  if (query.until !== undefined)
    clauses.push(`a.sort_at < ${p.add(requireInstant(query.until, 'until'))}`);
  return clauses.length ? clauses.join(' AND ') : 'true';
}

export const NEWEST_FIRST = 'ORDER BY a.sort_at DESC, a.id DESC';

/**
 * The scope as a condition on `a`, its limit included (the N most recent matching articles),
 * or null when the limit is 0.
 */
export function limitedScope(query: ArticleQuery, p: Params): string | null {
  const limit = limitOf(query.limit);
  if (limit === 0) return null;
  const where = scopeWhere(query, p);
  if (limit === null) return where;
  return `a.id IN (SELECT a.id FROM articles a WHERE ${where} ${NEWEST_FIRST} LIMIT ${p.add(limit)})`;
}
