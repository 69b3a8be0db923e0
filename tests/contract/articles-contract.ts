import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/analysis.ts';
import type { TermQuery } from '../../src/store/ports/articles.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { article, storeAll } from './fixtures.ts';

/**
 * The behaviour every Stores must have. `makeStore` returns a new, empty store each call; the
 * suite closes it after each test. Run it from a *.test.ts per implementation.
 */
export function describeArticleStoreContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let stores: Stores;

    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    /** Titles of the articles a term query finds, newest first. */
    async function titles(terms: TermQuery): Promise<string[]> {
      return (await stores.articles.findArticles({ terms })).map((a) => a.title);
    }

    describe('putArticles and getArticles', () => {
      it('stores new articles and returns every field, analysis parsed', async () => {
        const analysis: Analysis = {
          sentences: [{ start: 0, end: 12, text: 'Iran talks.', paragraph: 0 }],
          mentions: [{ start: 0, end: 4, text: 'Iran', type: 'place', actor: 0 }],
          actors: [{ name: 'Iran', type: 'place', role: null, aliases: [], mentions: 1, first: 0 }],
          quotes: [],
          summary: [0],
        };
        const input = article({
          title: 'Iran talks',
          text: 'Iran talks.',
          url: 'https://example.com/iran',
          source: 'Example News',
          publishedAt: '2024-05-01T10:00:00.000Z',
          origin: 'feeds/example.xml',
          analysis,
          analysisVersion: 3,
        });
        const before = Date.now();
        const [outcome] = await stores.articles.putArticles([input]);
        expect(outcome).toEqual({ status: 'stored', id: expect.any(Number), origin: input.origin });
        const [stored] = await stores.articles.getArticles([outcome!.id]);
        expect(stored).toEqual({ ...input, id: outcome!.id, ingestedAt: expect.any(String) });
        const ingested = Date.parse(stored!.ingestedAt);
        expect(ingested).toBeGreaterThanOrEqual(before - 1000);
        expect(ingested).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('accepts an empty batch', async () => {
        expect(await stores.articles.putArticles([])).toEqual([]);
        expect(await stores.articles.countArticles({})).toBe(0);
      });

      it('gives distinct ids and reports outcomes in input order', async () => {
        const outcomes = await stores.articles.putArticles([
          article({ title: 'One', origin: 'a.html' }),
          article({ title: 'Two', origin: 'b.html' }),
          article({ title: 'Three', origin: 'c.html' }),
        ]);
        expect(outcomes.map((o) => o.origin)).toEqual(['a.html', 'b.html', 'c.html']);
        expect(new Set(outcomes.map((o) => o.id)).size).toBe(3);
        const got = await stores.articles.getArticles(outcomes.map((o) => o.id));
        expect(got.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);
      });

      it('treats a known URL as a duplicate across batches and keeps the original', async () => {
        const [first] = await storeAll(stores, [
          article({ title: 'Original', url: 'https://example.com/a' }),
        ]);
        const outcomes = await stores.articles.putArticles([
          article({ title: 'Rewritten', text: 'Different body', url: 'https://example.com/a' }),
        ]);
        expect(outcomes).toEqual([
          { status: 'duplicate', id: first, duplicateOf: 'url', origin: 'test:Rewritten' },
        ]);
        const all = await stores.articles.findArticles({});
        expect(all.map((a) => a.title)).toEqual(['Original']);
      });

      it('treats a known content hash as a duplicate across batches', async () => {
        const [first] = await storeAll(stores, [
          article({ title: 'Wire copy', text: 'Same text', url: 'https://a.example/1' }),
        ]);
        const outcomes = await stores.articles.putArticles([
          article({ title: 'Syndicated', text: 'Same text', url: 'https://b.example/2' }),
        ]);
        expect(outcomes).toEqual([
          { status: 'duplicate', id: first, duplicateOf: 'content', origin: 'test:Syndicated' },
        ]);
        expect(await stores.articles.countArticles({})).toBe(1);
        const [kept] = await stores.articles.getArticles([first!]);
        expect(kept?.url).toBe('https://a.example/1');
      });

      it('prefers the URL when both URL and content match an existing article', async () => {
        const [first] = await storeAll(stores, [
          article({ title: 'A', text: 'Body A', url: 'https://example.com/a' }),
        ]);
        const [outcome] = await stores.articles.putArticles([
          article({ title: 'A again', text: 'Body A', url: 'https://example.com/a' }),
        ]);
        expect(outcome).toMatchObject({ status: 'duplicate', id: first, duplicateOf: 'url' });
      });

      it('dedupes within one batch by URL and by content', async () => {
        const outcomes = await stores.articles.putArticles([
          article({ title: 'First', text: 'Body one', url: 'https://example.com/x' }),
          article({ title: 'Same URL', text: 'Body two', url: 'https://example.com/x' }),
          article({ title: 'Same body', text: 'Body one', url: 'https://example.com/y' }),
          article({ title: 'New', text: 'Body three' }),
          article({ title: 'New again', text: 'Body three' }),
        ]);
        const [first, sameUrl, sameBody, fresh, freshAgain] = outcomes;
        expect(first?.status).toBe('stored');
        expect(sameUrl).toMatchObject({ status: 'duplicate', id: first!.id, duplicateOf: 'url' });
        expect(sameBody).toMatchObject({
          status: 'duplicate',
          id: first!.id,
          duplicateOf: 'content',
        });
        expect(fresh?.status).toBe('stored');
        expect(freshAgain).toMatchObject({
          status: 'duplicate',
          id: fresh!.id,
          duplicateOf: 'content',
        });
        expect(await stores.articles.countArticles({})).toBe(2);
      });

      it('does not treat articles without a URL as duplicates of each other', async () => {
        const outcomes = await stores.articles.putArticles([
          article({ title: 'No URL one', url: null }),
          article({ title: 'No URL two', url: null }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored']);
      });

      it('returns articles in the order of the ids asked for, skipping unknown ids', async () => {
        const [a, b, c] = await storeAll(stores, [
          article({ title: 'A' }),
          article({ title: 'B' }),
          article({ title: 'C' }),
        ]);
        const got = await stores.articles.getArticles([c!, 987654, a!, b!]);
        expect(got.map((x) => x.title)).toEqual(['C', 'A', 'B']);
        expect(await stores.articles.getArticles([])).toEqual([]);
      });
    });

    describe('findArticles with terms', () => {
      beforeEach(async () => {
        await storeAll(stores, [
          article({
            title: 'Talks in Tehran',
            text: 'IRAN and the United Kingdom resumed talks. Officials met in the capital.',
            publishedAt: '2024-05-05T00:00:00Z',
          }),
          article({
            title: 'Iranian exports',
            text: 'Iranian oil exports rose. The kingdom of Saudi Arabia and the united front.',
            publishedAt: '2024-05-04T00:00:00Z',
          }),
          article({
            title: 'Türkiye election',
            text: 'Voters in Türkiye went to the polls; France, Britain and Nguyễn watched.',
            publishedAt: '2024-05-03T00:00:00Z',
          }),
          article({
            title: 'Turkiye trade',
            text: 'Turkiye signed a trade deal with Iran and France.',
            publishedAt: '2024-05-02T00:00:00Z',
          }),
        ]);
      });

      it('matches whole words, case-insensitively, in title or text', async () => {
        expect(await titles({ allOf: [['iran']] })).toEqual(['Talks in Tehran', 'Turkiye trade']);
        expect(await titles({ allOf: [['IRANIAN']] })).toEqual(['Iranian exports']);
        expect(await titles({ allOf: [['tehran']] })).toEqual(['Talks in Tehran']);
        expect(await titles({ allOf: [['ira']] })).toEqual([]);
      });

      it('ignores diacritics both ways', async () => {
        const both = ['Türkiye election', 'Turkiye trade'];
        expect(await titles({ allOf: [['turkiye']] })).toEqual(both);
        expect(await titles({ allOf: [['TÜRKIYE']] })).toEqual(both);
        // ễ carries two diacritics: only remove_diacritics 2 folds it to e.
        expect(await titles({ allOf: [['nguyen']] })).toEqual(['Türkiye election']);
        expect(await titles({ allOf: [['NGUYỄN']] })).toEqual(['Türkiye election']);
      });

      it('matches multi-word phrases as phrases', async () => {
        expect(await titles({ allOf: [['united kingdom']] })).toEqual(['Talks in Tehran']);
        expect(await titles({ allOf: [['kingdom united']] })).toEqual([]);
      });

      it('ANDs groups, ORs phrases within a group, and excludes noneOf', async () => {
        expect(await titles({ allOf: [['iran'], ['united kingdom', 'britain']] })).toEqual([
          'Talks in Tehran',
        ]);
        expect(await titles({ allOf: [['britain', 'iranian']] })).toEqual([
          'Iranian exports',
          'Türkiye election',
        ]);
        expect(await titles({ allOf: [['france'], ['turkiye']] })).toEqual([
          'Türkiye election',
          'Turkiye trade',
        ]);
        expect(await titles({ allOf: [['turkiye']], noneOf: ['iran'] })).toEqual([
          'Türkiye election',
        ]);
        expect(await titles({ allOf: [['turkiye']], noneOf: ['iran', 'voters'] })).toEqual([]);
      });

      it('applies noneOf on its own', async () => {
        expect(await titles({ allOf: [], noneOf: ['france'] })).toEqual([
          'Talks in Tehran',
          'Iranian exports',
        ]);
      });

      it('ignores empty and whitespace phrases; no usable terms means no filter', async () => {
        expect(await titles({ allOf: [] })).toHaveLength(4);
        expect(await titles({ allOf: [['', '   ']], noneOf: ['', '\t'] })).toHaveLength(4);
        expect(await titles({ allOf: [[''], ['  tehran  ', '']] })).toEqual(['Talks in Tehran']);
        expect(await stores.articles.countArticles({ terms: { allOf: [[' ']] } })).toBe(4);
      });

      it('never reads user text as query syntax', async () => {
        const hostile = [
          'AND',
          'OR',
          'NOT',
          'NEAR',
          'NEAR(iran france)',
          '"',
          '""',
          '"iran',
          'iran"',
          '*',
          'ira*',
          '-',
          '-iran',
          ':',
          'title:iran',
          '^iran',
          '(',
          ')',
          '{title text}: iran',
          "'; DROP TABLE articles; --",
          '\u0000',
          'iran\u0000france',
          '+',
        ];
        for (const phrase of hostile) {
          await expect(
            stores.articles.findArticles({ terms: { allOf: [[phrase]] } }),
          ).resolves.toBeDefined();
          await expect(
            stores.articles.countArticles({ terms: { allOf: [['iran']], noneOf: [phrase] } }),
          ).resolves.toBeTypeOf('number');
          await expect(stores.articles.search(phrase, {}, 5)).resolves.toBeDefined();
        }
        // Operators are words: "iran AND france" is the phrase "iran and france"...
        expect(await titles({ allOf: [['iran AND france']] })).toEqual(['Turkiye trade']);
        // ...a star is not a prefix operator, and a minus is not NOT.
        expect(await titles({ allOf: [['ira*']] })).toEqual([]);
        expect(await titles({ allOf: [['-tehran']] })).toEqual(['Talks in Tehran']);
        expect(await titles({ allOf: [['"tehran"']] })).toEqual(['Talks in Tehran']);
        expect(await stores.articles.countArticles({})).toBe(4);
      });
    });

    describe('ordering, limit and time window', () => {
      it('orders by publication time (undated by ingest time), newest first, then id', async () => {
        const ids = await storeAll(stores, [
          article({ title: 'Old', publishedAt: '2024-01-01T00:00:00Z' }),
          article({ title: 'Undated' }),
          article({ title: 'Newer', publishedAt: '2024-03-01T00:00:00Z' }),
          article({ title: 'Offset', publishedAt: '2024-02-01T01:00:00+02:00' }),
          article({ title: 'Feb 1 UTC', publishedAt: '2024-02-01T00:00:00Z' }),
          article({ title: 'Same time A', publishedAt: '2024-02-15T00:00:00Z' }),
          article({ title: 'Same time B', publishedAt: '2024-02-15T00:00:00.000Z' }),
        ]);
        expect(ids).toHaveLength(7);
        const all = await stores.articles.findArticles({});
        expect(all.map((a) => a.title)).toEqual([
          'Undated',
          'Newer',
          'Same time B',
          'Same time A',
          'Feb 1 UTC',
          'Offset',
          'Old',
        ]);
        const two = await stores.articles.findArticles({ limit: 2 });
        expect(two.map((a) => a.title)).toEqual(['Undated', 'Newer']);
        expect(await stores.articles.findArticles({ limit: 0 })).toEqual([]);
        expect(await stores.articles.countArticles({ limit: 2 })).toBe(7);
      });

      it('keeps articles at or after since and before until', async () => {
        await storeAll(stores, [
          article({ title: 'April', publishedAt: '2024-04-30T23:59:59Z' }),
          article({ title: 'May 1', publishedAt: '2024-05-01T00:00:00Z' }),
          article({ title: 'May 1 Paris', publishedAt: '2024-05-01T01:30:00+02:00' }),
          article({ title: 'May 10', publishedAt: '2024-05-10T12:00:00Z' }),
          article({ title: 'June', publishedAt: '2024-06-01T00:00:00Z' }),
        ]);
        const window = { since: '2024-05-01T00:00:00Z', until: '2024-06-01T00:00:00Z' };
        const inWindow = await stores.articles.findArticles(window);
        expect(inWindow.map((a) => a.title)).toEqual(['May 10', 'May 1']);
        expect(await stores.articles.countArticles(window)).toBe(2);
        const since = await stores.articles.findArticles({ since: '2024-05-10T12:00:00.000Z' });
        expect(since.map((a) => a.title)).toEqual(['June', 'May 10']);
        const until = await stores.articles.findArticles({ until: '2024-05-01T00:00:00Z' });
        expect(until.map((a) => a.title)).toEqual(['April', 'May 1 Paris']);
      });

      it('places undated articles in the window by their ingest time', async () => {
        await storeAll(stores, [article({ title: 'Undated' })]);
        const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
        expect(await stores.articles.countArticles({ since: hourAgo })).toBe(1);
        expect(await stores.articles.countArticles({ until: hourAgo })).toBe(0);
      });

      it('combines terms, window and limit', async () => {
        await storeAll(stores, [
          article({ title: 'Iran 1', publishedAt: '2024-05-01T00:00:00Z' }),
          article({ title: 'Iran 2', publishedAt: '2024-05-02T00:00:00Z' }),
          article({ title: 'Iran 3', publishedAt: '2024-05-03T00:00:00Z' }),
          article({ title: 'Iran 4', publishedAt: '2024-05-04T00:00:00Z' }),
          article({ title: 'France 5', publishedAt: '2024-05-05T00:00:00Z' }),
        ]);
        const query = { terms: { allOf: [['iran']] }, since: '2024-05-02T00:00:00Z', limit: 2 };
        const found = await stores.articles.findArticles(query);
        expect(found.map((a) => a.title)).toEqual(['Iran 4', 'Iran 3']);
        expect(await stores.articles.countArticles(query)).toBe(3);
      });
    });
  });
}
