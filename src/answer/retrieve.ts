import type { StoredArticle } from '../model/article.ts';
import type { ArticleStore, SentenceScope } from '../store/ports/articles.ts';
import type { Question } from './question.ts';
import { stem } from './stem.ts';

/**
 * Candidate retrieval for the answerer: BM25 over stored sentences picks the articles worth
 * reading, so answering touches a few articles however large the store is. The answerer then
 * re-ranks every sentence of those articles, not only the hits: a sentence can answer through
 * an actor's alias ("Eastquay" for "Saltreach") or a synonym the full-text index does not know.
 */

/** Sentences fetched per question: enough to reach past one article's repeated wording. */
const SENTENCE_HITS = 60;
/** Articles re-ranked per scope; each costs a JSON parse and a pass over its sentences. */
const MAX_ARTICLES = 20;

/** The question's words and their stems, so "attempts" also finds "attempt". */
export function searchText(q: Question): string {
  const words = new Set<string>();
  for (const w of q.words) {
    words.add(w);
    words.add(stem(w));
  }
  return [...words].join(' ');
}

/** The articles holding the best-matching sentences, best first. */
export function candidateArticles(
  articles: ArticleStore,
  q: Question,
  scope: SentenceScope,
): Promise<StoredArticle[]> {
  return ranked(articles, q, scope, []);
}

/**
 * The briefing's articles to answer from: those the search ranks first, then the rest of the
 * briefing's, up to the same bound. A thread is about its briefing, so an article the index
 * misses (its words spelled otherwise: "co-chairman" for "cochairman") is still read.
 */
export function articlesOfBriefing(
  articles: ArticleStore,
  q: Question,
  ids: readonly number[],
): Promise<StoredArticle[]> {
  return ranked(articles, q, { articleIds: [...ids] }, ids);
}

/** Articles of the best-matching sentences in the scope, then `rest`, up to MAX_ARTICLES. */
async function ranked(
  articles: ArticleStore,
  q: Question,
  scope: SentenceScope,
  rest: readonly number[],
): Promise<StoredArticle[]> {
  const hits = await articles.searchSentences(searchText(q), scope, SENTENCE_HITS);
  const ids = [...new Set([...hits.map((h) => h.articleId), ...rest])].slice(0, MAX_ARTICLES);
  return ids.length > 0 ? articles.getArticles(ids) : [];
}
