import { BriefwireError } from '../../model/errors.ts';
import type { FeedStore, NewFeed, PollRecord } from '../ports/feeds.ts';
import { type FeedRow, toFeed } from '../rows/feed-row.ts';
import { requireInstant } from '../rows/instant.ts';
import type { PostgresConnection } from './connection.ts';
import { isRowId } from './schema.ts';

/**
 * Followed feeds, their poll state and the entry keys they have seen, on PostgreSQL; the
 * same behaviour as the SQLite store (src/store/sqlite/feeds.ts). Times go in through
 * requireInstant, so `due` compares UTC instants as strings (the columns are COLLATE "C")
 * whatever offset the poller wrote.
 */

/** Digits are an id; anything else a URL. Null when the digits cannot be an id. */
function whereIdOrUrl(idOrUrl: string): { where: string; param: number | string } | null {
  const key = idOrUrl.trim();
  if (!/^\d+$/u.test(key)) return { where: 'url = $1', param: key };
  const id = Number(key);
  return isRowId(id) ? { where: 'id = $1', param: id } : null;
}

function unknownFeed(id: number): BriefwireError {
  return new BriefwireError('FEED_UNKNOWN', `No feed with id ${id} is followed`, String(id));
}

/** How often add retries when the feed it found vanishes before it can be read. */
const ADD_ATTEMPTS = 3;

export function createPostgresFeedStore(c: PostgresConnection): FeedStore {
  return {
    async add(feed: NewFeed) {
      const url = feed.url.trim();
      // Two statements, not one CTE: a concurrent insert of the same URL is only visible to a
      // statement that starts after it commits. A loop covers a remove in between.
      for (let attempt = 0; attempt < ADD_ATTEMPTS; attempt += 1) {
        const now = c.now().toISOString();
        // Due at once: adding a feed polls it at the next chance.
        const [inserted] = await c.query<FeedRow>(
          `INSERT INTO feeds (url, topic, every_ms, added_at, next_poll_at)
           VALUES ($1, $2, $3, $4, $4) ON CONFLICT (url) DO NOTHING RETURNING *`,
          [url, feed.topic, feed.everyMs, now],
        );
        if (inserted) return { feed: toFeed(inserted), created: true };
        const [existing] = await c.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
        if (existing) return { feed: toFeed(existing), created: false };
      }
      throw new BriefwireError(
        'STORE_FAILED',
        `feed ${url} could not be added: it was removed while being added`,
        url,
      );
    },

    async list() {
      return (await c.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).map(toFeed);
    },

    async get(idOrUrl) {
      const match = whereIdOrUrl(idOrUrl);
      if (match === null) return null;
      const [row] = await c.query<FeedRow>(`SELECT * FROM feeds WHERE ${match.where}`, [
        match.param,
      ]);
      return row ? toFeed(row) : null;
    },

    async remove(idOrUrl) {
      const match = whereIdOrUrl(idOrUrl);
      if (match === null) return null;
      // feed_seen rows go with it (ON DELETE CASCADE).
      const [row] = await c.query<FeedRow>(`DELETE FROM feeds WHERE ${match.where} RETURNING *`, [
        match.param,
      ]);
      return row ? toFeed(row) : null;
    },

    async due(now) {
      const rows = await c.query<FeedRow>(
        'SELECT * FROM feeds WHERE next_poll_at <= $1 ORDER BY next_poll_at, id',
        [requireInstant(now, 'now')],
      );
      return rows.map(toFeed);
    },

    async lease({ now, by, until, limit }) {
      const at = requireInstant(now, 'now');
      // SKIP LOCKED: a replica leasing at the same moment takes other feeds, never waits.
      const rows = await c.query<FeedRow>(
        `UPDATE feeds SET lease_by = $2, lease_until = $3
         WHERE id IN (SELECT id FROM feeds
           WHERE next_poll_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_poll_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [at, by, requireInstant(until, 'until'), Math.max(0, Math.floor(limit))],
      );
      return rows
        .sort((x, y) =>
          x.next_poll_at < y.next_poll_at ? -1 : x.next_poll_at > y.next_poll_at ? 1 : x.id - y.id,
        )
        .map(toFeed);
    },

    async recordPoll(id, poll: PollRecord) {
      const at = requireInstant(poll.at, 'at');
      const next = requireInstant(poll.nextPollAt, 'nextPollAt');
      if (!isRowId(id)) throw unknownFeed(id);
      // One UPDATE reads and writes the row under its lock (a concurrent poll's update is
      // re-read first), so total_new and failures cannot lose a count without a transaction.
      // An absent validator or title keeps the stored one (a 304 or a failure sends none);
      // null clears it. failing_notice_at is setFailingNotice's, so "recovered" is sent once.
      const [row] = await c.query<FeedRow>(
        `UPDATE feeds SET
           last_status = $2, last_polled_at = $3, next_poll_at = $4,
           etag = CASE WHEN $5::boolean THEN $6::text ELSE etag END,
           last_modified = CASE WHEN $7::boolean THEN $8::text ELSE last_modified END,
           title = CASE WHEN $9::boolean THEN $10::text ELSE title END,
           last_error = $11, last_new = $12, total_new = total_new + $12,
           last_skipped = $13,
           failures = CASE WHEN $14::boolean THEN failures + 1 ELSE 0 END,
           failing_since = CASE WHEN $14::boolean THEN COALESCE(failing_since, $3) ELSE NULL END,
           lease_by = NULL, lease_until = NULL
         WHERE id = $1 RETURNING *`,
        [
          id,
          poll.status,
          at,
          next,
          poll.etag !== undefined,
          poll.etag ?? null,
          poll.lastModified !== undefined,
          poll.lastModified ?? null,
          poll.title !== undefined,
          poll.title ?? null,
          poll.error ?? null,
          Math.max(0, Math.floor(poll.newArticles)),
          JSON.stringify(poll.skipped.map(({ item, reason }) => ({ item, reason }))),
          poll.status === 'failed',
        ],
      );
      if (!row) throw unknownFeed(id);
      return toFeed(row);
    },

    async setFailingNotice(id, at) {
      const when = at === null ? null : requireInstant(at, 'at');
      if (!isRowId(id)) throw unknownFeed(id);
      const rows = await c.query<{ id: number }>(
        'UPDATE feeds SET failing_notice_at = $1 WHERE id = $2 RETURNING id',
        [when, id],
      );
      if (rows.length === 0) throw unknownFeed(id);
    },

    async seenKeys(id, keys) {
      if (keys.length === 0 || !isRowId(id)) return new Set<string>();
      // One array parameter for any number of keys.
      const rows = await c.query<{ key: string }>(
        'SELECT key FROM feed_seen WHERE feed_id = $1 AND key = ANY($2::text[])',
        [id, keys],
      );
      return new Set(rows.map((r) => r.key));
    },

    async markSeen(id, keys, at) {
      if (keys.length === 0) return;
      const when = requireInstant(at, 'at');
      if (!isRowId(id)) throw unknownFeed(id);
      await c.transaction(async (q) => {
        // The share lock keeps the feed from being removed before the insert, so an unknown
        // feed is FEED_UNKNOWN rather than a foreign-key failure.
        const found = await q.query('SELECT 1 FROM feeds WHERE id = $1 FOR KEY SHARE', [id]);
        if (found.length === 0) throw unknownFeed(id);
        await q.query(
          `INSERT INTO feed_seen (feed_id, key, seen_at)
           SELECT $1, k, $3 FROM unnest($2::text[]) AS k
           ON CONFLICT (feed_id, key) DO NOTHING`,
          [id, keys, when],
        );
      });
    },
  };
}
