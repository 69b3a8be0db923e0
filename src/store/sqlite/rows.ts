import type { Analysis } from '../../model/analysis.ts';
import type { StoredArticle } from '../../model/article.ts';

/** An articles row as SELECTed by ARTICLE_COLUMNS. */
export interface ArticleRow {
  id: number;
  url: string | null;
  origin: string;
  source: string | null;
  title: string;
  published_at: string | null;
  ingested_at: string;
  text: string;
  content_hash: string;
  analysis: string;
  analysis_version: number;
  partial: number;
}

export const ARTICLE_COLUMNS =
  'a.id, a.url, a.origin, a.source, a.title, a.published_at, a.ingested_at, a."text", ' +
  'a.content_hash, a.analysis, a.analysis_version, a.partial';

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
    ...(row.partial === 1 ? { partial: true } : {}),
  };
}

export { type InsertParams, toInsertParams, urlOf } from '../ports/article-row.ts';
