import { BRIEFING_LIMITS, type BriefQuote } from '../model/briefing.ts';
import { contentWords, overlap, plainWords, wordCount } from '../nlp/words.ts';
import type { ActorIndex } from './actors.ts';
import type { Topicality } from './on-topic.ts';
import type { Story } from './stories.ts';

/**
 * Key quotes: attributed, statement-length quotes, ranked by the speaker's prominence and the
 * quote's substance. One per speaker before any speaker gets a second; among those, a story
 * not yet quoted before a second quote from the same story. Never two that say the same
 * thing, and never one quote twice because two outlets carry the same wire copy. Text stays
 * exactly as the article has it.
 */

const MIN_WORDS = 6;
/** A key quote is a statement, not a block quotation of someone else's article. */
const MAX_WORDS = 60;
const SAME_THING = 0.5;
/** Prominence falls linearly over this many top actors; below them it no longer counts. */
const PROMINENT = 12;
/** A quote whose paragraph names every term group of the topic gains this much over one naming none. */
const TOPIC_WEIGHT = 0.5;

interface Candidate {
  quote: BriefQuote;
  story: number;
  /** Position of the article in the ranked input. */
  rank: number;
  start: number;
  bag: Set<string>;
  /** Share of the topic's term groups its paragraph names (see on-topic.ts). */
  about: number;
  /** The quote's words, space-joined and padded, to find one quote inside another. */
  plain: string;
  score: number;
}

function candidates(
  stories: Story[],
  actors: ActorIndex,
  sourceOf: (articleId: number) => number,
  topic: Topicality | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  stories.forEach((story, s) => {
    story.articles.forEach((article, k) => {
      const rank = story.ranks[k]!;
      for (const q of article.analysis.quotes) {
        if (!q.speaker) continue;
        const words = wordCount(q.text);
        if (words < MIN_WORDS || words > MAX_WORDS) continue;
        const found = actors.lookup(rank, q.speaker);
        const prominence = found ? Math.max(0, PROMINENT - found.rank) / PROMINENT : 0;
        const substance = Math.min(words, 40) / 40;
        const about = topic ? topic.ofSpan(article.analysis, q.sentence, q.end) : 1;
        out.push({
          quote: {
            text: q.text,
            speaker: found?.actor.name ?? q.speaker,
            role: found?.actor.role ?? null,
            articleId: article.id,
            source: sourceOf(article.id),
            sources: [],
          },
          story: s,
          rank,
          start: q.start,
          bag: new Set(contentWords(q.text)),
          about,
          plain: plainWords(q.text),
          score: prominence + substance + 1 / (2 + rank) + about * TOPIC_WEIGHT,
        });
      }
    });
  });
  return out.sort((a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start);
}

/**
 * Quotes about the topic only, when there are any: a quote whose paragraph names none of the
 * topic's terms comes from a matching article but may be about anything, and the same quote
 * would then lead unrelated topics. When no quote names the topic, the articles' own quotes
 * stand, as their summaries do, rather than a briefing with no voice in it.
 */
export function pickQuotes(
  stories: Story[],
  actors: ActorIndex,
  sourceOf: (articleId: number) => number,
  topic?: Topicality,
): BriefQuote[] {
  const all = candidates(stories, actors, sourceOf, topic);
  const pool = all.some((c) => c.about > 0) ? all.filter((c) => c.about > 0) : all;
  const picked: Candidate[] = [];
  const repeats = (c: Candidate): boolean =>
    picked.some(
      (p) =>
        p.plain.includes(c.plain) ||
        c.plain.includes(p.plain) ||
        overlap(p.bag, c.bag) >= SAME_THING,
    );
  while (picked.length < BRIEFING_LIMITS.quotes) {
    const speakers = new Set(picked.map((p) => p.quote.speaker));
    const quoted = new Set(picked.map((p) => p.story));
    // Lower is better: a new speaker first, then a new story; the pool is already by score.
    const tier = (c: Candidate): number =>
      (speakers.has(c.quote.speaker) ? 2 : 0) + (quoted.has(c.story) ? 1 : 0);
    let best: Candidate | undefined;
    for (const c of pool) {
      if (picked.includes(c) || (best && tier(c) >= tier(best)) || repeats(c)) continue;
      best = c;
    }
    if (!best) break;
    picked.push(best);
  }
  return picked.map((p) => ({ ...p.quote, sources: carriers(p, all) }));
}

/**
 * The sources that carry a picked quote: its own first, then every other article quoting the
 * same words (whole, or within a longer or shorter cut of them) in source order.
 */
function carriers(picked: Candidate, all: Candidate[]): number[] {
  const others = all
    .filter((c) => c.plain.includes(picked.plain) || picked.plain.includes(c.plain))
    .map((c) => c.quote.source)
    .filter((n) => n !== picked.quote.source);
  return [picked.quote.source, ...[...new Set(others)].sort((a, b) => a - b)];
}
