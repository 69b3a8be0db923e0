import type { SentenceScope } from '../ports/articles.ts';

/** How both stores read a query's limits and scope. */

/** A usable LIMIT, or null for "no limit" (absent or infinite). */
export function limitOf(limit: number | undefined): number | null {
  if (limit === undefined || limit === Number.POSITIVE_INFINITY) return null;
  if (!Number.isFinite(limit)) return 0;
  return Math.max(0, Math.floor(limit));
}

/** A sentence search over the whole store: no articles named, no terms, times or limit. */
export function unscoped(scope: SentenceScope): boolean {
  return (
    scope.articleIds === undefined &&
    scope.terms === undefined &&
    scope.since === undefined &&
    scope.until === undefined &&
    limitOf(scope.limit) === null
  );
}
