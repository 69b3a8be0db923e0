import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';
import { article, storeAll } from './fixtures.ts';

/**
 * One article reached several ways, the same on every Stores: deduplicated by canonical URL
 * (then content), stored once, keeping every source; feed teasers marked partial.
 */
export function describeArticleSourcesContract(
  name: string,
  makeStore: () => Promise<Stores>,
): void {
  describe(`ArticleStore sources contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    const LINK = 'https://portline.example/news/ferry-strike';

    describe('canonical URLs', () => {
      it('stores the canonical URL and treats its spellings as one article', async () => {
        const [id] = await storeAll(stores, [
          article({
            title: 'Ferry strike',
            url: 'HTTPS://Portline.example:443/news/ferry-strike?utm_source=rss&utm_medium=feed#top',
          }),
        ]);
        expect((await stores.articles.getArticles([id!]))[0]?.url).toBe(LINK);
        const outcomes = await stores.articles.putArticles([
          article({ title: 'Shared', text: 'Another body', url: `${LINK}?fbclid=IwAR0x` }),
          article({ title: 'Plain', text: 'A third body', url: LINK }),
        ]);
        expect(outcomes.map((o) => [o.status, o.id, o.duplicateOf])).toEqual([
          ['duplicate', id, 'url'],
          ['duplicate', id, 'url'],
        ]);
        expect(await stores.articles.countArticles({})).toBe(1);
      });

      it('keeps parameters that are not tracking: different ones are different articles', async () => {
        const outcomes = await stores.articles.putArticles([
          article({ title: 'Page 1', url: 'https://marrowby.example/live?page=1' }),
          article({ title: 'Page 2', url: 'https://marrowby.example/live?page=2' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['stored', 'stored']);
      });

      it('knows an article with no URL by the http(s) page it was fetched from', async () => {
        const [id] = await storeAll(stores, [
          article({ title: 'Fetched', url: null, origin: `${LINK}?utm_campaign=x` }),
        ]);
        expect((await stores.articles.getArticles([id!]))[0]?.url).toBe(LINK);
        const [again] = await stores.articles.putArticles([
          article({ title: 'Canonical', text: 'Other text', url: LINK, origin: 'saved/page.html' }),
        ]);
        expect(again).toMatchObject({ status: 'duplicate', id, duplicateOf: 'url' });
      });

      it('keeps a URL that is not http(s) as given, and a file origin gives no URL', async () => {
        const [a, b] = await storeAll(stores, [
          article({ title: 'Urn', url: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66' }),
          article({ title: 'File', url: null, origin: 'articles/ferry.html' }),
        ]);
        const [urn, file] = await stores.articles.getArticles([a!, b!]);
        expect(urn?.url).toBe('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66');
        expect(file?.url).toBeNull();
      });
    });

    describe('sourcesOf', () => {
      it('gives the origin of a stored article', async () => {
        const [id] = await storeAll(stores, [
          article({ title: 'Local', origin: 'articles/a.html' }),
        ]);
        expect(await stores.articles.sourcesOf(id!)).toEqual(['articles/a.html']);
      });

      it('records origin and via of a feed entry', async () => {
        const [id] = await storeAll(stores, [
          article({
            title: 'From a feed',
            url: LINK,
            origin: LINK,
            via: 'feed:https://portline.example/feed.xml',
          }),
        ]);
        expect(await stores.articles.sourcesOf(id!)).toEqual([
          LINK,
          'feed:https://portline.example/feed.xml',
        ]);
      });

      it('adds the sources of every duplicate, by URL or by content, once each', async () => {
        const [id] = await storeAll(stores, [
          article({
            title: 'Ferry strike',
            text: 'Quayside Ferries stopped at noon.',
            url: LINK,
            origin: LINK,
            via: 'feed:https://portline.example/feed.xml',
          }),
        ]);
        const outcomes = await stores.articles.putArticles([
          // The same entry in a second feed, its link carrying a tracking tag.
          article({
            title: 'Ferry strike',
            text: 'Quayside Ferries stopped at noon.',
            url: `${LINK}?utm_source=marrowby`,
            origin: `${LINK}?utm_source=marrowby`,
            via: 'feed:https://marrowby.example/rss',
          }),
          // A link someone shared, its page saying who wrote it differently.
          article({ title: 'Ferry strike', text: 'Other page text', url: LINK, origin: LINK }),
          // A saved copy on disk: the same text, no URL.
          article({
            title: 'Saved',
            text: 'Quayside Ferries stopped at noon.',
            origin: 'saved/ferry.html',
          }),
          // The first feed again: nothing new.
          article({
            title: 'Ferry strike',
            text: 'Quayside Ferries stopped at noon.',
            url: LINK,
            origin: LINK,
            via: 'feed:https://portline.example/feed.xml',
          }),
        ]);
        expect(outcomes.map((o) => [o.status, o.id])).toEqual([
          ['duplicate', id],
          ['duplicate', id],
          ['duplicate', id],
          ['duplicate', id],
        ]);
        expect(await stores.articles.sourcesOf(id!)).toEqual([
          LINK,
          'feed:https://portline.example/feed.xml',
          `${LINK}?utm_source=marrowby`,
          'feed:https://marrowby.example/rss',
          'saved/ferry.html',
        ]);
        expect(await stores.articles.countArticles({})).toBe(1);
      });

      it('keeps each article its own sources', async () => {
        const [a, b] = await storeAll(stores, [
          article({ title: 'One', origin: 'one.html' }),
          article({ title: 'Two', origin: 'two.html', via: 'feed:https://marrowby.example/rss' }),
        ]);
        expect(await stores.articles.sourcesOf(a!)).toEqual(['one.html']);
        expect(await stores.articles.sourcesOf(b!)).toEqual([
          'two.html',
          'feed:https://marrowby.example/rss',
        ]);
      });

      it('leaves out a blank via and gives [] for an unknown article', async () => {
        const [id] = await storeAll(stores, [
          article({ title: 'Blank', origin: 'b.html', via: ' ' }),
        ]);
        expect(await stores.articles.sourcesOf(id!)).toEqual(['b.html']);
        expect(await stores.articles.sourcesOf(id! + 1000)).toEqual([]);
      });

      it('records nothing for a batch that fails', async () => {
        const [id] = await storeAll(stores, [article({ title: 'Kept', origin: 'kept.html' })]);
        const broken = { ...article({ title: 'Broken' }), title: null } as unknown as Parameters<
          typeof stores.articles.putArticles
        >[0][number];
        await expect(
          stores.articles.putArticles([article({ title: 'Kept', origin: 'again.html' }), broken]),
        ).rejects.toMatchObject({ code: 'STORE_FAILED' });
        expect(await stores.articles.sourcesOf(id!)).toEqual(['kept.html']);
      });
    });

    describe('partial articles', () => {
      it('marks a teaser partial and says nothing of a whole article', async () => {
        const [teaser, whole] = await storeAll(stores, [
          article({ title: 'Teaser', url: `${LINK}-teaser`, partial: true }),
          article({ title: 'Whole', url: `${LINK}-whole`, partial: false }),
        ]);
        const [t, w] = await stores.articles.getArticles([teaser!, whole!]);
        expect(t?.partial).toBe(true);
        expect(w).not.toHaveProperty('partial');
        const found = await stores.articles.findArticles({ terms: { allOf: [['teaser']] } });
        expect(found.map((a) => a.partial)).toEqual([true]);
      });
    });
  });
}
