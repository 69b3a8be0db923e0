import type { Analysis } from './analysis.ts';

/** An article parsed and cleaned from one input, before analysis. */
export interface ParsedArticle {
  title: string;
  /** The body with boilerplate removed; paragraphs separated by a blank line. */
  text: string;
  /** ISO 8601 date-time, or null when the input gives none. */
  publishedAt: string | null;
  /** Outlet or site name when known ("Middle East Monitor"), else null. */
  source: string | null;
  /** Canonical URL when known. */
  url: string | null;
}

/** What ingest hands the store: a parsed article, where it came from, and its analysis. */
export interface NewArticle extends ParsedArticle {
  /** The file path or URL the article was read from, as the user gave it. */
  origin: string;
  /** sha256 of the normalised text, for exact-duplicate detection. */
  contentHash: string;
  analysis: Analysis;
  analysisVersion: number;
  /**
   * How it was reached besides its origin, e.g. "feed:<feed url>" for a feed entry whose
   * origin is the entry's link. Kept among the article's sources, not as a field of its own.
   */
  via?: string | null;
  /** A feed entry's teaser, stored because its page could not be fetched. Absent: false. */
  partial?: boolean;
}

export interface StoredArticle extends NewArticle {
  id: number;
  /** ISO time it was stored. */
  ingestedAt: string;
}
