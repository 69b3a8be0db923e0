import type { TermQuery } from '../ports/articles.ts';

/**
 * FTS5 MATCH expressions built from untrusted text. Every phrase becomes an FTS5 string
 * ("..." with inner quotes doubled), so nothing a user types — AND, NEAR, *, ^, -, column:
 * — is read as syntax; the tokenizer splits the string into words and matches them as a phrase.
 */

/** unicode61 indexes letters and numbers; a phrase without any has no tokens and can't match. */
const TOKEN_CHAR = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Bounds the expression for a pasted essay; a question needs far fewer words. */
const MAX_SEARCH_WORDS = 64;

export function ftsString(phrase: string): string {
  // The FTS5 parser stops at NUL ("unterminated string"); a NUL is no word character anyway.
  return `"${phrase.replaceAll('\u0000', ' ').replaceAll('"', '""')}"`;
}

function usable(phrases: readonly string[]): string[] {
  return phrases.map((p) => p.normalize('NFC').trim()).filter((p) => TOKEN_CHAR.test(p));
}

function anyOf(phrases: readonly string[]): string {
  return phrases.map(ftsString).join(' OR ');
}

export interface TermMatch {
  /** Articles must match this; null when no group has a usable phrase. */
  include: string | null;
  /** Articles matching this are left out; null when nothing usable is excluded. */
  exclude: string | null;
}

/** Groups ANDed, phrases in a group ORed; unusable phrases and emptied groups are dropped. */
export function termMatch(terms: TermQuery | undefined): TermMatch {
  if (!terms) return { include: null, exclude: null };
  const groups = terms.allOf.map(usable).filter((g) => g.length > 0);
  const excluded = usable(terms.noneOf ?? []);
  return {
    include: groups.length > 0 ? groups.map((g) => `(${anyOf(g)})`).join(' AND ') : null,
    exclude: excluded.length > 0 ? anyOf(excluded) : null,
  };
}

/** A user's free text as an OR of its distinct words; null when it has none. */
export function searchMatch(text: string): string | null {
  const seen = new Set<string>();
  for (const word of text.normalize('NFC').match(WORD) ?? []) {
    seen.add(word.toLowerCase());
    if (seen.size >= MAX_SEARCH_WORDS) break;
  }
  return seen.size > 0 ? anyOf([...seen]) : null;
}
