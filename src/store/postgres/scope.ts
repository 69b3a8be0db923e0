import { BriefwireError } from '../../model/errors.ts';
import { toInstant } from '../ports/article-row.ts';
import type { ArticleQuery } from '../ports/articles.ts';
import { termTsQuery } from './text-search.ts';

/** Positional parameters for one statement: each value added returns its $n. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function bound(value: string, name: 'since' | 'until'): string {
  const instant = toInstant(value);
  if (instant === null)
    throw new BriefwireError('USAGE', `${name} is not a valid time: ${value}`, value);
  return instant;
}

/** The query's term and time conditions on `articles a`; `limit` is the caller's. */
export function scopeWhere(query: ArticleQuery, p: Params): string {
  const clauses: string[] = [];
  const { include, exclude } = termTsQuery(query.terms);
  if (include !== null) clauses.push(`a.search @@ to_tsquery('simple', ${p.add(include)})`);
  if (exclude !== null) clauses.push(`NOT (a.search @@ to_tsquery('simple', ${p.add(exclude)}))`);
  if (query.since !== undefined) clauses.push(`a.sort_at >= ${p.add(bound(query.since, 'since'))}`);
  if (query.until !== undefined) clauses.push(`a.sort_at < ${p.add(bound(query.until, 'until'))}`);
  return clauses.length ? clauses.join(' AND ') : 'true';
}

/** A usable LIMIT, or null for "no limit" (absent or infinite). */
export function limitOf(limit: number | undefined): number | null {
  if (limit === undefined || limit === Number.POSITIVE_INFINITY) return null;
  if (!Number.isFinite(limit)) return 0;
  return Math.max(0, Math.floor(limit));
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
