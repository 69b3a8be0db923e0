import type { TermQuery } from '../ports/articles.ts';

/**
 * Full-text search on PostgreSQL, made to behave as the SQLite store's FTS5 index does: the
 * application folds text (lowercase, accents removed) and splits it into runs of letters and
 * digits, as FTS5's unicode61 tokenizer with remove_diacritics does, and indexes those with
 * the 'simple' configuration (no stemming, no stop words). Queries are built from the same
 * tokens, so nothing a user types is read as tsquery syntax.
 */

const WORD = /[\p{L}\p{N}]+/gu;
/** Bounds the query for a pasted essay; a question needs far fewer words. */
const MAX_SEARCH_WORDS = 64;

/** The words of a text as the index holds them. */
export function tokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded.match(WORD) ?? [];
}

/**
 * How much of a text is indexed: a tsvector holds at most 1 MB, and half a million characters
 * of news stay well under it however many distinct words they use. A longer article is still
 * stored whole, and found by the words of its first half million characters.
 */
export const INDEXED_CHARS = 500_000;

/** The text to give to_tsvector('simple', …): its tokens, space-separated. */
export function indexText(text: string): string {
  return tokens(text.length > INDEXED_CHARS ? text.slice(0, INDEXED_CHARS) : text).join(' ');
}

/** A phrase as a tsquery: its words in sequence; null when it has none. */
function phrase(text: string): string | null {
  const words = tokens(text.replaceAll('\u0000', ' '));
  return words.length ? `(${words.map((w) => `'${w}'`).join(' <-> ')})` : null;
}

function anyOf(phrases: readonly string[]): string | null {
  const parts = phrases.map(phrase).filter((p): p is string => p !== null);
  return parts.length ? `(${parts.join(' | ')})` : null;
}

export interface TermTsQuery {
  include: string | null;
  exclude: string | null;
}

/** Groups ANDed, phrases in a group ORed; phrases with no word and emptied groups dropped. */
export function termTsQuery(terms: TermQuery | undefined): TermTsQuery {
  if (!terms) return { include: null, exclude: null };
  const groups = terms.allOf.map((g) => anyOf(g)).filter((g): g is string => g !== null);
  return {
    include: groups.length ? groups.join(' & ') : null,
    exclude: anyOf(terms.noneOf ?? []),
  };
}

/** A user's free text as its distinct words (at most 64), for an OR query. */
export function searchWords(text: string): string[] {
  return [...new Set(tokens(text))].slice(0, MAX_SEARCH_WORDS);
}

/** Words as a tsquery that any of them satisfies; null for none. */
export function anyWord(words: readonly string[]): string | null {
  return words.length ? words.map((w) => `'${w}'`).join(' | ') : null;
}
