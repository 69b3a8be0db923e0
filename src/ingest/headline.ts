import { wordCount } from '../nlp/words.ts';

/**
 * Whether a leading block of a file with no known title reads as a headline rather than as the
 * article's first paragraph. Losing the lead (the most important sentence of a news story) to
 * the title is worse than keeping a headline in the text, so a block is a headline only when
 * its shape says so: short, one line, not starting lowercase, not a quotation, and either
 * without a closing full stop or, when it has one (some archives add a full stop to every
 * headline), written in headline style rather than as a reported news sentence.
 */

/** Headlines are short: about 20 words and 150 characters at most. */
const HEADLINE_WORDS = 20;
const HEADLINE_CHARS = 150;
/** A headline with a closing full stop is shorter still; news leads run longer. */
const STOPPED_HEADLINE_WORDS = 12;
/** Commas in a stopped headline only when it is this short ("Outrage, but few options."). */
const COMMA_HEADLINE_WORDS = 10;

/** Words of a reported news sentence that headline style leaves out (past tense, when, who said). */
const LEAD_SIGNS =
  /\b(?:said|told|according to|yesterday|(?:on|last|this|next|early|late) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:has|have|had) been|was|were|will|would|(?:is|are|was|were) \p{L}+ing)\b/iu;
/** Small words a title-cased headline leaves lowercase. */
const MINOR_WORDS = new Set(
  'a an the and or but nor of in on at to for by with from as vs via into onto over up off out per is are be it its than so'.split(
    ' ',
  ),
);
const ARTICLE = /\b(?:the|a|an)\b/iu;
const PAST_TENSE = /\b\p{L}{3,}ed\b/u;
const OPENING_QUOTE = /^[“"‘'«„]/u;
/** A quotation: the quote closes on sentence punctuation or a comma (a whole utterance). */
const QUOTED_UTTERANCE = /^[“"‘'«„][^”"’'»]*[,.!?…][”"’'»]/u;
/** Ends a sentence: full stop, question or exclamation mark, maybe inside quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

/** Most content words capitalised: "Pier Plan Wins Backing From Council." */
function isTitleCased(s: string): boolean {
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}’'.-]*/gu) ?? [];
  const content = words.slice(1).filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (content.length < 2) return false;
  const capitalised = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / content.length >= 0.8;
}

export function isHeadlineLike(block: string): boolean {
  const s = block.trim();
  const words = wordCount(s);
  if (words < 1 || words > HEADLINE_WORDS || s.length > HEADLINE_CHARS) return false;
  if (s.includes('\n') || !/\p{L}/u.test(s)) return false;
  if (/^[^\p{L}\p{N}]*\p{Ll}/u.test(s)) return false; // starts lowercase: a sentence's tail
  if (/[:,]$/.test(s)) return false; // "He said:" leads into what follows
  if (OPENING_QUOTE.test(s) && (QUOTED_UTTERANCE.test(s) || SENTENCE_END.test(s))) return false;
  if (!SENTENCE_END.test(s)) return true;
  if (isTitleCased(s)) return true;
  if (words > STOPPED_HEADLINE_WORDS || LEAD_SIGNS.test(s)) return false;
  // "Floods closed the harbour road." — headlines drop articles; a sentence with one and a
  // past-tense verb is a report.
  if (ARTICLE.test(s) && PAST_TENSE.test(s)) return false;
  return !s.includes(',') || words <= COMMA_HEADLINE_WORDS;
}
