import type { StoredArticle } from '../ingest/article.ts';
import { contentWords, overlap, wordCount } from '../nlp/words.ts';
import { BRIEFING_LIMITS, type BriefActor, type BriefQuote } from './model.ts';

/**
 * Key quotes: attributed, statement-length quotes, ranked by the speaker's prominence and the
 * quote's substance; one per speaker before any speaker gets a second, and never two that say
 * the same thing. Text stays exactly as the article has it.
 */

const MIN_WORDS = 6;
const MAX_WORDS = 80;
const SAME_THING = 0.5;

interface Candidate {
  quote: BriefQuote;
  bag: Set<string>;
  score: number;
}

export function pickQuotes(
  articles: StoredArticle[],
  actors: BriefActor[],
  sourceOf: (articleId: number) => number,
): BriefQuote[] {
  const prominence = new Map(actors.map((a, i) => [a.name, actors.length - i]));
  const roleOf = new Map(actors.map((a) => [a.name, a.role]));
  const surnameOf = new Map(
    actors.filter((a) => a.type === 'person').map((a) => [a.name.split(' ').at(-1)!, a.name]),
  );

  const candidates: Candidate[] = [];
  articles.forEach((article, ai) => {
    for (const q of article.analysis.quotes) {
      if (!q.speaker) continue;
      const words = wordCount(q.text);
      if (words < MIN_WORDS || words > MAX_WORDS) continue;
      const speaker = roleOf.has(q.speaker)
        ? q.speaker
        : (surnameOf.get(q.speaker.split(' ').at(-1)!) ?? q.speaker);
      const substance = Math.min(words, 40) / 40;
      const score =
        (prominence.get(speaker) ?? 0) / Math.max(1, actors.length) + substance + 1 / (2 + ai);
      const quote: BriefQuote = {
        text: q.text,
        speaker,
        role: roleOf.get(speaker) ?? null,
        articleId: article.id,
        source: sourceOf(article.id),
      };
      candidates.push({ quote, bag: new Set(contentWords(q.text)), score });
    }
  });
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      a.quote.articleId - b.quote.articleId ||
      a.quote.text.localeCompare(b.quote.text),
  );

  const picked: Candidate[] = [];
  const take = (c: Candidate): boolean => {
    if (picked.length >= BRIEFING_LIMITS.quotes) return false;
    if (picked.some((p) => p.quote.text === c.quote.text || overlap(p.bag, c.bag) >= SAME_THING))
      return false;
    picked.push(c);
    return true;
  };
  const speakers = new Set<string>();
  for (const c of candidates)
    if (!speakers.has(c.quote.speaker) && take(c)) speakers.add(c.quote.speaker);
  for (const c of candidates) if (!picked.includes(c)) take(c);
  return picked.map((c) => c.quote);
}
