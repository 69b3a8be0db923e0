import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { describeArchiveContract, describeArchiveMergeContract } from './archive-contract.ts';
import { describeArticleSourcesContract } from './article-sources-contract.ts';
import { describeArticleStoreContract } from './articles-contract.ts';
import { describeBriefingContract } from './briefings-contract.ts';
import { describeDeliveryContract } from './deliveries-contract.ts';
import { describeFeedStoreContract } from './feeds-contract.ts';
import { article, storeAll } from './fixtures.ts';
import { describeSearchContract } from './search-contract.ts';
import { describeSentenceContract } from './sentences-contract.ts';
import { describeSettingsContract } from './settings-contract.ts';
import { describeSubscriptionContract } from './subscriptions-contract.ts';
import { describeThreadLinksContract } from './thread-links-contract.ts';
import { describeWebAccessContract } from './web-access-contract.ts';

/**
 * The contract suites on PostgreSQL, when TEST_DATABASE_URL names a database this run may
 * fill (.ci/run makes a throwaway one). Each store gets its own schema on that database, so
 * every test starts empty; the schemas go when the file is done.
 */
const url = process.env.TEST_DATABASE_URL;
const RUN = `bw_test_${process.pid}_${Date.now().toString(36)}`;
let counter = 0;

function pgStore(): Promise<Stores> {
  counter += 1;
  return openPostgresStore(url!, { schema: `${RUN}_${counter}`, poolSize: 3 });
}

if (!url) {
  describe.skip('PostgreSQL contract suites (set TEST_DATABASE_URL to run them)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
} else {
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ nspname: string }>(
        'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
        [`${RUN}_%`],
      );
      for (const { nspname } of rows.rows) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
    } finally {
      await client.end();
    }
  });

  describeArticleStoreContract('PostgreSQL', pgStore);
  describeSearchContract('PostgreSQL', pgStore);
  describeBriefingContract('PostgreSQL', pgStore);
  describeSubscriptionContract('PostgreSQL', pgStore);
  describeThreadLinksContract('PostgreSQL', pgStore);
  describeSettingsContract('PostgreSQL', pgStore);
  describeWebAccessContract('PostgreSQL', pgStore);
  describeSentenceContract('PostgreSQL', pgStore);
  describeDeliveryContract('PostgreSQL', pgStore);
  describeFeedStoreContract('PostgreSQL', pgStore);
  describeArticleSourcesContract('PostgreSQL', pgStore);
  describeArchiveContract('PostgreSQL', pgStore);
  describeArchiveMergeContract('PostgreSQL', pgStore);

  describe('PostgreSQL store specifics', () => {
    it('stores an article too long for one tsvector, found by the words of its start', async () => {
      const stores = await pgStore();
      try {
        // 400,000 distinct words: indexed whole, they pass tsvector's 1 MB limit.
        const text = Array.from({ length: 400_000 }, (_, i) => `quay${i}x`).join(' ');
        const [id] = await storeAll(stores, [article({ title: 'Harbour ledger', text })]);
        expect((await stores.articles.getArticles([id!]))[0]?.text).toHaveLength(text.length);
        expect(await stores.articles.search('quay12x', {}, 5)).toEqual([
          { articleId: id, score: expect.any(Number) },
        ]);
      } finally {
        await stores.close();
      }
    });

    it('is what createStore opens for a postgres:// URL', async () => {
      const stores = await createStore(url);
      try {
        expect(await stores.articles.countArticles({})).toEqual(expect.any(Number));
      } finally {
        await stores.close();
      }
    });
  });
}
