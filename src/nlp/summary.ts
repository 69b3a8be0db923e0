import type { Sentence } from '../model/analysis.ts';
import { LIMITS } from '../model/limits.ts';
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
/**
 * A sentence is checked for being a near-copy against the first this many ranked, not all of
 * them: that keeps a long article's ranking linear in its length, and every ranking reader
 * takes five sentences or fewer, all placed exactly as with no bound.
 */
const NEAR_COPY_REACH = 50;
/** The first three are chosen to fit this many words, as a briefing must … */
const BUDGET_WORDS = 60;
/** … at this cost per word beyond it: 10 words cost about the prior's step from 4th to 5th. */
const OVER_BUDGET_PER_WORD = 0.02;
const BUDGETED = 3;
/**
 * Greedy picks tried for those three: each is a pass over every sentence, and a picked
 * near-copy does not count, so an article that repeats one sentence thousands of times would
 * otherwise make as many passes. Past this, the rest are ranked by score alone.
 */
const BUDGET_TRIES = 20;

/** Opening quotation marks, including the `` of tokenised text. */
const QUOTE_LED = /^(?:``|["“‘'«„])/;
const QUESTION = /\?["”’'»]*$|\? ''$/;

export function rankSummary(title: string, sentences: Sentence[]): number[] {
  const bags = sentences.map((s) => new Set(contentWords(s.text)));
  const titleBag = new Set(contentWords(cutFromLead(title, sentences) ? '' : title));
  const words = sentences.map((s) => wordCount(s.text));
  const n = sentences.length;
  const later = forwardCentrality(bags);

  const scores = sentences.map((s, i) => {
    // A sentence too long to show (an unbroken blob, a run-on list) is never summary material.
    if (s.text.length > LIMITS.summarySentenceChars) return Number.NEGATIVE_INFINITY;
    const text = s.text.trim();
    if (FURNITURE.some((f) => f.test(text))) return Number.NEGATIVE_INFINITY;
    let score =
      -Math.log1p(Math.min(i, LEAD_SENTENCES)) +
      (CENTRALITY_WEIGHT * later[i]!) / Math.max(1, n - 1) +
      TITLE_WEIGHT * cosine(bags[i]!, titleBag);
    if (words[i]! < SHORT_WORDS) score -= SHORT_PENALTY;
    if (QUESTION.test(text)) score -= QUESTION_PENALTY;
    if (QUOTE_LED.test(text)) score -= QUOTE_PENALTY;
    return score;
  });

  const ranked: number[] = [];
  const deferred: number[] = [];
  const take = (i: number): void => {
    const reach = Math.min(ranked.length, NEAR_COPY_REACH);
    for (let k = 0; k < reach; k++) {
      if (overlap(bags[ranked[k]!]!, bags[i]!) >= NEAR_COPY_OVERLAP) {
        deferred.push(i);
        return;
      }
    }
    ranked.push(i);
  };
  const left = sentences.map((_, i) => i).filter((i) => scores[i]! > Number.NEGATIVE_INFINITY);
  // The first few greedily, each paying for the words it adds beyond the budget.
  let used = 0;
  for (let tries = 0; ranked.length < BUDGETED && left.length && tries < BUDGET_TRIES; tries++) {
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

/**
 * Centrality looks forward: a lead is what the story goes on to elaborate. For each sentence,
 * the sum of its cosines with every later sentence, computed in one backward pass: a cosine
 * is the sum, over shared words, of 1 / √(|a|·|b|), so each word carries the sum of
 * 1 / √|b| over the later sentences that hold it. Linear in the words, where comparing
 * every pair of sentences grew with the square of a long article's length.
 */
function forwardCentrality(bags: ReadonlyArray<ReadonlySet<string>>): number[] {
  const later = new Array<number>(bags.length).fill(0);
  const weight = new Map<string, number>();
  for (let i = bags.length - 1; i >= 0; i--) {
    const bag = bags[i]!;
    if (bag.size === 0) continue;
    let sum = 0;
    for (const w of bag) sum += weight.get(w) ?? 0;
    later[i] = sum / Math.sqrt(bag.size);
    const share = 1 / Math.sqrt(bag.size);
    for (const w of bag) weight.set(w, (weight.get(w) ?? 0) + share);
  }
  return later;
}

/**
 * A file without a headline gets its opening sentence, maybe cut short with "…", as its title
 * (ingest's titleFromText). Such a title is the lead again, not a headline's separate word on
 * what the story is about: scored, it would count the lead twice and lift sentences that
 * restate it over ones that add to it. Measured on CNN/DM sent as JSON records with no title.
 */
function cutFromLead(title: string, sentences: readonly Sentence[]): boolean {
  const head = title.trim().replace(/…$/u, '').trimEnd();
  return head !== '' && (sentences[0]?.text.trimStart().startsWith(head) ?? false);
}

/** Cosine of two word sets: shared words over the geometric mean of their sizes. */
function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
