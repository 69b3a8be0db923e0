import type { Sentence } from '../model/analysis.ts';
import { LIMITS } from '../model/limits.ts';
import { wordSet } from './text/lexicon.ts';

/**
 * Sentence splitting with offsets. compromise misses boundaries after a closing quotation
 * mark (`… alone.” Calling …`) and splits after titles it does not know; this splitter handles
 * both, and keeps every offset a JavaScript string index into the original text.
 * Measured by `npm run eval` (boundary F1 on the BBC set).
 */

/** Words that end with a period but rarely end a sentence. Lowercase, without the period. */
const ABBREVIATIONS = wordSet(
  'mr mrs ms mx dr prof sen rep gov gen col lt sgt capt cmdr adm maj rev hon pres supt ' +
    'det insp st jr sr mt ft vs v no nos vol pp p fig approx dept univ assn bros jan feb ' +
    'mar apr jun jul aug sep sept oct nov dec e.g i.e cf al ca esp est ave blvd rd mass ' +
    'calif fla ariz ill penn conn okla minn wis tenn nev colo',
);

/** Abbreviations that often do end a sentence ("… in the U.S. The …"), decided by what follows. */
const SENTENCE_FINAL_ABBREVIATIONS = wordSet('inc ltd co corp etc plc llc');

/** Capitalised words that start sentences far more often than they continue a name. */
const SENTENCE_STARTERS = wordSet(
  'the a an he she it they we i you but and or so in on at this that these those his ' +
    'her its their our there if when while as after before however meanwhile for with by ' +
    'last earlier since some many most officials yet also still what who why how where ' +
    'which now then not no one two',
);

const SPEECH_AFTER_QUOTE =
  /^\s+(?:[A-Z][\w’'.-]*\s+){0,3}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|shouted|cried|exclaimed|wondered|continued|insisted|argued|explained)\b/;

const CLOSERS = '"”’\')]»';
const TERMINALS = '.!?…';

/** A paragraph: text from its first to its last non-space character, up to a blank line. */
export const PARAGRAPH = /\S(?:[\s\S]*?\S)?(?=\s*\n\s*\n|\s*$)/g;

/** Splits text into sentences, paragraph by paragraph (a blank line ends a paragraph). */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const match of text.matchAll(PARAGRAPH)) {
    const start = match.index;
    for (const [s, e] of splitParagraph(match[0])) {
      sentences.push({
        text: text.slice(start + s, start + e),
        start: start + s,
        end: start + e,
        paragraph,
      });
    }
    paragraph += 1;
  }
  return sentences;
}

/** Sentence spans [start, end) within one paragraph, trimmed of surrounding white space. */
function splitParagraph(p: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let sentenceStart = 0;
  for (let i = 0; i < p.length; i++) {
    if (!TERMINALS.includes(p[i] ?? '')) continue;
    let end = i + 1;
    while (end < p.length && (TERMINALS.includes(p[end] ?? '') || CLOSERS.includes(p[end] ?? '')))
      end++;
    if (!isBoundary(p, i, end)) continue;
    spans.push(trimSpan(p, sentenceStart, end));
    sentenceStart = end;
    i = end - 1;
  }
  if (p.slice(sentenceStart).trim()) spans.push(trimSpan(p, sentenceStart, p.length));
  return spans;
}

function trimSpan(p: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(p[s] ?? '')) s++;
  while (e > s && /\s/.test(p[e - 1] ?? '')) e--;
  return [s, e];
}

/** Is there a sentence boundary after the terminal run p[i..end)? */
function isBoundary(p: string, i: number, end: number): boolean {
  const rest = p.slice(end);
  const gap = /^\s+/.exec(rest);
  if (!gap) return end >= p.length;
  const next = rest.slice(gap[0].length);
  // A sentence opens with a capital, a digit, a currency sign ("£3m was taken.") or a quote.
  if (!/^[\p{Lu}\p{N}\p{Sc}"“‘'([«]/u.test(next)) return false;
  const terminal = p[i];
  const closedQuote = end > i + 1 && CLOSERS.includes(p[end - 1] ?? '');
  if ((terminal === '?' || terminal === '!') && closedQuote && SPEECH_AFTER_QUOTE.test(rest))
    return false;
  if (terminal !== '.') return true;
  if (end > i + 1 && !closedQuote) return true; // "..." or ".." followed by a capital
  const abbreviation = isAbbreviation(p.slice(0, i + 1), next);
  // A quotation closing right after an abbreviation ("… Mr P.” Next") still ends the sentence.
  return !abbreviation || (closedQuote && !isTitle(lastWord(p.slice(0, i + 1)).toLowerCase()));
}

/** Does the period ending `before` belong to an abbreviation or initial, given the next text? */
function isAbbreviation(before: string, next: string): boolean {
  const word = lastWord(before);
  const lower = word.toLowerCase();
  const nextWord = (/^[\p{L}]+/u.exec(next)?.[0] ?? '').toLowerCase();
  const startsSentence = SENTENCE_STARTERS.has(nextWord);
  if (SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return !startsSentence;
  if (ABBREVIATIONS.has(lower)) {
    // "No. 10" and "Jan. 5" continue; a month or "No" before a capital word may end a sentence.
    return !(startsSentence && lower.length > 2 && !isTitle(lower));
  }
  if (/^\p{Lu}$/u.test(word)) return !startsSentence; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return !startsSentence; // "U.S", "e.g"
  return false;
}

/**
 * The word (letters and inner periods) right before a final period, or '' after a digit or
 * when it is longer than LIMITS.tokenChars (no abbreviation is). Only the tail is searched:
 * the pattern, unanchored at the start, would otherwise try every offset of a long paragraph,
 * and every letter of a long "a.a.a.…" run from each.
 */
function lastWord(before: string): string {
  const tail = before.slice(-(LIMITS.tokenChars + 2));
  const word = /(?:^|[^\p{L}\p{N}.])([\p{L}.]+)\.$/u.exec(tail)?.[1] ?? '';
  return word.length > LIMITS.tokenChars ? '' : word;
}

/** Abbreviated titles: always followed by a name, never the end of a sentence. */
const TITLES = wordSet('mr mrs ms mx dr prof sen rep gov gen col lt sgt capt rev hon pres st');

function isTitle(word: string): boolean {
  return TITLES.has(word);
}
