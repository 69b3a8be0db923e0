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
  /** Records a briefing so follow-ups, digests and "what's new" can refer to it. */
  saveBriefing(briefing: BriefingRecord): Promise<number>;
  getBriefing(id: number): Promise<StoredBriefing | null>;
  /** The most recent briefing of a topic for an audience, or null. */
  lastBriefing(topic: string, audience: string): Promise<StoredBriefing | null>;
  close(): Promise<void>;
}
