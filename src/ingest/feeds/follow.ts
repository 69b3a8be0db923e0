import { BriefwireError, type ErrorCode } from '../../model/errors.ts';
import type { Feed, NewFeed } from '../../store/ports/feeds.ts';
import { type FeedPoll, type PollDeps, pollFeed } from './poll.ts';

/**
 * Following a feed, from the CLI or from chat: add it, poll it at once, and answer with what
 * it found. A URL that is no feed at all (or may not be fetched) is not kept; one that fails
 * for a passing reason (a timeout, a 503) is kept and retried on its schedule.
 */

/** Failures that will not pass by themselves: the feed is not kept. */
const REFUSED_AT_ADD: ReadonlySet<ErrorCode> = new Set([
  'FEED_INVALID',
  'FETCH_REFUSED',
  'FETCH_TOO_LARGE',
  'INPUT_EMPTY',
  'INPUT_NOT_TEXT',
]);

export interface Followed {
  feed: Feed;
  /** False when the URL was already followed. */
  created: boolean;
  poll: FeedPoll;
}

export async function followFeed(deps: PollDeps, request: NewFeed): Promise<Followed> {
  const { feed, created } = await deps.feeds.add(request);
  const poll = await pollFeed(deps, feed);
  if (created && poll.code !== null && REFUSED_AT_ADD.has(poll.code)) {
    await deps.feeds.remove(String(feed.id));
    throw new BriefwireError(
      poll.code,
      `${request.url}: not added: ${poll.report.error ?? ''}`,
      request.url,
    );
  }
  return { feed: poll.feed, created, poll };
}
