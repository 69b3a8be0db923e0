/**
 * A feed as Briefwire reads it, whatever its format (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed).
 * parseFeed (./parse.ts) fills it from a maintained parser library's output.
 */

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'json';

export interface FeedEntry {
  /** Identity across polls: the GUID/id, else the link, else a hash of title and date. */
  key: string;
  title: string | null;
  /** The entry's article page (absolute URL), or null. */
  link: string | null;
  /** ISO 8601, or null when missing or unparseable. */
  publishedAt: string | null;
  author: string | null;
  /** Full text as HTML (content:encoded, Atom content, JSON Feed content_html), or null. */
  contentHtml: string | null;
  /** Full text as plain text (JSON Feed content_text), or null. */
  contentText: string | null;
  /** A teaser (description, Atom summary, JSON Feed summary), as HTML or text, or null. */
  summary: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to, or null. */
  siteUrl: string | null;
  entries: FeedEntry[];
}

/** One feed in an OPML outline. */
export interface OpmlFeed {
  url: string;
  title: string | null;
}

/** One feed's poll, as `feeds poll --json` prints it. */
export interface FeedPollReport {
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  /** Articles stored. */
  new: number;
  /** Entries whose article was already stored (through another feed, a link or a file). */
  duplicates: number;
  /** Teasers stored marked partial because their page could not be fetched. */
  partial: number;
  skipped: Array<{ item: string; reason: string }>;
  error: string | null;
}
