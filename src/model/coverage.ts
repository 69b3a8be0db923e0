/**
 * A topic's coverage for its web page: how many articles each outlet published per day over
 * the window. The busiest outlets keep their names; the rest are counted together.
 */
export interface Coverage {
  /** Every day of the span, oldest first, as YYYY-MM-DD (UTC). */
  days: string[];
  /** The outlets charted, busiest first; "other outlets" last when some were folded. */
  outlets: string[];
  /** counts[d][o]: articles from outlets[o] on days[d]. */
  counts: number[][];
  articles: number;
}
