import type { Analysis } from '../../model/analysis.ts';
import type { NewArticle, StoredArticle } from '../../model/article.ts';
import { canonicalUrl } from '../../model/url.ts';
import { type Flag, flag } from './columns.ts';
import { toInstant } from './instant.ts';

/**
 * What both stores write and read for an article: the URL it is deduplicated on, its column
 * values and its row read back, so SQLite and PostgreSQL store the same article the same way.
 */

/** An article's column values as both stores insert them (`partial` as SQLite's 0/1). */
export interface InsertParams {
  url: string | null;
  origin: string;
  source: string | null;
  title: string;
  published_at: string | null;
  ingested_at: string;
  sort_at: string;
  text: string;
  content_hash: string;
  analysis: string;
  analysis_version: number;
  partial: number;
}

/** The columns ArticleRow holds, on `articles AS a`. */
export const ARTICLE_COLUMNS =
  'a.id, a.url, a.origin, a.source, a.title, a.published_at, a.ingested_at, a."text", ' +
  'a.content_hash, a.analysis, a.analysis_version, a.partial';

/**
 * An articles row as SELECTed by ARTICLE_COLUMNS, from either driver: the columns inserted,
 * sort_at aside, with the id, and `partial` as SQLite's 0/1 or PostgreSQL's BOOLEAN.
 */
export type ArticleRow = Omit<InsertParams, 'sort_at' | 'partial'> & { id: number; partial: Flag };

/**
 * The URL an article is known by, and deduplicated on: its canonical http(s) form (tracking
 * parameters removed, see model/url.ts), else, lacking one, the canonical form of an http(s)
 * origin (the page it was fetched from). Another kind of URL is kept as given. An empty URL is
 * no URL: it must not make every URL-less article a duplicate of the first.
 */
export function urlOf(article: NewArticle): string | null {
  const given = article.url === null || article.url.trim() === '' ? null : article.url;
  if (given !== null) return canonicalUrl(given) ?? given;
  return canonicalUrl(article.origin);
}

export function toInsertParams(article: NewArticle, ingestedAt: string): InsertParams {
  // An unparseable publication date is kept verbatim but sorted by ingest time.
  const published = article.publishedAt === null ? null : toInstant(article.publishedAt);
  return {
    url: urlOf(article),
    origin: article.origin,
    source: article.source,
    title: article.title,
    published_at: article.publishedAt,
    ingested_at: ingestedAt,
    sort_at: published ?? ingestedAt,
    text: article.text,
    content_hash: article.contentHash,
    analysis: JSON.stringify(article.analysis),
    analysis_version: article.analysisVersion,
    partial: article.partial === true ? 1 : 0,
  };
}

/** The article_sources a copy adds: its origin and its `via`, blank ones left out. */
export function sourcesOfCopy(article: NewArticle): string[] {
  return [article.origin, article.via ?? ''].filter((s) => s.trim() !== '');
}

export function toStoredArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    publishedAt: row.published_at,
    source: row.source,
    url: row.url,
    origin: row.origin,
    contentHash: row.content_hash,
    analysis: JSON.parse(row.analysis) as Analysis,
    analysisVersion: row.analysis_version,
    ingestedAt: row.ingested_at,
    // Optional in the model: only a partial article says so.
    ...(flag(row.partial) ? { partial: true } : {}),
  };
}
