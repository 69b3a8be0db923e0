import { hostname } from 'node:os';
import { type FeedPoll, type PollDeps, pollFeeds } from '../ingest/feeds/poll.ts';
import type { Fetcher } from '../ingest/fetch/port.ts';
import { reasonOf } from '../model/errors.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import type { Feed, FeedStore } from '../store/ports/feeds.ts';
import { type Clock, systemClock, type Ticker } from './clock.ts';

/**
 * Feeds polled on their own while `serve` runs. A timer wakes the poller once a minute and it
 * polls whatever feeds are due; when a feed polls (interval, id-fixed jitter, backoff) is
 * decided by poll-schedule.ts and stored as nextPollAt, so a restart or a second replica
 * changes nothing about it. A wake-up while the last one still runs is skipped.
 *
 * Health: a feed failing for longer than `failingAfterMs` is announced once through
 * onHealthChange('failing'), and once more ('recovered') when it next succeeds; the store's
 * failingNoticeAt remembers which was said, so neither repeats on every poll or restart.
 */

export type HealthChange = 'failing' | 'recovered';

export interface FeedPollerOptions {
  stores: { articles: ArticleStore; feeds: FeedStore };
  fetcher: Fetcher;
  failingAfterMs: number;
  clock?: Clock;
  /**
   * Who this process is among replicas on one database: due feeds are leased to it a batch
   * at a time, so each feed is polled by one replica at once. A random id when absent.
   */
  replicaId?: string;
  /** Tells the feed's audience; a throw leaves the notice unsent, to be tried again. */
  onHealthChange?: (feed: Feed, change: HealthChange) => void | Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface FeedPoller {
  /** Wakes at once, then every minute of the clock, until stopped. */
  start(): void;
  /** Polls every feed due by the clock's now once, then checks each one's health. */
  runDue(): Promise<FeedPoll[]>;
  /** Stops the timer and waits for the feeds being polled; the others wait for the next start. */
  stop(): Promise<void>;
}

const MINUTE = 60_000;
/**
 * How long a replica holds the feeds it took: longer than a batch takes to poll with the
 * per-host politeness, short enough that a replica that died delays its feeds little.
 */
const LEASE_MS = 15 * MINUTE;
/** Feeds taken per wake-up: what is due beyond it is left to the next wake-up or another replica. */
const LEASE_BATCH = 64;

export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  let stopping = false;
  const replicaId =
    options.replicaId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const deps: PollDeps = {
    fetcher: options.fetcher,
    articles: options.stores.articles,
    feeds: options.stores.feeds,
    now: () => clock.now(),
    stopping: () => stopping,
  };
  let timer: Ticker | null = null;
  let running: Promise<FeedPoll[]> | null = null;

  const checkHealth = async (feed: Feed): Promise<void> => {
    const now = clock.now();
    const failingFor =
      feed.failingSince === null ? 0 : now.getTime() - new Date(feed.failingSince).getTime();
    let change: HealthChange | null = null;
    if (feed.lastStatus === 'failed' && feed.failingNoticeAt === null) {
      if (failingFor >= options.failingAfterMs) change = 'failing';
    } else if (feed.lastStatus !== 'failed' && feed.failingNoticeAt !== null) {
      change = 'recovered';
    }
    if (change === null) return;
    try {
      await options.onHealthChange?.(feed, change);
    } catch (e) {
      log('warn', `feed ${feed.url}: the "${change}" notice was not sent: ${reasonOf(e)}`);
      return;
    }
    await options.stores.feeds.setFailingNotice(
      feed.id,
      change === 'failing' ? now.toISOString() : null,
    );
    log(change === 'failing' ? 'warn' : 'info', `feed ${feed.url}: ${change}`);
  };

  const onPoll = async (poll: FeedPoll): Promise<void> => {
    const { report } = poll;
    if (report.status === 'failed') log('warn', `feed ${report.url}: ${report.error}`);
    else if (report.new > 0) log('info', `feed ${report.url}: ${report.new} new`);
    await checkHealth(poll.feed);
  };

  const runDue = async (): Promise<FeedPoll[]> => {
    if (running) return [];
    running = pollFeeds(deps, {
      onPoll,
      lease: { by: replicaId, ms: LEASE_MS, limit: LEASE_BATCH },
    });
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const tick = (): void => {
    runDue().catch((e: unknown) => log('error', `feed polling: ${reasonOf(e)}`));
  };

  return {
    start() {
      if (timer) return;
      stopping = false;
      tick();
      timer = clock.everyMinute(tick);
    },
    runDue,
    async stop() {
      // Feeds and entries in flight finish (and are recorded); no new one starts.
      stopping = true;
      await timer?.stop();
      timer = null;
      await running?.catch(() => []);
    },
  };
}
