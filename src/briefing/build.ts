import { BriefwireError } from '../errors.ts';
import type { StoredArticle } from '../ingest/article.ts';
import type { Store } from '../store/port.ts';
import { mergeActors } from './actors.ts';
import { BRIEFING_LIMITS, type Briefing, type BriefSource } from './model.ts';
import { pickQuotes } from './quotes.ts';
import { composeSummary } from './summary.ts';
import { resolveTopic, type Topic, unknownTopicError } from './topics.ts';
import { describeWindow, parseWindow } from './window.ts';

export interface BriefRequest {
  topic: string;
  /** Window override ("24h", "7d", a date, "all"); the topic's own window otherwise. */
  since?: string;
  now?: Date;
}

/** How many of the most recent articles a briefing covers when its window holds none. */
const FALLBACK_ARTICLES = 10;

/** Selects the topic's articles and builds the briefing. Deterministic for a given store and `now`. */
export async function buildBriefing(
  store: Store,
  topics: Topic[],
  request: BriefRequest,
): Promise<Briefing> {
  const now = request.now ?? new Date();
  const topic = resolveTopic(request.topic, topics);
  const window = parseWindow(request.since ?? topic.window, now);
  const notes: string[] = [];

  const query = {
    terms: topic.terms,
    limit: BRIEFING_LIMITS.articles,
    ...(window.since ? { since: window.since } : {}),
  };
  let articles = await store.findArticles(query);
  let fallback = false;
  if (articles.length === 0 && window.since) {
    articles = await store.findArticles({ terms: topic.terms, limit: FALLBACK_ARTICLES });
    if (articles.length > 0) {
      fallback = true;
      const n = articles.length;
      notes.push(
        `No article in ${describeWindow(window.label)}; this briefing covers the ${n === 1 ? 'most recent matching article' : `${n} most recent matching articles`}.`,
      );
    }
  }
  if (articles.length === 0) {
    if (!topic.defined) throw unknownTopicError(request.topic, topics);
    throw new BriefwireError(
      'NO_ARTICLES',
      `No stored article matches topic "${topic.slug}" yet. Ingest some with: briefwire ingest <file|dir|url>`,
      topic.slug,
    );
  }
  return assemble(
    topic,
    articles,
    { since: window.since, until: now.toISOString(), label: window.label, fallback },
    notes,
    now,
  );
}

function assemble(
  topic: Topic,
  articles: StoredArticle[],
  window: Briefing['window'],
  notes: string[],
  now: Date,
): Briefing {
  const sources: BriefSource[] = articles.map((a, i) => ({
    n: i + 1,
    articleId: a.id,
    title: a.title,
    source: a.source,
    url: a.url,
    origin: a.origin,
    publishedAt: a.publishedAt,
  }));
  const sourceNumber = new Map(sources.map((s) => [s.articleId, s.n]));
  const sourceOf = (id: number): number => sourceNumber.get(id) ?? 0;
  const actors = mergeActors(articles);
  return {
    topic: topic.slug,
    title: topic.title,
    generatedAt: now.toISOString(),
    window,
    summary: composeSummary(articles, sourceOf),
    quotes: pickQuotes(articles, actors, sourceOf),
    actors: actors.slice(0, BRIEFING_LIMITS.actors),
    sources,
    notes,
  };
}
