import { contentWords } from '../nlp/words.ts';

/**
 * A question and an article read the same way before their words are compared: dotted
 * initials as one word ("U.S." is "US"), and the country "US" kept apart from the pronoun
 * "us" by one spelling for it.
 */

/** "U.S.", "N.Y.U.": initials with dots. */
const DOTTED_INITIALS = /\b(?:\p{Lu}\.){2,}/gu;
/** "US", "USA" and "United States": one country. */
const COUNTRY_US = /\bUSA?\b|\bUnited States\b/gu;

export function normaliseForReading(text: string): string {
  return text
    .replace(DOTTED_INITIALS, (m: string) => m.replace(/\./g, ''))
    .replace(COUNTRY_US, 'USA');
}

/** Content words of a text after that normalisation. */
export function readWords(text: string): string[] {
  return contentWords(normaliseForReading(text));
}
