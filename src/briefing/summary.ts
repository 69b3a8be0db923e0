import { BRIEFING_LIMITS, type SummaryItem } from '../model/briefing.ts';
import { contentWords, overlap, wordCount } from '../nlp/words.ts';
import type { Story } from './stories.ts';

/**
 * The briefing summary: each article's own ranked sentences, verbatim. Stories take turns in
 * their rank order, one sentence each before any gets a second, within the sentence and word
 * budget, never two sentences that say the same thing; then told story by story and, within
 * a story, in article and reading order.
 */

/**
 * A candidate sharing this much of its (smaller) word set with a sentence already picked, from
 * any article, is left out of the briefing for good. Stricter than the ranking's near-copy bar
 * (NEAR_COPY_OVERLAP, 0.6, in src/nlp/summary.ts), which only reorders one article's
 * sentences: here a repeat would spend one of the few sentences a briefing shows.
 */
const SAME_POINT_OVERLAP = 0.5;
/** How deep into each article's ranking the summary looks. */
const PER_ARTICLE = 5;

interface Candidate {
  story: number;
  /** Position of the article within its story. */
  member: number;
  sentence: number;
  text: string;
  articleId: number;
  words: number;
  bag: Set<string>;
}

/**
 * Whether a sentence can stand alone in a summary: one that opens a list (ends in a colon)
 * or opens or closes a quotation it does not finish (the sentence splitter cut inside a
 * quote) reads as a fragment out of its article.
 */
function readsAlone(text: string): boolean {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  return !/:\s*$/.test(text) && count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}

/** One story's candidates, best first: every article's best sentence before any second one. */
function candidatesOf(story: Story, s: number): Candidate[] {
  const out: Array<Candidate & { rank: number }> = [];
  story.articles.forEach((article, member) => {
    article.analysis.summary.slice(0, PER_ARTICLE).forEach((sentence, rank) => {
      const text = article.analysis.sentences[sentence]?.text;
      if (text === undefined || !readsAlone(text)) return;
      out.push({
        story: s,
        member,
        sentence,
        text,
        articleId: article.id,
        words: wordCount(text),
        bag: new Set(contentWords(text)),
        rank,
      });
    });
  });
  return out.sort((x, y) => x.rank - y.rank || x.member - y.member);
}

export function composeSummary(
  stories: Story[],
  sourceOf: (articleId: number) => number,
): SummaryItem[] {
  const several = stories.length >= 2;
  const maxSentences = several
    ? BRIEFING_LIMITS.multiStorySentences
    : BRIEFING_LIMITS.summarySentences;
  const maxWords = several ? BRIEFING_LIMITS.multiStoryWords : BRIEFING_LIMITS.summaryWords;
  const queues = stories.map(candidatesOf);

  const picked: Candidate[] = [];
  let words = 0;
  // A candidate that is redundant or too long now stays so (the budget only shrinks), so
  // each queue is consumed once.
  const next = (queue: Candidate[]): Candidate | undefined => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      if (words + c.words > maxWords) continue;
      if (picked.some((p) => overlap(p.bag, c.bag) >= SAME_POINT_OVERLAP)) continue;
      return c;
    }
    return undefined;
  };
  for (let progress = true; progress && picked.length < maxSentences; ) {
    progress = false;
    for (const queue of queues) {
      if (picked.length >= maxSentences) break;
      const c = next(queue);
      if (!c) continue;
      picked.push(c);
      words += c.words;
      progress = true;
    }
  }
  picked.sort((x, y) => x.story - y.story || x.member - y.member || x.sentence - y.sentence);
  return picked.map((c) => ({
    text: c.text,
    articleId: c.articleId,
    source: sourceOf(c.articleId),
    story: c.story + 1,
  }));
}
