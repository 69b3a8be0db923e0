/**
 * The feeds Briefwire follows, their health, and the entries already seen. One row a feed
 * URL; entries are remembered by key so a repeated GUID never stores twice.
 */

export type PollStatus = 'ok' | 'not-modified' | 'failed';

export interface SkippedItem {
  /** The entry's link or key. */
  item: string;
  reason: string;
}

export interface Feed {
  id: number;
  url: string;
  /** Topic slug the feed was added for, or null. */
  topic: string | null;
  /** Poll interval. */
  everyMs: number;
  title: string | null;
  addedAt: string;
  /** Validators for the next conditional request. */
  etag: string | null;
  lastModified: string | null;
  /** When it may be polled next (interval, jitter or backoff applied). ISO time. */
  nextPollAt: string;
  lastPolledAt: string | null;
  lastStatus: PollStatus | null;
  lastError: string | null;
  /** Articles stored by the last poll, and in total. */
  lastNew: number;
  totalNew: number;
  /** What the last poll skipped, and why. */
  lastSkipped: SkippedItem[];
  /** Consecutive failed polls, for backoff. */
  failures: number;
  /** ISO time of the first failure in the current run of failures, or null when healthy. */
  failingSince: string | null;
  /** Set when the "feed failing" notice was sent for the current run of failures. */
  failingNoticeAt: string | null;
}

export interface NewFeed {
  url: string;
  topic: string | null;
  everyMs: number;
}

export interface PollRecord {
  status: PollStatus;
  at: string;
  nextPollAt: string;
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  error?: string | null;
  newArticles: number;
  skipped: SkippedItem[];
}

export interface FeedLease {
  now: string;
  /** Who polls: a process id unique among replicas. */
  by: string;
  until: string;
  limit: number;
}

export interface FeedStore {
  /** Adds a feed, or returns the one already following that URL (created: false). */
  add(feed: NewFeed): Promise<{ feed: Feed; created: boolean }>;
  list(): Promise<Feed[]>;
  /** By id (digits) or URL. */
  get(idOrUrl: string): Promise<Feed | null>;
  /** Removes it (and its seen entries); null when none matched. */
  remove(idOrUrl: string): Promise<Feed | null>;
  /** Feeds whose nextPollAt is at or before `now`, oldest first. */
  due(now: string): Promise<Feed[]>;
  /**
   * Leases up to `limit` due feeds to one process, oldest due first, so that replicas polling
   * together each poll different feeds. A feed leased to another process until after `now`
   * is left out; a lease ends when its poll is recorded, or at `until` (its process died).
   */
  lease(lease: FeedLease): Promise<Feed[]>;
  /** Records a poll: status, validators, counts; failures/failingSince follow the status. */
  recordPoll(id: number, poll: PollRecord): Promise<Feed>;
  /** Marks that the failing notice was sent (at) or, on recovery, clears it (null). */
  setFailingNotice(id: number, at: string | null): Promise<void>;
  /** The keys among `keys` already seen for this feed. */
  seenKeys(id: number, keys: readonly string[]): Promise<Set<string>>;
  /** Remembers entry keys as seen (idempotent). */
  markSeen(id: number, keys: readonly string[], at: string): Promise<void>;
}
