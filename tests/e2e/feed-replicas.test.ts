import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { createFeedPoller } from '../../src/schedule/feed-poller.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { tempDir } from '../helpers/cli.ts';
import { fakeClock } from '../helpers/clock.ts';
import {
  type NewsServer,
  rssFeed,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';

/**
 * Two replicas' feed pollers on one database, woken at the same moments: every due feed is
 * polled by exactly one of them each time it is due, and neither starves the other's feeds.
 * On SQLite always, and on PostgreSQL when TEST_DATABASE_URL is set.
 */

const MINUTE = 60_000;
const EVERY = 15 * MINUTE;
const FEEDS = 8;
const tmp = tempDir('briefwire-replicas-');
let server: NewsServer;

/** Each database's run has its own feed paths, so the server's counts are its own. */
const path = (run: string, i: number): string => `/${run}/feed-${i}.xml`;

beforeAll(async () => {
  server = await startNewsServer();
  for (const run of ['SQLite', 'PostgreSQL'])
    for (let i = 0; i < FEEDS; i++)
      server.route(path(run, i), {
        contentType: 'application/rss+xml',
        body: rssFeed(`Harbour desk ${i}`, [
          {
            id: `entry-${i}`,
            title: `Quay report number ${i}`,
            link: server.url(`/story/${i}`),
            content: storyParagraphs(`Ilse Varn ${i}`, 3)
              .map((p) => `<p>${p}</p>`)
              .join(''),
          },
        ]),
      });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const stores: Array<[string, () => Promise<Stores>]> = [
  ['SQLite', () => createStore(join(tmp.dir, `replicas-${Date.now()}.db`))],
];
const pgUrl = process.env.TEST_DATABASE_URL;
const pgSchema = `bw_replicas_${process.pid}_${Date.now().toString(36)}`;
if (pgUrl) {
  stores.push(['PostgreSQL', () => openPostgresStore(pgUrl, { schema: pgSchema })]);
  afterAll(async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
    await client.end();
  });
}

describe.each(stores)('feed polling by two replicas on one %s database', (run, open) => {
  it('polls each due feed once per due time, by one replica or the other', async () => {
    const db = await open();
    try {
      for (let i = 0; i < FEEDS; i++)
        await db.feeds.add({ url: server.url(path(run, i)), topic: null, everyMs: EVERY });
      const clock = fakeClock(new Date(Date.now() + 1000));
      const fetcher = createFetcher(fetchSettings(['127.0.0.1'], { perHostDelayMs: 0 }));
      const replica = (replicaId: string) =>
        createFeedPoller({ replicaId, stores: db, fetcher, failingAfterMs: 60 * MINUTE, clock });
      const a = replica('replica-a');
      const b = replica('replica-b');
      const polledBy = { a: 0, b: 0 };
      for (let round = 1; round <= 3; round++) {
        const [byA, byB] = await Promise.all([a.runDue(), b.runDue()]);
        polledBy.a += byA.length;
        polledBy.b += byB.length;
        expect(byA.length + byB.length).toBe(FEEDS);
        for (let i = 0; i < FEEDS; i++) expect(server.requests(path(run, i))).toHaveLength(round);
        // Nothing is due again until the interval (with its jitter) has passed.
        expect([...(await a.runDue()), ...(await b.runDue())]).toEqual([]);
        clock.advance(2 * EVERY);
      }
      expect(polledBy.a + polledBy.b).toBe(3 * FEEDS);
    } finally {
      await db.close();
    }
  });
});
