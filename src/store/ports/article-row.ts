import type { NewArticle } from '../../model/article.ts';
import { canonicalUrl } from '../../model/url.ts';

/**
 * What both stores write for an article: the URL it is deduplicated on and its column
 * values, so SQLite and PostgreSQL store the same article the same way.
 */

/**
 * An ISO time as a UTC instant with milliseconds (the form sort_at is stored in), so string
 * comparison is time comparison whatever offset or precision the caller wrote.
 */
export function toInstant(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

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
