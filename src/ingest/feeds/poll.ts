import type { ErrorCode } from '../../model/errors.ts';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import type { ArticleStore } from '../../store/ports/articles.ts';
import type { Feed, FeedStore, SkippedItem } from '../../store/ports/feeds.ts';
import { FetchError, type Fetcher } from '../fetch/port.ts';
import { decodeBody } from '../url.ts';
import { looksLikeFeed, parseFeed } from './parse.ts';
import { entryItem, storeEntry } from './poll-entry.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule.ts';
import type { FeedEntry, FeedPollReport, ParsedFeed } from './types.ts';

/**
 * Polling one feed: a conditional request with the stored validators (a 304 stores nothing),
 * the feed parsed, entries already seen passed over, each new one stored on its own, then the
 * poll recorded with its next time (interval and jitter, or backoff after a failure).
 */

export interface PollDeps {
  fetcher: Fetcher;
  articles: ArticleStore;
  feeds: FeedStore;
  now: () => Date;
  /**
   * True once the poller is stopping: no further feed or entry is started (unstored entries
   * stay unseen, so the next poll picks them up).
   */
  stopping?: () => boolean;
}

export interface FeedPoll {
  report: FeedPollReport;
  /** The feed as recorded after the poll. */
  feed: Feed;
  /** Why the poll failed, or null. */
  code: ErrorCode | null;
}

/**
 * Failures worth retrying on the next poll: the entry stays unseen. Any other failure (no
 * article on the page, refused, too large) would fail the same way again, so the entry is
 * remembered and not fetched again every interval.
 */
const TRANSIENT: ReadonlySet<string> = new Set([
  'FETCH_TIMEOUT',
  'FETCH_FAILED',
  'STORE_BUSY',
  'STORE_FAILED',
]);

/** Polls up to this many feeds at once; the fetcher still keeps each host polite. */
const CONCURRENT_FEEDS = 4;

function codeOf(e: unknown): ErrorCode {
  return e instanceof BriefwireError ? e.code : 'FEED_INVALID';
}

/**
 * A fetched feed document, decoded (the charset the server declared wins; else the XML
 * declaration, the BOM or UTF-8) and parsed, or FEED_INVALID naming the feed's URL.
 */
function readFeedDocument(
  feedUrl: string,
  fetched: { url: string; contentType: string | null; charset: string | null; body: Buffer },
): ParsedFeed {
  const text = decodeBody(feedUrl, fetched.body, fetched.charset);
  if (!looksLikeFeed(fetched.contentType, text)) {
    const what = fetched.contentType === 'text/html' ? 'a web page' : 'not a feed document';
    throw new BriefwireError('FEED_INVALID', `${feedUrl}: not a feed: it is ${what}`, feedUrl);
  }
  return parseFeed(text, fetched.url);
}

