import { boundedMemo } from '../model/memo.ts';

/** Content words of a text, for overlap and centrality measures: lowercased, stop words out. */

const STOP_WORDS = new Set(
  (
    'a an the and or but if then than so of in on at to for from by with about into over after before ' +
    'between through during without within under up down out off again further once here there when ' +
    'where why how all any both each few more most other some such no nor not only own same too very ' +
    'can will just should now is are was were be been being have has had having do does did doing ' +
    'i me my we our you your he him his she her it its they them their what which who whom this that ' +
    'these those am would could might must shall may also said says say told according mr mrs ms ' +
    'as while because until against among per via yet still however since'
  ).split(' '),
);

/**
 * Sentences' words, by text: a briefing reads the same sentences' words several times (event
 * profiles, summary candidates), and a bot builds briefings over the same articles all day.
 * Only sentence-length texts are remembered.
 */
const sentenceWords = boundedMemo((text: string): readonly string[] => wordsOf(text), 20_000);
const REMEMBER_CHARS = 1_000;

export function contentWords(text: string): readonly string[] {
  return text.length > REMEMBER_CHARS ? wordsOf(text) : sentenceWords(text);
}

function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu)) {
    const w = m[0].replace(/[’']s$/u, '');
    if (w.length > 1 && !STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/**
 * Words as a reader counts them: whitespace-separated tokens with a letter or digit, so a
 * spaced dash or "|" is not a word. The one count for summary budgets and ingest's length
 * rules alike.
 */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * A text's words, lowercased and space-joined with a space at each end, so that one text can
 * be found inside another whatever their punctuation, quotation marks and spacing.
 */
export function plainWords(text: string): string {
  return ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
}

/** Share of the smaller set's words found in the other: 1 means one says what the other does. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size;
}
