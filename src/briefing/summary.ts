import { BRIEFING_LIMITS, type SummaryItem } from '../model/briefing.ts';
import { contentWords, overlap, wordCount } from '../nlp/words.ts';
import type { Topicality } from './on-topic.ts';
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
/** How many of each article's ranked sentences the summary considers. */
const PER_ARTICLE = 5;
/** How many times deeper than that it looks for sentences about the topic. */
const DEEPER = 3;

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

/**
 * One story's candidates, best first: every article's best sentence before any second one.
 * When some of the story's sentences are about the topic (their paragraph names its terms),
 * only those: the story matched the topic, but a sentence about something else (a caption,
 * a passing subject) would tell the reader nothing about it. A story none of whose sentences
 * names the topic keeps its own best ones, since it was selected for the topic all the same.
 */
function candidatesOf(story: Story, s: number, topic?: Topicality): Candidate[] {
  const out: Array<Candidate & { rank: number; about: number }> = [];
  story.articles.forEach((article, member) => {
    article.analysis.summary.slice(0, PER_ARTICLE * DEEPER).forEach((sentence, rank) => {
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
        about: topic ? topic.ofSentence(article.analysis, sentence) : 1,
      });
    });
  });
  const onTopic = out.some((c) => c.about > 0);
  const kept = out.filter((c) => (onTopic ? c.about > 0 : c.rank < PER_ARTICLE));
  // Each article's kept sentences renumbered, so the turn-taking is over what is left.
  const taken = new Map<number, number>();
  const turns = kept.map((c) => {
    const turn = taken.get(c.member) ?? 0;
    taken.set(c.member, turn + 1);
    return { c, turn };
  });
  const shared = centrality(turns);
  return turns
    .filter((t) => t.turn < PER_ARTICLE)
    .sort(
      (x, y) =>
        x.turn - y.turn ||
        (x.turn === 0 ? shared(y.c) - shared(x.c) : 0) ||
        x.c.member - y.c.member,
    )
    .map((t) => t.c);
}

/** How many of an article's leading candidates are set against the other outlets' ones. */
const LEADING = 3;

/**
 * For a story several outlets wrote up, how much of what the other outlets lead with a
 * sentence says (its best overlap with each other outlet's leading sentences, summed): the
 * event's sentence is the one the outlets agree on, not the best-ranked outlet's angle.
 */
function centrality(turns: Array<{ c: Candidate; turn: number }>): (c: Candidate) => number {
  const leading = turns.filter((t) => t.turn < LEADING).map((t) => t.c);
  const members = new Set(leading.map((c) => c.member));
  if (members.size < 2) return () => 0;
  const memo = new Map<Candidate, number>();
  return (c) => {
    let total = memo.get(c);
    if (total !== undefined) return total;
    total = 0;
    for (const m of members) {
      if (m === c.member) continue;
      let best = 0;
      for (const x of leading) if (x.member === m) best = Math.max(best, overlap(c.bag, x.bag));
      total += best;
    }
    memo.set(c, total);
    return total;
  };
}

export function composeSummary(
  stories: Story[],
  sourceOf: (articleId: number) => number,
  topic?: Topicality,
): SummaryItem[] {
  const several = stories.length >= 2;
  const maxSentences = several
    ? BRIEFING_LIMITS.multiStorySentences
    : BRIEFING_LIMITS.summarySentences;
  const maxWords = several ? BRIEFING_LIMITS.multiStoryWords : BRIEFING_LIMITS.summaryWords;
  const queues = stories.map((story, i) => candidatesOf(story, i, topic));

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