export async function pollFeed(deps: PollDeps, feed: Feed): Promise<FeedPoll> {
  const now = deps.now();
  const at = now.toISOString();
  const failed = async (e: unknown): Promise<FeedPoll> => {
    const code = codeOf(e);
    const error = `${reasonOf(e)} [${code}]`;
    const retryAfter = e instanceof FetchError ? e.retryAfterMs : null;
    const recorded = await deps.feeds.recordPoll(feed.id, {
      status: 'failed',
      at,
      nextPollAt: nextPollAfterFailure(feed, feed.failures + 1, now, retryAfter),
      error,
      newArticles: 0,
      skipped: [],
    });
    return { report: emptyReport(feed.url, 'failed', error), feed: recorded, code };
  };

  let result: Awaited<ReturnType<Fetcher['fetch']>>;
  try {
    result = await deps.fetcher.fetch({
      url: feed.url,
      purpose: 'feed',
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
  } catch (e) {
    return failed(e);
  }
  if (result.status === 'not-modified') {
    const recorded = await deps.feeds.recordPoll(feed.id, {
      status: 'not-modified',
      at,
      nextPollAt: nextPollAfterSuccess(feed, now),
      etag: result.etag ?? feed.etag,
      lastModified: result.lastModified ?? feed.lastModified,
      newArticles: 0,
      skipped: [],
    });
    return { report: emptyReport(feed.url, 'not-modified', null), feed: recorded, code: null };
  }
  let parsed: ParsedFeed;
  try {
    parsed = readFeedDocument(feed.url, result);
  } catch (e) {
    return failed(e);
  }

  const report = await storeEntries(deps, { url: feed.url, title: parsed.title }, feed.id, parsed);
  const recorded = await deps.feeds.recordPoll(feed.id, {
    status: 'ok',
    at,
    nextPollAt: nextPollAfterSuccess(feed, now),
    etag: result.etag,
    lastModified: result.lastModified,
    title: parsed.title,
    newArticles: report.new,
    skipped: report.skipped,
  });
  return { report, feed: recorded, code: null };
}

/** The new entries of a parsed feed stored one by one; the seen ones passed over. */
async function storeEntries(
  deps: PollDeps,
  source: { url: string; title: string | null },
  feedId: number,
  parsed: ParsedFeed,
): Promise<FeedPollReport> {
  const report = emptyReport(source.url, 'ok', null);
  const unique = new Map<string, FeedEntry>();
  for (const entry of parsed.entries) {
    if (unique.has(entry.key)) {
      report.skipped.push({
        item: entryItem(source.url, entry),
        reason: 'repeats the id of an earlier entry in the feed',
      });
    } else unique.set(entry.key, entry);
  }
  const seen = await deps.feeds.seenKeys(feedId, [...unique.keys()]);
  for (const entry of unique.values()) {
    if (deps.stopping?.()) break;
    if (seen.has(entry.key)) continue;
    const outcome = await storeEntry(deps, source, entry);
    if (outcome.status === 'failed') {
      report.skipped.push({ item: outcome.item, reason: `${outcome.reason} [${outcome.code}]` });
      if (TRANSIENT.has(outcome.code)) continue;
    } else if (outcome.status === 'duplicate') {
      report.duplicates += 1;
    } else {
      report.new += 1;
      if (outcome.partial !== null) {
        report.partial += 1;
        report.skipped.push({
          item: outcome.item,
          reason: `stored the teaser only: ${outcome.partial}`,
        });
      }
    }
    await deps.feeds.markSeen(feedId, [entry.key], deps.now().toISOString());
  }
  return report;
}

function emptyReport(
  url: string,
  status: FeedPollReport['status'],
  error: string | null,
): FeedPollReport {
  const skipped: SkippedItem[] = [];
  return { url, status, new: 0, duplicates: 0, partial: 0, skipped, error };
}

/**
 * Polls the due feeds (every feed with `all`), a few at once, and returns their reports in
 * the order the store gave the feeds. A feed's failure is in its report; nothing throws but
 * the store itself.
 */
export async function pollFeeds(
  deps: PollDeps,
  options: {
    all?: boolean;
    /** Poll only feeds leased to this process (replicas on one database), a batch at a time. */
    lease?: { by: string; ms: number; limit: number };
    onPoll?: (poll: FeedPoll) => void | Promise<void>;
  } = {},
): Promise<FeedPoll[]> {
  const now = deps.now();
  const lease = options.lease;
  const feeds = options.all
    ? await deps.feeds.list()
    : lease
      ? await deps.feeds.lease({
          now: now.toISOString(),
          by: lease.by,
          until: new Date(now.getTime() + lease.ms).toISOString(),
          limit: lease.limit,
        })
      : await deps.feeds.due(now.toISOString());
  const polls: Array<FeedPoll | undefined> = new Array(feeds.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length && !deps.stopping?.()) {
      const i = next++;
      const poll = await pollFeed(deps, feeds[i]!);
      polls[i] = poll;
      await options.onPoll?.(poll);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FEEDS, feeds.length) }, worker));
  return polls.filter((p) => p !== undefined);
}
