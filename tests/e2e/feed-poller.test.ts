import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { createFeedPoller, type HealthChange } from '../../src/schedule/feed-poller.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from '../helpers/cli.ts';
import { fakeClock } from '../helpers/clock.ts';
import {
  type NewsServer,
  rssFeed,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';

/**
 * serve's feed poller on an injected clock, with the real fetcher, parser and SQLite store:
 * due feeds are polled and others are not, a failing feed backs off (every × 2^failures), a
 * server that never answers times out, and the "failing" and "recovered" notices come once each.
 */

const MINUTE = 60_000;
const EVERY = 15 * MINUTE;
const tmp = tempDir('briefwire-poller-');
let server: NewsServer;
let stores: Stores;

beforeAll(async () => {
  server = await startNewsServer();
  stores = await createStore(join(tmp.dir, 'poller.db'));
  server.route('/ok.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Portline Gazette', [
      {
        id: 'ok-1',
        title: 'Marrowby pier reopens',
        link: server.url('/ok/1'),
        content: storyParagraphs('Mara Quist', 3)
          .map((p) => `<p>${p}</p>`)
          .join(''),
      },
    ]),
  });
  server.route('/down.xml', { status: 500, body: 'down' });
  server.route('/hang.xml', { hang: true });
});
afterAll(async () => {
  await stores.close();
  await server.close();
  tmp.cleanup();
});

describe('feed poller', () => {
  it('polls due feeds, backs off a failing one and tells its failure and recovery once', async () => {
    for (const path of ['/ok.xml', '/down.xml', '/hang.xml'])
      await stores.feeds.add({ url: server.url(path), topic: null, everyMs: EVERY });
    const t0 = new Date(Date.now() + 1000);
    const clock = fakeClock(t0);
    const notices: Array<[string, HealthChange]> = [];
    const poller = createFeedPoller({
      stores,
      fetcher: createFetcher(
        fetchSettings(['127.0.0.1'], { totalTimeoutMs: 1500, perHostDelayMs: 0 }),
      ),
      failingAfterMs: 60 * MINUTE,
      clock,
      onHealthChange: (feed, change) => {
        notices.push([new URL(feed.url).pathname, change]);
      },
    });
    const polled = async (): Promise<Record<string, string>> => {
      const polls = await poller.runDue();
      return Object.fromEntries(
        polls.map((p) => [new URL(p.report.url).pathname, p.report.status]),
      );
    };

    expect(await polled()).toEqual({
      '/ok.xml': 'ok',
      '/down.xml': 'failed',
      '/hang.xml': 'failed',
    });
    const byPath = async (path: string) => (await stores.feeds.get(server.url(path)))!;
    const ok = await byPath('/ok.xml');
    expect(ok.lastNew).toBe(1);
    const jitter = Date.parse(ok.nextPollAt) - t0.getTime() - EVERY;
    expect(jitter).toBeGreaterThanOrEqual(0);
    expect(jitter).toBeLessThanOrEqual(EVERY / 10);
    const down = await byPath('/down.xml');
    expect(Date.parse(down.nextPollAt) - t0.getTime()).toBe(2 * EVERY);
    const hang = await byPath('/hang.xml');
    expect(hang.lastError).toContain('[FETCH_TIMEOUT]');
    await stores.feeds.remove(String(hang.id));

    clock.advance(20 * MINUTE); // ok is due, down waits for its backoff
    expect(await polled()).toEqual({ '/ok.xml': 'ok' });
    expect((await byPath('/ok.xml')).lastNew).toBe(0); // its entry was seen already

    clock.advance(11 * MINUTE); // t0 + 31m: down's second failure
    expect(await polled()).toEqual({ '/down.xml': 'failed' });
    expect(Date.parse((await byPath('/down.xml')).nextPollAt) - clock.now().getTime()).toBe(
      4 * EVERY,
    );
    expect(notices).toEqual([]); // failing for 31 minutes: not yet

    clock.advance(60 * MINUTE); // t0 + 91m: failing for over an hour
    expect((await polled())['/down.xml']).toBe('failed');
    expect(notices).toEqual([['/down.xml', 'failing']]);
    expect((await byPath('/down.xml')).failingNoticeAt).toBe(clock.now().toISOString());

    clock.advance(2 * 60 * MINUTE); // still failing: no second notice
    expect((await polled())['/down.xml']).toBe('failed');
    expect(notices).toHaveLength(1);

    server.route('/down.xml', { contentType: 'application/rss+xml', body: rssFeed('Back', []) });
    clock.advance(24 * 60 * MINUTE);
    expect((await polled())['/down.xml']).toBe('ok');
    expect(notices).toEqual([
      ['/down.xml', 'failing'],
      ['/down.xml', 'recovered'],
    ]);
    const recovered = await byPath('/down.xml');
    expect(recovered).toMatchObject({ failures: 0, failingSince: null, failingNoticeAt: null });

    clock.advance(24 * 60 * MINUTE);
    await polled();
    expect(notices).toHaveLength(2);
  }, 60_000);

  it('runs on its timer once started, and stops', async () => {
    const { feed } = await stores.feeds.add({
      url: server.url('/timer.xml'),
      topic: null,
      everyMs: EVERY,
    });
    server.route('/timer.xml', { contentType: 'application/rss+xml', body: rssFeed('Timer', []) });
    const poller = createFeedPoller({
      stores,
      fetcher: createFetcher(fetchSettings(['127.0.0.1'], { perHostDelayMs: 0 })),
      failingAfterMs: 60 * MINUTE,
      clock: fakeClock(new Date(Date.now() + 1000)),
    });
    poller.start();
    const deadline = Date.now() + 10_000;
    while (server.requests('/timer.xml').length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await poller.stop();
    expect(server.requests('/timer.xml').length).toBeGreaterThan(0);
    expect((await stores.feeds.get(String(feed.id)))?.lastStatus).toBe('ok');
  }, 20_000);

  it('stops without starting another feed, the ones in flight finishing', async () => {
    const own = await createStore(join(tmp.dir, 'stopping.db'));
    try {
      for (let i = 1; i <= 8; i++) {
        server.route(`/slow/${i}.xml`, { hang: true });
        await own.feeds.add({ url: server.url(`/slow/${i}.xml`), topic: null, everyMs: EVERY });
      }
      const poller = createFeedPoller({
        stores: own,
        fetcher: createFetcher(
          fetchSettings(['127.0.0.1'], { totalTimeoutMs: 1500, perHostDelayMs: 0 }),
        ),
        failingAfterMs: 60 * MINUTE,
        clock: fakeClock(new Date(Date.now() + 1000)),
      });
      const hits = (): number =>
        Array.from({ length: 8 }, (_, i) => server.requests(`/slow/${i + 1}.xml`).length).reduce(
          (a, b) => a + b,
        );
      poller.start();
      const deadline = Date.now() + 10_000;
      while (hits() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await poller.stop();
      // Polls in flight (some may still wait in the fetcher's per-host queue) are recorded;
      // the feeds not yet started stay unpolled for the next start.
      const polled = (await own.feeds.list()).filter((f) => f.lastStatus !== null);
      expect(polled.length).toBeGreaterThan(0);
      expect(polled.length).toBeLessThan(8);
      expect(hits()).toBeLessThanOrEqual(polled.length);
      expect(polled.every((f) => f.lastError?.includes('[FETCH_TIMEOUT]'))).toBe(true);
    } finally {
      await own.close();
    }
  }, 30_000);
});
