/**
 * Binary search over items in text order (tokens, sentences, name spans, quotes): the index of
 * the first item for which `before` is false, when `before` holds for a prefix of them.
 */
export function firstIndexWhere<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
