import type { NewArticle, StoredArticle } from '../../model/article.ts';

/** Articles and their full-text indexes (titles and text, analysis sentences). */

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

/** The articles port. */
export interface ArticleStore {
  /** Stores new articles; an article whose URL or content hash is already stored is a duplicate. */
  putArticles(articles: NewArticle[]): Promise<PutOutcome[]>;
  getArticles(ids: number[]): Promise<StoredArticle[]>;
  /**
   * Everywhere the article was reached from, first first: the origin (file path or URL) and
   * `via` ("feed:<feed url>") of every copy put, the duplicates' included; [] for no article.
   */
  sourcesOf(articleId: number): Promise<string[]>;
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
}
