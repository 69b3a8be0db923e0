import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollRecord } from '../../src/store/ports/feeds.ts';
import type { Stores } from '../../src/store/ports/port.ts';

/** FeedStore, the same on every implementation: followed feeds, their health, seen entries. */
export function describeFeedStoreContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`FeedStore contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    const PORTLINE = 'https://portline.example/feed.xml';
    const MARROWBY = 'https://marrowby.example/rss';
    const add = async (url = PORTLINE, topic: string | null = 'harbour-strike') =>
      (await stores.feeds.add({ url, topic, everyMs: 900_000 })).feed;

    function poll(overrides: Partial<PollRecord> = {}): PollRecord {
      return {
        status: 'ok',
        at: '2026-06-01T10:00:00.000Z',
        nextPollAt: '2026-06-01T10:15:00.000Z',
        newArticles: 0,
        skipped: [],
        ...overrides,
      };
    }

    describe('add, list, get, remove', () => {
      it('adds a feed that is due at once and healthy', async () => {
        const before = Date.now();
        const { feed, created } = await stores.feeds.add({
          url: PORTLINE,
          topic: 'harbour-strike',
          everyMs: 600_000,
        });
        expect(created).toBe(true);
        expect(feed).toEqual({
          id: expect.any(Number),
          url: PORTLINE,
          topic: 'harbour-strike',
          everyMs: 600_000,
          title: null,
          addedAt: expect.any(String),
          etag: null,
          lastModified: null,
          nextPollAt: feed.addedAt,
          lastPolledAt: null,
          lastStatus: null,
          lastError: null,
          lastNew: 0,
          totalNew: 0,
          lastSkipped: [],
          failures: 0,
          failingSince: null,
          failingNoticeAt: null,
        });
        expect(Date.parse(feed.addedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(
          (await stores.feeds.due(new Date(Date.now() + 1000).toISOString())).map((f) => f.id),
        ).toEqual([feed.id]);
      });

      it('returns the existing feed for a URL already followed, unchanged', async () => {
        const first = await add(PORTLINE, 'harbour-strike');
        const again = await stores.feeds.add({ url: PORTLINE, topic: 'other', everyMs: 60_000 });
        expect(again).toEqual({ feed: first, created: false });
        expect(await stores.feeds.list()).toEqual([first]);
      });

      it('lists feeds in the order they were added', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY, null);
        expect((await stores.feeds.list()).map((f) => [f.id, f.url, f.topic])).toEqual([
          [a.id, PORTLINE, 'harbour-strike'],
          [b.id, MARROWBY, null],
        ]);
      });

      it('gets a feed by id (digits) or by URL, and null for neither', async () => {
        const feed = await add();
        expect(await stores.feeds.get(String(feed.id))).toEqual(feed);
        expect(await stores.feeds.get(PORTLINE)).toEqual(feed);
        expect(await stores.feeds.get(` ${feed.id} `)).toEqual(feed);
        expect(await stores.feeds.get(String(feed.id + 100))).toBeNull();
        expect(await stores.feeds.get('https://portline.example/other.xml')).toBeNull();
      });

      it('removes by id or URL, returning what it removed, and forgets its seen entries', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY);
        await stores.feeds.markSeen(a.id, ['guid-1'], '2026-06-01T10:00:00.000Z');
        expect(await stores.feeds.remove(String(a.id))).toEqual(a);
        expect(await stores.feeds.remove(MARROWBY)).toEqual(b);
        expect(await stores.feeds.remove(MARROWBY)).toBeNull();
        expect(await stores.feeds.list()).toEqual([]);
        // Following the URL again starts afresh: nothing seen.
        const again = await add(PORTLINE);
        expect(await stores.feeds.seenKeys(again.id, ['guid-1'])).toEqual(new Set());
      });
    });

    describe('due', () => {
      it('gives the feeds due at or before now, oldest first', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY);
        const c = await add('https://quayside.example/atom.xml');
        await stores.feeds.recordPoll(a.id, poll({ nextPollAt: '2026-06-01T12:00:00.000Z' }));
        await stores.feeds.recordPoll(b.id, poll({ nextPollAt: '2026-06-01T11:00:00.000Z' }));
        await stores.feeds.recordPoll(c.id, poll({ nextPollAt: '2026-06-01T13:00:00.000Z' }));
        const ids = async (now: string) => (await stores.feeds.due(now)).map((f) => f.id);
        expect(await ids('2026-06-01T10:59:59.999Z')).toEqual([]);
        expect(await ids('2026-06-01T11:00:00.000Z')).toEqual([b.id]);
        expect(await ids('2026-06-01T12:30:00.000Z')).toEqual([b.id, a.id]);
        expect(await ids('2026-06-02T00:00:00.000Z')).toEqual([b.id, a.id, c.id]);
      });

      it('leases each due feed to one process at a time, until its poll is recorded or the lease ends', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY);
        const c = await add('https://quayside.example/atom.xml');
        await stores.feeds.recordPoll(a.id, poll({ nextPollAt: '2026-06-01T10:00:00.000Z' }));
        await stores.feeds.recordPoll(b.id, poll({ nextPollAt: '2026-06-01T09:00:00.000Z' }));
        await stores.feeds.recordPoll(c.id, poll({ nextPollAt: '2026-06-01T13:00:00.000Z' }));
        const now = '2026-06-01T11:00:00.000Z';
        const until = '2026-06-01T11:10:00.000Z';
        const ids = (feeds: Array<{ id: number }>) => feeds.map((f) => f.id);
        // The oldest due first, at most `limit`; a feed not yet due is never leased.
        expect(ids(await stores.feeds.lease({ now, by: 'one', until, limit: 1 }))).toEqual([b.id]);
        expect(ids(await stores.feeds.lease({ now, by: 'two', until, limit: 5 }))).toEqual([a.id]);
        expect(await stores.feeds.lease({ now, by: 'three', until, limit: 5 })).toEqual([]);
        // Recording the poll ends the lease; the next due time decides again.
        await stores.feeds.recordPoll(b.id, poll({ nextPollAt: '2026-06-01T11:05:00.000Z' }));
        const later = '2026-06-01T11:06:00.000Z';
        expect(ids(await stores.feeds.lease({ now: later, by: 'three', until, limit: 5 }))).toEqual(
          [b.id],
        );
        // A lease whose process died ends at its time: another process takes the feed over.
        expect(
          ids(
            await stores.feeds.lease({
              now: until,
              by: 'four',
              until: '2026-06-01T12:00:00.000Z',
              limit: 5,
            }),
          ),
        ).toEqual([a.id, b.id]);
        // Due feeds still list them all, leased or not.
        expect(ids(await stores.feeds.due(until))).toEqual([a.id, b.id]);
      });

      it('compares instants, whatever offset the times were written with', async () => {
        const a = await add();
        // 12:00 at +02:00 is 10:00 UTC.
        await stores.feeds.recordPoll(a.id, poll({ nextPollAt: '2026-06-01T12:00:00+02:00' }));
        expect(await stores.feeds.due('2026-06-01T09:59:00Z')).toEqual([]);
        expect((await stores.feeds.due('2026-06-01T10:00:00.000Z')).map((f) => f.id)).toEqual([
          a.id,
        ]);
      });

      it('refuses a time that is not one, naming it', async () => {
        await expect(stores.feeds.due('soon')).rejects.toMatchObject({
          code: 'USAGE',
          input: 'soon',
        });
      });
    });

    describe('recordPoll', () => {
      it('records status, validators, title and counts', async () => {
        const feed = await add();
        const skipped = [
          { item: 'https://portline.example/gallery', reason: 'not an article' },
          { item: 'guid-9', reason: 'too large' },
        ];
        const after = await stores.feeds.recordPoll(
          feed.id,
          poll({
            etag: '"v1"',
            lastModified: 'Mon, 01 Jun 2026 09:00:00 GMT',
            title: 'Portline Harbour News',
            newArticles: 3,
            skipped,
          }),
        );
        expect(after).toEqual({
          ...feed,
          etag: '"v1"',
          lastModified: 'Mon, 01 Jun 2026 09:00:00 GMT',
          title: 'Portline Harbour News',
          nextPollAt: '2026-06-01T10:15:00.000Z',
          lastPolledAt: '2026-06-01T10:00:00.000Z',
          lastStatus: 'ok',
          lastError: null,
          lastNew: 3,
          totalNew: 3,
          lastSkipped: skipped,
        });
        expect(await stores.feeds.get(String(feed.id))).toEqual(after);
      });

      it('accumulates new articles; lastNew and lastSkipped are the last poll only', async () => {
        const feed = await add();
        await stores.feeds.recordPoll(
          feed.id,
          poll({ newArticles: 4, skipped: [{ item: 'x', reason: 'undated' }] }),
        );
        await stores.feeds.recordPoll(feed.id, poll({ newArticles: 2 }));
        const after = await stores.feeds.recordPoll(
          feed.id,
          poll({ status: 'not-modified', newArticles: 0 }),
        );
        expect(after).toMatchObject({
          lastNew: 0,
          totalNew: 6,
          lastSkipped: [],
          lastStatus: 'not-modified',
        });
      });

      it('keeps validators and title a poll does not give, and clears those given as null', async () => {
        const feed = await add();
        await stores.feeds.recordPoll(
          feed.id,
          poll({ etag: '"v1"', lastModified: 'lm', title: 'Portline' }),
        );
        const kept = await stores.feeds.recordPoll(feed.id, poll({ status: 'not-modified' }));
        expect(kept).toMatchObject({ etag: '"v1"', lastModified: 'lm', title: 'Portline' });
        const cleared = await stores.feeds.recordPoll(
          feed.id,
          poll({ etag: null, lastModified: null, title: 'Portline Harbour' }),
        );
        expect(cleared).toMatchObject({
          etag: null,
          lastModified: null,
          title: 'Portline Harbour',
        });
      });

      it('counts failures from the first one, and a success resets them but not the notice', async () => {
        const feed = await add();
        const first = await stores.feeds.recordPoll(
          feed.id,
          poll({
            status: 'failed',
            at: '2026-06-01T10:00:00.000Z',
            error: 'FETCH_TIMEOUT: no answer',
          }),
        );
        expect(first).toMatchObject({
          failures: 1,
          failingSince: '2026-06-01T10:00:00.000Z',
          lastStatus: 'failed',
          lastError: 'FETCH_TIMEOUT: no answer',
        });
        const second = await stores.feeds.recordPoll(
          feed.id,
          poll({
            status: 'failed',
            at: '2026-06-02T11:00:00.000Z',
            error: 'FETCH_FAILED: HTTP 503',
          }),
        );
        expect(second).toMatchObject({
          failures: 2,
          failingSince: '2026-06-01T10:00:00.000Z',
          lastError: 'FETCH_FAILED: HTTP 503',
        });
        await stores.feeds.setFailingNotice(feed.id, '2026-06-02T11:00:01.000Z');
        const recovered = await stores.feeds.recordPoll(
          feed.id,
          poll({ status: 'ok', at: '2026-06-02T12:00:00.000Z', newArticles: 1 }),
        );
        expect(recovered).toMatchObject({
          failures: 0,
          failingSince: null,
          lastError: null,
          lastStatus: 'ok',
          // Left for the poller to clear once it has said "recovered".
          failingNoticeAt: '2026-06-02T11:00:01.000Z',
        });
        await stores.feeds.setFailingNotice(feed.id, null);
        expect((await stores.feeds.get(String(feed.id)))?.failingNoticeAt).toBeNull();
        // A new run of failures starts its own clock.
        const again = await stores.feeds.recordPoll(
          feed.id,
          poll({ status: 'failed', at: '2026-06-05T08:00:00.000Z', error: 'x' }),
        );
        expect(again).toMatchObject({ failures: 1, failingSince: '2026-06-05T08:00:00.000Z' });
      });

      it('treats not-modified as healthy', async () => {
        const feed = await add();
        await stores.feeds.recordPoll(feed.id, poll({ status: 'failed', error: 'x' }));
        const after = await stores.feeds.recordPoll(feed.id, poll({ status: 'not-modified' }));
        expect(after).toMatchObject({ failures: 0, failingSince: null });
      });

      it('refuses an unknown feed as FEED_UNKNOWN, naming it', async () => {
        await expect(stores.feeds.recordPoll(4242, poll())).rejects.toMatchObject({
          code: 'FEED_UNKNOWN',
          input: '4242',
        });
        await expect(stores.feeds.setFailingNotice(4242, null)).rejects.toMatchObject({
          code: 'FEED_UNKNOWN',
        });
      });

      it('affects only the feed polled', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY);
        await stores.feeds.recordPoll(a.id, poll({ status: 'failed', error: 'x', newArticles: 0 }));
        await stores.feeds.setFailingNotice(a.id, '2026-06-01T10:00:00.000Z');
        expect(await stores.feeds.get(String(b.id))).toEqual(b);
      });
    });

    describe('seen entries', () => {
      it('remembers keys per feed, idempotently', async () => {
        const a = await add(PORTLINE);
        const b = await add(MARROWBY);
        await stores.feeds.markSeen(a.id, ['guid-1', 'guid-2'], '2026-06-01T10:00:00.000Z');
        await stores.feeds.markSeen(
          a.id,
          ['guid-2', 'guid-3', 'guid-3'],
          '2026-06-01T11:00:00.000Z',
        );
        expect(await stores.feeds.seenKeys(a.id, ['guid-1', 'guid-3', 'guid-4'])).toEqual(
          new Set(['guid-1', 'guid-3']),
        );
        expect(await stores.feeds.seenKeys(b.id, ['guid-1'])).toEqual(new Set());
        expect(await stores.feeds.seenKeys(a.id, [])).toEqual(new Set());
      });

      it('keeps keys exactly: case, digits, quotes and long keys', async () => {
        const feed = await add();
        const keys = [
          'GUID-A',
          '12345',
          'it\'s "quoted"',
          `tag:portline.example,2026:${'x'.repeat(2000)}`,
        ];
        await stores.feeds.markSeen(feed.id, keys, '2026-06-01T10:00:00.000Z');
        expect(await stores.feeds.seenKeys(feed.id, [...keys, 'guid-a', '012345'])).toEqual(
          new Set(keys),
        );
      });

      it('handles thousands of keys in one call', async () => {
        const feed = await add();
        const keys = Array.from({ length: 40_000 }, (_, i) => `https://portline.example/a/${i}`);
        await stores.feeds.markSeen(feed.id, keys, '2026-06-01T10:00:00.000Z');
        const asked = [...keys.filter((_, i) => i % 2 === 0), 'https://portline.example/new'];
        const seen = await stores.feeds.seenKeys(feed.id, asked);
        expect(seen.size).toBe(20_000);
        expect(seen.has('https://portline.example/new')).toBe(false);
        expect(seen.has('https://portline.example/a/39998')).toBe(true);
      });

      it('refuses marking entries of an unknown feed', async () => {
        await expect(
          stores.feeds.markSeen(4242, ['guid-1'], '2026-06-01T10:00:00.000Z'),
        ).rejects.toMatchObject({ code: 'FEED_UNKNOWN' });
      });
    });
  });
}
