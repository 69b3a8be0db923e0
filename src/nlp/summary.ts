import type { Sentence } from '../model/analysis.ts';
import { contentWords, overlap, wordCount } from './words.ts';

/**
 * Ranks an article's sentences for its summary, best first. News tells the gist first, so
 * the lead carries most weight; centrality (how much of a sentence the rest of the article
 * goes on to repeat) and the title lift the sentences that say what it is about; questions,
 * quotations and fragments are not the gist; near-copies of a sentence already ranked wait
 * until the end; and the first three, what a briefing shows, are chosen to fit a short
 * budget. Measured by `npm run eval` (ROUGE against Lead-3 on CNN/DM, Lead-k on BBC).
 */

/** Past the lead paragraph position stops counting: later sentences compete on content. */
const LEAD_SENTENCES = 5;
/** Weight of centrality (cosine with each later sentence, summed over n − 1, in [0, 1])
 *  against the position prior (0 for the first sentence, −ln 2 for the second, …). */
const CENTRALITY_WEIGHT = 8;
/** Weight of the sentence's similarity to the title, in [0, 1]. */
const TITLE_WEIGHT = 1;
/** Fragments ("Lunch.", "Watch the video.") almost never carry the gist. */
const SHORT_WORDS = 8;
const SHORT_PENALTY = 3;
/** A question opens a story but does not tell it. */
const QUESTION_PENALTY = 1;
/** A sentence that opens with a quotation reads badly out of context. */
const QUOTE_PENALTY = 0.4;
/** Link prompts, credits and bylines are never summary material. */
const FURNITURE = [
  /\b(?:click here|read more|sign up|subscribe|all rights reserved|copyright)\b/i,
  /https?:\/\/|www\./i,
  /^(?:photo|image|picture|credit|source)s?\s*:/i,
  /^by(?:\s+[\p{L}.'’-]+){1,4}\s*\.?$/iu,
];
/**
 * Within one article, a sentence whose smaller word set is this much inside one already ranked
 * is a near-copy (a lead restated further down) and moves to the end of the ranking, not out
 * of it. Set with the ranking against ROUGE in `npm run eval`; the briefing's own, stricter
 * bar across articles is SAME_POINT_OVERLAP in src/briefing/summary.ts.
 */
const NEAR_COPY_OVERLAP = 0.6;
/** The first three are chosen to fit this many words, as a briefing must … */
const BUDGET_WORDS = 60;
/** … at this cost per word beyond it: 10 words cost about the prior's step from 4th to 5th. */
const OVER_BUDGET_PER_WORD = 0.02;
const BUDGETED = 3;

/** Opening quotation marks, including the `` of tokenised text. */
const QUOTE_LED = /^(?:``|["“‘'«„])/;
const QUESTION = /\?["”’'»]*$|\? ''$/;

export function rankSummary(title: string, sentences: Sentence[]): number[] {
  const bags = sentences.map((s) => new Set(contentWords(s.text)));
  const titleBag = new Set(contentWords(title));
  const words = sentences.map((s) => wordCount(s.text));
  const n = sentences.length;

  const scores = sentences.map((s, i) => {
    const text = s.text.trim();
    if (FURNITURE.some((f) => f.test(text))) return Number.NEGATIVE_INFINITY;
    // Centrality looks forward: a lead is what the story goes on to elaborate.
    let later = 0;
    for (let j = i + 1; j < n; j++) later += cosine(bags[i]!, bags[j]!);
    let score =
      -Math.log1p(Math.min(i, LEAD_SENTENCES)) +
      (CENTRALITY_WEIGHT * later) / Math.max(1, n - 1) +
      TITLE_WEIGHT * cosine(bags[i]!, titleBag);
    if (words[i]! < SHORT_WORDS) score -= SHORT_PENALTY;
    if (QUESTION.test(text)) score -= QUESTION_PENALTY;
    if (QUOTE_LED.test(text)) score -= QUOTE_PENALTY;
    return score;
  });

  const ranked: number[] = [];
  const deferred: number[] = [];
  const take = (i: number): void => {
    if (ranked.some((r) => overlap(bags[r]!, bags[i]!) >= NEAR_COPY_OVERLAP)) deferred.push(i);
    else ranked.push(i);
  };
  const left = sentences.map((_, i) => i).filter((i) => scores[i]! > Number.NEGATIVE_INFINITY);
  // The first few greedily, each paying for the words it adds beyond the budget.
  let used = 0;
  while (ranked.length < BUDGETED && left.length) {
    let best = left[0]!;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of left) {
      const over = Math.max(0, used + words[i]! - BUDGET_WORDS) - Math.max(0, used - BUDGET_WORDS);
      const value = scores[i]! - OVER_BUDGET_PER_WORD * over;
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    left.splice(left.indexOf(best), 1);
    const before = ranked.length;
    take(best);
    if (ranked.length > before) used += words[best]!;
  }
  left.sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const i of left) take(i);
  return [...ranked, ...deferred];
}

/** Cosine of two word sets: shared words over the geometric mean of their sizes. */
function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
