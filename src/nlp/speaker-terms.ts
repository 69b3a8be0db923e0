import type { Span } from '../model/analysis.ts';

/**
 * Quoted words that are a term, not someone's speech: a name the text gives something ("the
 * so-called “Harbour Girls”", "the study “Who Runs the Port”", "coined the term “…”"), and
 * a few words set in running text ("the first “portable” radio") that take no speaker from
 * the sentences around them.
 */

/** A term this short or shorter, set mid-sentence, is the writer's, unless its own sentence says whose. */
const EMBEDDED_TERM_WORDS = 4;

const NAMING =
  /(?:\bso-called|\b(?:the|a|an|its|their|his|her)\s+(?:term|nickname|label|slogan|motto|study|report|book|film|song|album|documentary|novel|series|title|headline))\s*["“‘]?$/iu;

/** Is the quote a name the text gives something ("so-called “…”", "the study “…”")? */
export function namesSomething(text: string, q: Span): boolean {
  return NAMING.test(text.slice(Math.max(0, q.start - 40), q.start));
}

/** Is the quote a few words inside running text, a word on either side ("the first “portable” radio")? */
export function embeddedTerm(text: string, q: Span): boolean {
  const words = text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
  if (words > EMBEDDED_TERM_WORDS) return false;
  const before = text.slice(Math.max(0, q.start - 3), q.start);
  const after = text.slice(q.end, q.end + 3);
  return /\p{L}\s["“‘]$/u.test(before) && /^["”’]\s\p{L}/u.test(after);
}
