import { type NameSpan, nameSpanOf } from './name-span.ts';
import type { Token } from './text/tokens.ts';

/**
 * "Farm Department's Tamm": the tagger sometimes takes an owner and the person it owns for
 * one name. When the words after the possessive are the surname of a person the article
 * names elsewhere ("Ivo Tamm"), they are that person and the rest is the owner; a name that
 * merely holds a possessive ("Harbour Mariners' Trust") stays whole.
 */
export function splitOwnedPeople(tokens: Token[], names: NameSpan[]): NameSpan[] {
  const surnames = new Set(
    names.filter((n) => n.type === 'person' && n.last > n.first).map((n) => tokens[n.last]!.lower),
  );
  return names.flatMap((n) => {
    if (n.type === 'person') return [n];
    for (let p = n.first; p < n.last; p++) {
      if (!tokens[p]!.possessive) continue;
      if (n.last - p > 2 || !surnames.has(tokens[n.last]!.lower)) return [n];
      return [nameSpanOf(tokens, n.first, p, n.type), nameSpanOf(tokens, p + 1, n.last, 'person')];
    }
    return [n];
  });
}
