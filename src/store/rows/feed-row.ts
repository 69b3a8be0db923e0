import type { Feed, PollStatus, SkippedItem } from '../ports/feeds.ts';
import type { BigIntColumn } from './columns.ts';

/** A feeds row (SELECT * / RETURNING *) as either driver gives it. */
export type FeedRow = {
  id: number;
  url: string;
  topic: string | null;
  /** BIGINT in PostgreSQL, so pg hands it over as a string. */
  every_ms: BigIntColumn;
  title: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  last_new: number;
  total_new: number;
  last_skipped: string;
  failures: number;
  failing_since: string | null;
  failing_notice_at: string | null;
};

const STATUSES: readonly PollStatus[] = ['ok', 'not-modified', 'failed'];

/** A status another version wrote, or none, reads as no status. */
function statusOf(value: string | null): PollStatus | null {
  return STATUSES.find((s) => s === value) ?? null;
}

/** The skipped list as stored; a row another version wrote oddly reads as nothing skipped. */
function skippedOf(json: string): SkippedItem[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((v: unknown) => {
      if (typeof v !== 'object' || v === null) return [];
      const { item, reason } = v as Record<string, unknown>;
      return typeof item === 'string' && typeof reason === 'string' ? [{ item, reason }] : [];
    });
  } catch {
    return [];
  }
}

export function toFeed(r: FeedRow): Feed {
  return {
    id: r.id,
    url: r.url,
    topic: r.topic,
    everyMs: Number(r.every_ms),
    title: r.title,
    addedAt: r.added_at,
    etag: r.etag,
    lastModified: r.last_modified,
    nextPollAt: r.next_poll_at,
    lastPolledAt: r.last_polled_at,
    lastStatus: statusOf(r.last_status),
    lastError: r.last_error,
    lastNew: r.last_new,
    totalNew: r.total_new,
    lastSkipped: skippedOf(r.last_skipped),
    failures: r.failures,
    failingSince: r.failing_since,
    failingNoticeAt: r.failing_notice_at,
  };
}
