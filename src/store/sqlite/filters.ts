import type { ArticleQuery } from '../ports/articles.ts';
import { requireInstant } from '../rows/instant.ts';
import { termMatch } from './fts-query.ts';

/** A WHERE clause over `articles AS a` with its positional parameters. */
export interface Filter {
  where: string;
  params: string[];
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
    params.push(requireInstant(query.since, 'since'));
  }
  if (query.until !== undefined) {
    clauses.push('a.sort_at < ?');
    params.push(requireInstant(query.until, 'until'));
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1 = 1', params };
}
