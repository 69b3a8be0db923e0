import type { Sentence } from './model.ts';
import { contentWords, wordCount } from './words.ts';

/**
 * Ranks an article's sentences for its summary: news puts the gist first, so position
 * carries most weight, and centrality (shared vocabulary with the title and the rest of
 * the article) lifts the sentences that say what the article is about.
 */

const MIN_WORDS = 6;
const MAX_WORDS = 60;

export function rankSummary(title: string, sentences: Sentence[]): number[] {
  const docFreq = new Map<string, number>();
  const bags = sentences.map((s) => new Set(contentWords(s.text)));
  for (const bag of bags) for (const w of bag) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  const titleWords = new Set(contentWords(title));

  const scored = sentences.map((s, i) => {
    const bag = bags[i]!;
    const words = wordCount(s.text);
    if (words < MIN_WORDS || words > MAX_WORDS || /\?["”’]?$/.test(s.text)) return { i, score: -1 };
    let central = 0;
    for (const w of bag) central += (docFreq.get(w) ?? 1) - 1 + (titleWords.has(w) ? 2 : 0);
    const centrality = bag.size ? central / (bag.size + 4) : 0;
    const position = 1 / (1 + 0.35 * i);
    // A sentence that is all quotation reads badly out of context.
    const quoteOnly = /^["“‘]/.test(s.text) ? 0.5 : 1;
    return { i, score: (2 * position + centrality / 3) * quoteOnly };
  });
  return scored
    .filter((x) => x.score >= 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.i);
}
