import type { StoredArticle } from '../model/article.ts';
import {
  BRIEFING_LIMITS,
  type Briefing,
  type BriefSource,
  type BriefStory,
  describeWindow,
} from '../model/briefing.ts';
import { BriefwireError } from '../model/errors.ts';
import type { Stores } from '../store/ports/port.ts';
import { mergeActors } from './actors.ts';
import {
  isNewTo,
  previousTime,
  type Recall,
  recall,
  recordBriefing,
  sinceLastNote,
} from './history.ts';
import { newsOf, newsSince, type StoryNews } from './news.ts';
import { topicality } from './on-topic.ts';
import { outletsOf } from './outlets.ts';
import { pickQuotes } from './quotes.ts';
import { selectArticles } from './select.ts';
import { clusterStories, type Story } from './stories.ts';
import { composeSummary } from './summary.ts';
import { resolveTopic, type Topic, unknownTopicError } from './topics.ts';
import { parseWindow } from './window.ts';

export interface BriefRequest {
  topic: string;
  /** Window override ("24h", "7d", a date, "all"); the topic's own window otherwise. */
  since?: string;
  now?: Date;
  /** Who the briefing is for ("cli:ana", a channel, a digest): the key of "what's new since". */
  audience?: string;
  /**
   * What to do with what this audience was already told (its last delivered briefing in the
   * log): `lead` puts the new stories first and says so (`brief --since-last`); `only` keeps
   * only new articles (a digest), and there is no briefing when nothing is new.
   */
  news?: 'lead' | 'only';
  /**
   * Record the briefing in the log so later questions and "what's new" can refer to it;
   * `pending` records it as not yet delivered (a digest on its way to the platform).
   */
  record?: boolean | 'pending';
}

/** Selects the topic's articles and builds the briefing. Deterministic for a given store and `now`. */
export async function buildBriefing(
  stores: Stores,
  topics: Topic[],
  request: BriefRequest & { news: 'only' },
): Promise<Briefing | null>;
export async function buildBriefing(
  stores: Stores,
  topics: Topic[],
  request: BriefRequest,
): Promise<Briefing>;
export async function buildBriefing(
  stores: Stores,
  topics: Topic[],
  request: BriefRequest,
): Promise<Briefing | null> {
  const now = request.now ?? new Date();
  const topic = resolveTopic(request.topic, topics);
  const window = parseWindow(request.since ?? topic.window, now);
  const audience = request.audience ?? 'cli';

  const selected = await selectArticles(stores.articles, topic, window.since);
  const { fallback } = selected;
  const memory = request.news ? await recall(stores.briefings, topic.slug, audience) : null;
  const digest =
    request.news === 'only' && memory
      ? newsSince(selected.articles, (a) => !isNewTo(memory, a))
      : null;
  const articles = digest ? digest.articles : selected.articles;
  if (articles.length === 0) {
    if (request.news === 'only') return null;
    if (!topic.defined) throw unknownTopicError(request.topic, topics);
    throw new BriefwireError(
      'NO_ARTICLES',
      `No stored article matches topic "${topic.slug}" yet. Ingest some with: briefwire ingest <file|dir|url>`,
      topic.slug,
    );
  }

  const options: AssembleOptions = digest ? { updates: digest.updates } : {};
  if (request.news === 'lead' && memory)
    options.seen = new Set(articles.filter((a) => !isNewTo(memory, a)).map((a) => a.id));
  const notes = request.news === 'only' ? digestNotes(memory, fallback) : [];
  if (fallback && request.news !== 'only') {
    const n = articles.length;
    notes.push(
      `No article in ${describeWindow(window.label)}; this briefing covers ${n === 1 ? 'the only matching article, from before then' : `the ${n} most relevant matching articles from before then, the newest first where equally relevant`}.`,
    );
  }
  const foreign = articles.filter((a) => a.analysis.language !== undefined).length;
  if (foreign)
    notes.push(
      `${foreign === 1 ? 'One article is' : `${foreign} articles are`} not in English; analysis is English-only, so ${foreign === 1 ? 'it gives' : 'they give'} no quotes or actors.`,
    );
  const undated = articles.every((a) => a.publishedAt === null);
  if (undated)
    notes.push(
      `${articles.length === 1 ? 'This article carries no' : 'None of these articles carries a'} publication date; the window was applied to when ${articles.length === 1 ? 'it was' : 'they were'} ingested.`,
    );
  const briefing = assemble(
    topic,
    articles,
    { since: window.since, until: now.toISOString(), label: window.label, fallback, undated },
    notes,
    now,
    options,
  );
  if (request.news === 'lead') {
    briefing.notes.unshift(
      memory
        ? sinceLastNote(
            memory,
            briefing.stories.filter((s) => s.isNew).length,
            briefing.stories.filter((s) => s.update !== null).length,
          )
        : `No earlier briefing of "${topic.slug}" for ${audience}; everything here is new to you.`,
    );
  }
  if (request.record) {
    const delivered = request.record !== 'pending';
    briefing.id = await recordBriefing(stores.briefings, briefing, audience, delivered);
  }
  return briefing;
}

