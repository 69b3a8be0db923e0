import type { StoredArticle } from '../ingest/article.ts';
import { contentWords, overlap, wordCount } from '../nlp/words.ts';
import { BRIEFING_LIMITS, type SummaryItem } from './model.ts';

/**
 * The briefing summary: each article's own best sentences, taken in turn from the most
 * relevant articles first, within the sentence and word budget, never two sentences that say
 * the same thing; then told in article order and, within an article, in reading order.
 */

/** Two sentences sharing more than this share of words say the same thing. */
export const REDUNDANT_OVERLAP = 0.5;
const PER_ARTICLE = 5;

interface Candidate {
  article: number;
  sentence: number;
  text: string;
  words: number;
  bag: Set<string>;
  score: number;
}

export function composeSummary(
  articles: StoredArticle[],
  sourceOf: (articleId: number) => number,
): SummaryItem[] {
  const candidates: Candidate[] = [];
  articles.forEach((a, ai) => {
    a.analysis.summary.slice(0, PER_ARTICLE).forEach((si, rank) => {
      const s = a.analysis.sentences[si];
      if (!s) return;
      // Each article's best sentence before any article's second: the summary spans the
      // stories; article order (relevance and recency) breaks ties.
      const score = 1 / (1 + rank) + 0.5 / (1 + ai);
      candidates.push({
        article: ai,
        sentence: si,
        text: s.text,
        words: wordCount(s.text),
        bag: new Set(contentWords(s.text)),
        score,
      });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.article - y.article || x.sentence - y.sentence);

  const picked: Candidate[] = [];
  let words = 0;
  for (const c of candidates) {
    if (picked.length >= BRIEFING_LIMITS.summarySentences) break;
    if (words + c.words > BRIEFING_LIMITS.summaryWords) continue;
    if (picked.some((p) => overlap(p.bag, c.bag) >= REDUNDANT_OVERLAP)) continue;
    picked.push(c);
    words += c.words;
  }
  picked.sort((x, y) => x.article - y.article || x.sentence - y.sentence);
  return picked.map((c) => {
    const id = articles[c.article]!.id;
    return { text: c.text, articleId: id, source: sourceOf(id) };
  });
}
