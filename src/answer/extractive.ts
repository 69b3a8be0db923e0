import type { StoredArticle } from '../ingest/article.ts';
import { contentWords } from '../nlp/words.ts';
import type { Store } from '../store/port.ts';
import type { Answer, Citation } from './model.ts';

/**
 * The embedded answerer: extractive, so every answer is a sentence from a stored article,
 * cited. It looks in the briefing's articles first, then in the whole store, and says plainly
 * when no sentence covers enough of the question.
 */

/** Words that shape a question but say nothing about its subject. */
const QUESTION_WORDS = new Set([
  'who',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'many',
  'much',
  'does',
  'did',
  'tell',
  'about',
  'know',
  'anything',
  'else',
]);

/** Share of the question's subject words a sentence must contain to count as an answer. */
const MIN_COVERAGE = 0.6;

interface Scored {
  article: StoredArticle;
  sentence: string;
  score: number;
}

function subjectWords(question: string): string[] {
  return [...new Set(contentWords(question).filter((w) => !QUESTION_WORDS.has(w)))];
}

function bestSentence(articles: StoredArticle[], words: string[]): Scored | null {
  // Rarer words count more: a sentence that shares "mccallum" beats one that shares "said".
  const df = new Map<string, number>();
  const bags = articles.map((a) => a.analysis.sentences.map((s) => new Set(contentWords(s.text))));
  for (const sentences of bags)
    for (const bag of sentences)
      for (const w of words) if (bag.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const total = bags.reduce((n, s) => n + s.length, 0) + 1;
  const weight = (w: string): number => Math.log(1 + total / (1 + (df.get(w) ?? 0)));
  const possible = words.reduce((n, w) => n + weight(w), 0);
  let best: Scored | null = null;
  articles.forEach((article, ai) => {
    article.analysis.sentences.forEach((s, si) => {
      const bag = bags[ai]![si]!;
      const hits = words.filter((w) => bag.has(w));
      if (hits.length / words.length < MIN_COVERAGE) return;
      const score = hits.reduce((n, w) => n + weight(w), 0) / possible;
      if (!best || score > best.score) best = { article, sentence: s.text, score };
    });
  });
  return best;
}

function cite(a: StoredArticle, sentence: string): Citation {
  return {
    articleId: a.id,
    title: a.title,
    sentence,
    source: a.source,
    url: a.url,
    origin: a.origin,
    publishedAt: a.publishedAt,
  };
}

export async function answerQuestion(
  store: Store,
  question: string,
  briefingArticles: number[],
): Promise<Answer> {
  const words = subjectWords(question);
  const notFound = (scope: Answer['scope']): Answer => ({
    question,
    found: false,
    answer: "I couldn't find that in the stored articles, so I won't guess.",
    citations: [],
    scope,
  });
  if (words.length === 0) return notFound('briefing');
  const answered = (best: Scored, scope: Answer['scope']): Answer => ({
    question,
    found: true,
    answer: best.sentence,
    citations: [cite(best.article, best.sentence)],
    scope,
  });
  const inBriefing = bestSentence(await store.getArticles(briefingArticles), words);
  if (inBriefing) return answered(inBriefing, 'briefing');
  const hits = await store.search(words.join(' '), {}, 20);
  const elsewhere = bestSentence(await store.getArticles(hits.map((h) => h.articleId)), words);
  if (elsewhere) return answered(elsewhere, 'store');
  return notFound('store');
}
