import type { StoredArticle } from '../model/article.ts';
import { BRIEFING_LIMITS } from '../model/briefing.ts';
import type { ArticleQuery, ArticleStore } from '../store/ports/articles.ts';
import type { Topic } from './topics.ts';

/**
 * Which articles a briefing covers: the topic's matches in the window, ranked by relevance
 * (full-text bm25 of the topic's words) and recency together, capped. When the window holds
 * nothing, the most recent matches instead, so an archive of older articles still briefs.
 */

/** How many of the newest matches are ranked; the cap keeps ranking cheap on a busy topic. */
const POOL = 200;
/** How many of the most recent matching articles a briefing covers when its window is empty. */
const FALLBACK_ARTICLES = 10;
/** Age, in days behind the newest candidate, at which recency counts half. */
const RECENCY_HALF_DAYS = 2;

export interface Selection {
  articles: StoredArticle[];
  /** True when the window was empty and the most recent matches stand in. */
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
    const recent = await articles.findArticles({
      terms: topic.terms,
      limit: FALLBACK_ARTICLES,
    });
    return {
      articles: await rank(articles, topic, { terms: topic.terms }, recent),
      fallback: recent.length > 0,
    };
  }
  return {
    articles: (await rank(articles, topic, scope, pool)).slice(0, BRIEFING_LIMITS.articles),
    fallback: false,
  };
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
  const words = [...new Set(topic.terms.allOf.flat())].join(' ');
  const hits = await articles.search(words, { ...scope, limit: POOL }, POOL);
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
