import type { NewArticle, StoredArticle } from '../ingest/article.ts';

/**
 * A term query: every group must match (AND), a group matches when any of its phrases does
 * (OR); an article matching any excluded phrase is left out. Phrases are plain words
 * ("united kingdom"), matched case-insensitively as whole words by the full-text index.
 */
export interface TermQuery {
  allOf: string[][];
  noneOf?: string[];
}

export interface ArticleQuery {
  terms?: TermQuery;
  /** ISO time; only articles published (or, lacking a date, ingested) at or after it. */
  since?: string;
  /** ISO time; only articles published before it. */
  until?: string;
  /** Most recent first; at most this many. */
  limit?: number;
}

export type PutStatus = 'stored' | 'duplicate';

export interface PutOutcome {
  status: PutStatus;
  /** The stored article's id (the existing one for a duplicate). */
  id: number;
  /** For a duplicate: what matched an existing article. */
  duplicateOf?: 'url' | 'content';
  /** The article's origin, so a report can name it. */
  origin: string;
}

export interface Hit {
  articleId: number;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** A stored sentence matching a search: the article's analysis sentence at that index. */
export interface SentenceHit {
  articleId: number;
  /** Index into the article's analysis.sentences. */
  sentence: number;
  text: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** Where to look for sentences: an article scope, optionally only within the given articles. */
export type SentenceScope = { articleIds?: number[] } & ArticleQuery;

/** A briefing as delivered: who got it, about what, from which articles. */
export interface BriefingRecord {
  topic: string;
  /** Who it was for: "cli:<name>", "discord:<channel>", "slack:<team>:<channel>". */
  audience: string;
  /** ISO time it was built. */
  createdAt: string;
  /** The window label asked for ("7d", "all", a date). */
  window: string;
  /** The articles it drew on, in their briefing order. */
  articleIds: number[];
}

export interface StoredBriefing extends BriefingRecord {
  id: number;
}

/** A channel's digest subscription to a topic. */
export interface NewSubscription {
  platform: string;
  workspace: string | null;
  channel: string;
  topic: string;
  /** "daily HH:MM", "weekdays HH:MM" or a five-field cron expression. */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timezone: string;
  createdBy: string;
}

export interface Subscription extends NewSubscription {
  id: number;
  active: boolean;
  /** Why it was paused (channel gone, bot removed), or null. */
  pausedReason: string | null;
  createdAt: string;
}

export interface ChannelFilter {
  platform?: string;
  workspace?: string | null;
  channel?: string;
}

/** The persistence port. SQLite and PostgreSQL implement the same contract suite. */
export interface Store {
  /** Stores new articles; an article whose URL or content hash is already stored is a duplicate. */
  putArticles(articles: NewArticle[]): Promise<PutOutcome[]>;
  getArticles(ids: number[]): Promise<StoredArticle[]>;
  /** Matching articles, most recently published first (undated ones by ingest time). */
  findArticles(query: ArticleQuery): Promise<StoredArticle[]>;
  countArticles(query: ArticleQuery): Promise<number>;
  /** Full-text relevance search over title and text, within a scope. */
  search(text: string, scope: ArticleQuery, k: number): Promise<Hit[]>;
  /**
   * Full-text relevance search over stored analysis sentences, any word of the text matching.
   * A word in a large share of all sentences may be left out when rarer ones remain.
   */
  searchSentences(text: string, scope: SentenceScope, k: number): Promise<SentenceHit[]>;
  /** Records a briefing so follow-ups, digests and "what's new" can refer to it. */
  saveBriefing(briefing: BriefingRecord): Promise<number>;
  getBriefing(id: number): Promise<StoredBriefing | null>;
  /** The most recent briefing of a topic for an audience, or null. */
  lastBriefing(topic: string, audience: string): Promise<StoredBriefing | null>;
  /** Adds a subscription, or updates the schedule of the channel's existing one for the topic. */
  saveSubscription(subscription: NewSubscription): Promise<Subscription>;
  listSubscriptions(filter: ChannelFilter): Promise<Subscription[]>;
  /** Removes the channel's subscription to a topic; false when there was none. */
  removeSubscription(
    channel: ChannelFilter & { platform: string; channel: string },
    topic: string,
  ): Promise<boolean>;
  /** Remembers which briefing a chat thread is about ("discord:<guild>:<thread>"). */
  linkThread(thread: string, briefingId: number): Promise<void>;
  briefingForThread(thread: string): Promise<number | null>;
  /** What a linked thread's questions are about now ("Ken McCallum"), for follow-on pronouns. */
  setThreadFocus(thread: string, focus: string | null): Promise<void>;
  threadFocus(thread: string): Promise<string | null>;
  close(): Promise<void>;
}