/** A digest says what it is new against: the previous digest, or the window the first one covers. */
function digestNotes(memory: Recall | null, fallback: boolean): string[] {
  if (memory) return [`New since the last digest (${previousTime(memory)} UTC).`];
  if (fallback)
    return [
      'Nothing in the topic window yet, so this first digest covers the most relevant earlier articles.',
    ];
  return [];
}

export interface AssembleOptions {
  /** Article ids the audience has already seen: a story none of whose articles is among them is new. */
  seen?: ReadonlySet<number>;
  /** For a digest of new articles only: the articles that update a known event, with their news. */
  updates?: ReadonlyMap<number, StoryNews>;
}

/**
 * Turns the selected articles, ranked most important first, into a briefing: stories of
 * near-duplicate articles, sources numbered story by story (so a story's outlets sit
 * together), and the summary, quotes and actors drawn across them.
 */
export function assemble(
  topic: Topic,
  articles: StoredArticle[],
  window: Briefing['window'],
  notes: string[],
  now: Date,
  options: AssembleOptions = {},
): Briefing {
  const seen = options.seen;
  const ranked = clusterStories(articles);
  const news = new Map(ranked.map((s) => [s, seen ? newsOf(s, seen) : null]));
  // Stories the audience has not seen lead, as history's "listed first" note promises, then
  // known events with a development, then the rest.
  const order = (s: Story): number =>
    ({ new: 0, update: 1, repeat: 2, seen: 2 })[news.get(s)?.kind ?? 'seen'];
  const clustered = seen ? [...ranked].sort((x, y) => order(x) - order(y)) : ranked;
  const ordered = clustered.flatMap((s) => s.articles);
  const sources: BriefSource[] = ordered.map((a, i) => ({
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
  const storyOf: number[] = [];
  clustered.forEach((s, n) => {
    for (const rank of s.ranks) storyOf[rank] = n;
  });
  const stories: BriefStory[] = clustered.map((s, i) => {
    const ids = s.articles.map((a) => a.id);
    const told =
      news.get(s) ?? s.articles.map((a) => options.updates?.get(a.id)).find(Boolean) ?? null;
    return {
      n: i + 1,
      title: s.articles[0]!.title,
      sources: ids.map(sourceOf),
      articleIds: ids,
      firstSeen: firstSeen(s.articles),
      isNew: told?.kind === 'new',
      outlets: outletsOf(s.articles),
      update: told?.kind === 'update' ? told.added : null,
    };
  });
  const actors = mergeActors(articles, storyOf);
  const about = topicality(topic.terms);
  return {
    id: null,
    topic: topic.slug,
    title: topic.title,
    generatedAt: now.toISOString(),
    window,
    summary: composeSummary(clustered, sourceOf, about),
    quotes: pickQuotes(clustered, actors, sourceOf, about),
    actors: actors.top(BRIEFING_LIMITS.actors),
    stories,
    sources,
    notes,
  };
}

/**
 * The earliest publication time among a story's articles; ingest time only when none is
 * dated, since ingest times differ between stores and publication times do not.
 */
function firstSeen(articles: StoredArticle[]): string {
  const dated = articles.map((a) => a.publishedAt).filter((t): t is string => t !== null);
  const times = dated.length ? dated : articles.map((a) => a.ingestedAt);
  return times.reduce((min, t) => (Date.parse(t) < Date.parse(min) ? t : min));
}
