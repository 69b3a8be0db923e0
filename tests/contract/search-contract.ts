import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefwireError } from '../../src/model/errors.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { article, storeAll } from './fixtures.ts';

/** Full-text search and closing, the same on every Store. */
export function describeSearchContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ArticleStore contract, search: ${name}`, () => {
    let stores: Stores;

    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    describe('search', () => {
      let ids: number[];
      beforeEach(async () => {
        ids = await storeAll(stores, [
          article({
            title: 'Starmer meets Iranian envoy',
            text: 'The prime minister discussed sanctions with the envoy.',
            publishedAt: '2024-05-01T00:00:00Z',
          }),
          article({
            title: 'Weather report',
            text: 'Rain later. Starmer was mentioned once in passing.',
            publishedAt: '2024-05-02T00:00:00Z',
          }),
          article({
            title: 'Markets',
            text: 'Oil prices rose on sanctions news from Iran.',
            publishedAt: '2024-05-03T00:00:00Z',
          }),
          article({
            title: 'Football',
            text: 'A late goal decided the match.',
            publishedAt: '2024-05-04T00:00:00Z',
          }),
        ]);
      });

      it('finds articles by any word of a question, best first', async () => {
        const hits = await stores.articles.search('What did Starmer say?', {}, 10);
        expect(hits.map((h) => h.articleId)).toEqual([ids[0], ids[1]]);
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      });

      it('weights the title above the body', async () => {
        const hits = await stores.articles.search('starmer', {}, 10);
        expect(hits[0]?.articleId).toBe(ids[0]);
      });

      it('ORs words and ignores diacritics and case', async () => {
        const hits = await stores.articles.search('SANCTIONS goal', {}, 10);
        expect(new Set(hits.map((h) => h.articleId))).toEqual(new Set([ids[0], ids[2], ids[3]]));
        const accented = await stores.articles.search('Stármer', {}, 10);
        expect(accented).toHaveLength(2);
      });

      it('limits to k and stays within the scope', async () => {
        expect(await stores.articles.search('sanctions starmer', {}, 1)).toHaveLength(1);
        const scoped = await stores.articles.search(
          'sanctions',
          { terms: { allOf: [['oil']] } },
          10,
        );
        expect(scoped.map((h) => h.articleId)).toEqual([ids[2]]);
        const windowed = await stores.articles.search(
          'starmer sanctions',
          { since: '2024-05-02T00:00:00Z', until: '2024-05-03T00:00:00Z' },
          10,
        );
        expect(windowed.map((h) => h.articleId)).toEqual([ids[1]]);
        const excluded = await stores.articles.search(
          'starmer',
          { terms: { allOf: [], noneOf: ['rain'] } },
          10,
        );
        expect(excluded.map((h) => h.articleId)).toEqual([ids[0]]);
      });

      it('returns nothing for empty or wordless text', async () => {
        expect(await stores.articles.search('', {}, 10)).toEqual([]);
        expect(await stores.articles.search('   ', {}, 10)).toEqual([]);
        expect(await stores.articles.search('?!* "" -:', {}, 10)).toEqual([]);
        expect(await stores.articles.search('starmer', {}, 0)).toEqual([]);
      });

      it('treats operator words in a question as words', async () => {
        const hits = await stores.articles.search('Starmer AND NOT "sanctions" OR envoy*', {}, 10);
        expect(hits.map((h) => h.articleId)).toContain(ids[0]);
      });
    });

    describe('close', () => {
      it('rejects work after close', async () => {
        const other = await makeStore();
        await other.close();
        await expect(other.articles.findArticles({})).rejects.toBeInstanceOf(BriefwireError);
        await expect(other.articles.findArticles({})).rejects.toMatchObject({
          code: 'STORE_FAILED',
        });
      });
    });
  });
}
