import type { StoredArticle } from '../model/article.ts';
import { BRIEFING_LIMITS } from '../model/briefing.ts';
import type { ArticleQuery, ArticleStore } from '../store/ports/articles.ts';
import type { Topic } from './topics.ts';

/**
 * Which articles a briefing covers: the topic's matches in the window, ranked by relevance
 * (full-text bm25 of the topic's words) and recency together, capped. When the window holds
 * nothing, the most relevant matches of all time instead, recency second, so an archive of
 * older articles still briefs on its best matches rather than on whatever came last.
 */

/** How many of the newest matches are ranked; the cap keeps ranking cheap on a busy topic. */
const POOL = 200;
/** How many of the most relevant matching articles a briefing covers when its window is empty. */
const FALLBACK_ARTICLES = 10;
/** Age, in days behind the newest candidate, at which recency counts half. */
const RECENCY_HALF_DAYS = 2;
/**
 * In the fallback, relevances (as a share of the best) this close count as equal, so that
 * recency orders them: bm25 rarely ties exactly, and a hair's difference in it is no reason to
 * put a years-old article ahead of last month's.
 */
const RELEVANCE_STEP = 0.05;

export interface Selection {
  articles: StoredArticle[];
  /** True when the window was empty and the most relevant matches of all time stand in. */
  fallback: boolean;
}

export async function selectArticles(
  articles: ArticleStore,
  topic: Topic,
  since: string | null,
): Promise<Selection> {
  const scope: ArticleQuery = { terms: topic.terms, ...(since ? { since } : {}) };
  const pool = await articles.findArticles({ ...scope, limit: POOL });
  if (pool.length === 0 && since) {
    const best = await mostRelevant(articles, topic);
    return { articles: best, fallback: best.length > 0 };
  }
  return {
    articles: (await rank(articles, topic, scope, pool)).slice(0, BRIEFING_LIMITS.articles),
    fallback: false,
  };
}

/** All-time matches, most relevant first and, among equally relevant ones, the newest first. */
async function mostRelevant(articles: ArticleStore, topic: Topic): Promise<StoredArticle[]> {
  const scope: ArticleQuery = { terms: topic.terms };
  const hits = await articles.search(topicWords(topic), scope, POOL);
  if (hits.length === 0) {
    // Terms that match but give the search no word to rank by: recency alone.
    return articles.findArticles({ ...scope, limit: FALLBACK_ARTICLES });
  }
  const best = Math.max(...hits.map((h) => h.score)) || 1;
  const band = new Map(
    hits.map((h) => [h.articleId, Math.round(Math.max(0, h.score) / best / RELEVANCE_STEP)]),
  );
  // Only hits in a band at least as relevant as the last one that fits can be covered, so only
  // they are loaded (hits come best first).
  const bands = hits.map((h) => band.get(h.articleId) ?? 0);
  const cutoff = bands[Math.min(FALLBACK_ARTICLES, bands.length) - 1]!;
  const found = await articles.getArticles(
    hits.filter((_, i) => bands[i]! >= cutoff).map((h) => h.articleId),
  );
  found.sort(
    (x, y) => (band.get(y.id) ?? 0) - (band.get(x.id) ?? 0) || timeOf(y) - timeOf(x) || y.id - x.id,
  );
  return found.slice(0, FALLBACK_ARTICLES);
}

function topicWords(topic: Topic): string {
  return [...new Set(topic.terms.allOf.flat())].join(' ');
}

function timeOf(a: StoredArticle): number {
  return Date.parse(a.publishedAt ?? a.ingestedAt) || 0;
}

/**
 * Relevance (as a share of the best) and recency weigh equally. Recency
 * is measured from the newest candidate rather than the clock, so the same store gives the
 * same order whenever it is asked.
 */
async function rank(
  articles: ArticleStore,
  topic: Topic,
  scope: ArticleQuery,
  candidates: StoredArticle[],
): Promise<StoredArticle[]> {
  if (candidates.length <= 1) return candidates;
  const hits = await articles.search(topicWords(topic), { ...scope, limit: POOL }, POOL);
  const relevance = new Map(hits.map((h) => [h.articleId, h.score]));
  const scores = candidates.map((a) => Math.max(0, relevance.get(a.id) ?? 0));
  // Scaled by the best, not stretched min-to-max: when every article is on topic, the least
  // relevant of them is still relevant.
  const best = Math.max(...scores) || 1;
  const newest = Math.max(...candidates.map(timeOf));
  const scored = candidates.map((a, i) => {
    const ageDays = (newest - timeOf(a)) / 86_400_000;
    const recency = 1 / (1 + ageDays / RECENCY_HALF_DAYS);
    return { a, score: (scores[i]! / best + recency) / 2 };
  });
  scored.sort((x, y) => y.score - x.score || timeOf(y.a) - timeOf(x.a) || y.a.id - x.a.id);
  return scored.map((x) => x.a);
}
