import { BriefwireError } from '../../model/errors.ts';
import type { FeedStore, NewFeed, PollRecord } from '../ports/feeds.ts';
import { type FeedRow, toFeed } from '../rows/feed-row.ts';
import { requireInstant } from '../rows/instant.ts';
import type { SqliteConnection } from './connection.ts';

/**
 * Followed feeds, their poll state and the entry keys they have seen, on SQLite. Times go in
 * through requireInstant, so `due` compares UTC instants as strings whatever offset the poller
 * wrote.
 */

/** Digits are an id; anything else a URL. */
function whereIdOrUrl(idOrUrl: string): { where: string; param: number | string } {
  const key = idOrUrl.trim();
  return /^\d+$/u.test(key)
    ? { where: 'id = ?', param: Number(key) }
    : { where: 'url = ?', param: key };
}

function unknownFeed(id: number): BriefwireError {
  return new BriefwireError('FEED_UNKNOWN', `No feed with id ${id} is followed`, String(id));
}

export function createSqliteFeedStore(c: SqliteConnection): FeedStore {
  const byId = (id: number): FeedRow | undefined =>
    c.prepare('SELECT * FROM feeds WHERE id = ?').get(id) as FeedRow | undefined;

  return {
    async add(feed: NewFeed) {
      return c.guard(() => {
        const now = c.now().toISOString();
        // Due at once: adding a feed polls it at the next chance.
        const inserted = c
          .prepare(
            `INSERT INTO feeds (url, topic, every_ms, added_at, next_poll_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING *`,
          )
          .get(feed.url.trim(), feed.topic, feed.everyMs, now, now) as FeedRow | undefined;
        if (inserted) return { feed: toFeed(inserted), created: true };
        const existing = c
          .prepare('SELECT * FROM feeds WHERE url = ?')
          .get(feed.url.trim()) as FeedRow;
        return { feed: toFeed(existing), created: false };
      });
    },

    async list() {
      return c.guard(() => c.all<FeedRow>('SELECT * FROM feeds ORDER BY id', []).map(toFeed));
    },

    async get(idOrUrl) {
      return c.guard(() => {
        const { where, param } = whereIdOrUrl(idOrUrl);
        const row = c.prepare(`SELECT * FROM feeds WHERE ${where}`).get(param) as
          | FeedRow
          | undefined;
        return row ? toFeed(row) : null;
      });
    },

    async remove(idOrUrl) {
      return c.guard(() => {
        const { where, param } = whereIdOrUrl(idOrUrl);
        // feed_seen rows go with it (ON DELETE CASCADE).
        const row = c.prepare(`DELETE FROM feeds WHERE ${where} RETURNING *`).get(param) as
          | FeedRow
          | undefined;
        return row ? toFeed(row) : null;
      });
    },

    async due(now) {
      return c.guard(() =>
        c
          .all<FeedRow>('SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id', [
            requireInstant(now, 'now'),
          ])
          .map(toFeed),
      );
    },

    async lease({ now, by, until, limit }) {
      const at = requireInstant(now, 'now');
      const end = requireInstant(until, 'until');
      return c.guard(() => {
        const take = c.db.transaction((): FeedRow[] => {
          const due = c.all<{ id: number }>(
            `SELECT id FROM feeds WHERE next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
             ORDER BY next_poll_at, id LIMIT ?`,
            [at, at, Math.max(0, Math.floor(limit))],
          );
          const mark = c.prepare(
            'UPDATE feeds SET lease_by = ?, lease_until = ? WHERE id = ? RETURNING *',
          );
          return due.map((d) => mark.get(by, end, d.id) as FeedRow);
        });
        // IMMEDIATE: the write lock is taken before the look, so two processes cannot both lease.
        return take.immediate().map(toFeed);
      });
    },

    async recordPoll(id, poll: PollRecord) {
      return c.guard(() => {
        const failed = poll.status === 'failed' ? 1 : 0;
        // An absent validator or title keeps the stored one (a 304 or a failure sends none);
        // null clears it. failing_notice_at is setFailingNotice's, so "recovered" is sent once.
        const row = c
          .prepare(
            `UPDATE feeds SET
               last_status = @status, last_polled_at = @at, next_poll_at = @next,
               etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
               last_modified = CASE WHEN @setLastModified THEN @lastModified ELSE last_modified END,
               title = CASE WHEN @setTitle THEN @title ELSE title END,
               last_error = @error, last_new = @newArticles, total_new = total_new + @newArticles,
               last_skipped = @skipped,
               failures = CASE WHEN @failed THEN failures + 1 ELSE 0 END,
               failing_since = CASE WHEN @failed THEN COALESCE(failing_since, @at) ELSE NULL END,
               lease_by = NULL, lease_until = NULL
             WHERE id = @id RETURNING *`,
          )
          .get({
            id,
            status: poll.status,
            at: requireInstant(poll.at, 'at'),
            next: requireInstant(poll.nextPollAt, 'nextPollAt'),
            setEtag: poll.etag === undefined ? 0 : 1,
            etag: poll.etag ?? null,
            setLastModified: poll.lastModified === undefined ? 0 : 1,
            lastModified: poll.lastModified ?? null,
            setTitle: poll.title === undefined ? 0 : 1,
            title: poll.title ?? null,
            error: poll.error ?? null,
            newArticles: Math.max(0, Math.floor(poll.newArticles)),
            skipped: JSON.stringify(poll.skipped.map(({ item, reason }) => ({ item, reason }))),
            failed,
          }) as FeedRow | undefined;
        if (!row) throw unknownFeed(id);
        return toFeed(row);
      });
    },

    async setFailingNotice(id, at) {
      c.guard(() => {
        const info = c
          .prepare('UPDATE feeds SET failing_notice_at = ? WHERE id = ?')
          .run(at === null ? null : requireInstant(at, 'at'), id);
        if (info.changes === 0 && !byId(id)) throw unknownFeed(id);
      });
    },

    async seenKeys(id, keys) {
      return c.guard(() => {
        if (keys.length === 0) return new Set<string>();
        // One JSON parameter for any number of keys (no SQLITE_MAX_VARIABLE_NUMBER limit).
        const rows = c.all<{ key: string }>(
          'SELECT key FROM feed_seen WHERE feed_id = ? AND key IN (SELECT value FROM json_each(?))',
          [id, JSON.stringify(keys)],
        );
        return new Set(rows.map((r) => r.key));
      });
    },

    async markSeen(id, keys, at) {
      c.guard(() => {
        if (keys.length === 0) return;
        const insert = c.prepare(
          `INSERT INTO feed_seen (feed_id, key, seen_at)
           SELECT ?, value, ? FROM json_each(?) WHERE EXISTS (SELECT 1 FROM feeds WHERE id = ?)
           ON CONFLICT (feed_id, key) DO NOTHING`,
        );
        const info = insert.run(id, requireInstant(at, 'at'), JSON.stringify(keys), id);
        if (info.changes === 0 && !byId(id)) throw unknownFeed(id);
      });
    },
  };
}
