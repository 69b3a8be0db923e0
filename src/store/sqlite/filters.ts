import { BriefwireError } from '../../model/errors.ts';
import { toInstant } from '../ports/article-row.ts';
import type { ArticleQuery } from '../ports/articles.ts';
import { termMatch } from './fts-query.ts';

/** A WHERE clause over `articles AS a` with its positional parameters. */
export interface Filter {
  where: string;
  params: string[];
}

export { toInstant } from '../ports/article-row.ts';

function bound(value: string, name: 'since' | 'until'): string {
  const instant = toInstant(value);
  if (instant === null) {
    throw new BriefwireError('USAGE', `${name} is not a valid time: ${value}`, value);
  }
  return instant;
}

/** The query's term and time conditions; `limit` is the caller's (it differs for count/search). */
export function scopeFilter(query: ArticleQuery): Filter {
  const clauses: string[] = [];
  const params: string[] = [];
  const { include, exclude } = termMatch(query.terms);
  // MATCH must name the FTS table itself (an alias is not accepted), hence the subqueries.
  if (include !== null) {
    clauses.push('a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(include);
  }
  if (exclude !== null) {
    clauses.push('a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(exclude);
  }
  // sort_at is COALESCE(published_at, ingested_at), normalised; see migrations.ts.
  if (query.since !== undefined) {
    clauses.push('a.sort_at >= ?');
    params.push(bound(query.since, 'since'));
  }
  if (query.until !== undefined) {
    clauses.push('a.sort_at < ?');
    params.push(bound(query.until, 'until'));
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1 = 1', params };
}

/** A usable LIMIT, or null for "no limit" (absent or infinite). */
export function limitOf(limit: number | undefined): number | null {
  if (limit === undefined || limit === Number.POSITIVE_INFINITY) return null;
  if (!Number.isFinite(limit)) return 0;
  return Math.max(0, Math.floor(limit));
}
