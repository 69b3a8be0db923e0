import { LIMITS } from '../model/limits.ts';
import { PARAGRAPH, splitSentences } from './sentences.ts';
import { safeCut } from './text/tokens.ts';

/**
 * How much of an article is analysed: at most LIMITS.analysedChars characters and
 * LIMITS.analysedParagraphs paragraphs, so one huge input costs a bounded amount of work.
 * The part is a prefix of the text, so every offset into it is an offset into the whole.
 * It ends at a paragraph end where one lies within the limit, else at a sentence end, else
 * at white space, and only when there is none of those (one unbroken run) at the limit itself,
 * never between the halves of a surrogate pair.
 */
export function analysedLength(text: string): number {
  if (text.length <= LIMITS.analysedChars && !hasMoreParagraphs(text)) return text.length;
  let lastEnd = 0;
  let count = 0;
  for (const m of text.matchAll(PARAGRAPH)) {
    const end = m.index + m[0].length;
    if (count === LIMITS.analysedParagraphs) return lastEnd;
    if (end > LIMITS.analysedChars) return lastEnd > 0 ? lastEnd : withinParagraph(text);
    lastEnd = end;
    count++;
  }
  return text.length;
}

/** Cheap test first: fewer blank lines than the paragraph limit means fewer paragraphs. */
function hasMoreParagraphs(text: string): boolean {
  let breaks = 0;
  for (const _ of text.matchAll(/\n[^\S\n]*\n/g))
    if (++breaks >= LIMITS.analysedParagraphs) return true;
  return false;
}

/** The cut inside a first paragraph longer than the limit. */
function withinParagraph(text: string): number {
  const limit = safeCut(text, LIMITS.analysedChars);
  const head = text.slice(0, limit);
  const sentences = splitSentences(head);
  // The last sentence of the head may be cut short; the one before it ended in full.
  const whole = sentences.at(-2);
  if (whole) return whole.end;
  for (let i = limit; i > 0; i--) if (/\s/.test(head[i - 1] ?? '')) return i;
  return limit;
}
