import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sentence } from '../../src/model/analysis.ts';
import type { NewArticle } from '../../src/model/article.ts';
import type { SentenceScope } from '../../src/store/ports/articles.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { article, EMPTY_ANALYSIS, storeAll } from './fixtures.ts';

/** An article whose analysis holds the given sentences, laid end to end in its text. */
export function withSentences(title: string, lines: string[], publishedAt?: string): NewArticle {
  const sentences: Sentence[] = [];
  let at = 0;
  for (const text of lines) {
    sentences.push({ text, start: at, end: at + text.length, paragraph: 0 });
    at += text.length + 1;
  }
  return article({
    title,
    text: lines.join(' '),
    publishedAt: publishedAt ?? null,
    analysis: { ...EMPTY_ANALYSIS, sentences },
  });
}

/** Sentence search, the same on every Store: ranked stored analysis sentences, cited by index. */
export function describeSentenceContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ArticleStore contract, sentences: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    it('finds sentences by any word, best first, with their article and index', async () => {
      const [bridge, port] = await storeAll(stores, [
        withSentences('Bridge', [
          'The council met on Monday.',
          'The footbridge will cost four million pounds.',
          'The footbridge footbridge opens in 2028.',
        ]),
        withSentences('Port', ['Dockers walked out.', 'The port handles grain and timber.']),
      ]);
      const hits = await stores.articles.searchSentences('footbridge cost', {}, 10);
      expect(hits.map((h) => [h.articleId, h.sentence])).toEqual([
        [bridge, 1],
        [bridge, 2],
      ]);
      expect(hits[0]?.text).toBe('The footbridge will cost four million pounds.');
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      const either = await stores.articles.searchSentences('grain council', {}, 10);
      expect(either.map((h) => h.articleId).sort()).toEqual([bridge, port].sort());
    });

    it('matches case- and accent-insensitively and reads user text as words only', async () => {
      const [id] = await storeAll(stores, [withSentences('Ankara', ['Türkiye hosted the talks.'])]);
      expect(
        (await stores.articles.searchSentences('TURKIYE', {}, 5)).map((h) => h.articleId),
      ).toEqual([id]);
      for (const nasty of ['"', 'AND OR NOT', 'text:talks*', 'NEAR(a b)', '-^\u0000', '']) {
        await expect(stores.articles.searchSentences(nasty, {}, 5)).resolves.toBeInstanceOf(Array);
      }
      expect(await stores.articles.searchSentences('"talks"', {}, 5)).toHaveLength(1);
      expect(await stores.articles.searchSentences('?!', {}, 5)).toEqual([]);
    });

    it('keeps to the given articles, the article scope and k', async () => {
      const [a, b, c] = await storeAll(stores, [
        withSentences('A', ['Grain prices rose.'], '2026-03-01T00:00:00Z'),
        withSentences('B', ['Grain ships waited.'], '2026-03-02T00:00:00Z'),
        withSentences('C', ['Grain was spoiled.', 'More grain rotted.'], '2026-03-03T00:00:00Z'),
      ]);
      const ids = async (scope: SentenceScope, k = 10) =>
        (await stores.articles.searchSentences('grain', scope, k)).map((h) => h.articleId).sort();
      expect(await ids({ articleIds: [a!, c!] })).toEqual([a, c, c].sort());
      expect(await ids({ articleIds: [] })).toEqual([]);
      expect(await ids({ articleIds: [a!, a!, 1.5, -7] })).toEqual([a]);
      expect(await ids({ articleIds: [b!, c!], since: '2026-03-03T00:00:00Z' })).toEqual([c, c]);
      expect(await ids({ since: '2026-03-02T00:00:00Z' })).toEqual([b, c, c].sort());
      expect(await ids({ limit: 1 })).toEqual([c, c]);
      expect(await ids({ terms: { allOf: [['ships']] } })).toEqual([b]);
      expect(await ids({}, 2)).toHaveLength(2);
      expect(await ids({}, 0)).toEqual([]);
    });

    it('finds nothing in an article stored without sentences, and nothing twice', async () => {
      await storeAll(stores, [article({ title: 'Grain', text: 'Grain everywhere.' })]);
      expect(await stores.articles.searchSentences('grain', {}, 5)).toEqual([]);
      const one = withSentences('Once', ['Grain ships waited.']);
      await stores.articles.putArticles([one, one]);
      expect(await stores.articles.searchSentences('grain', {}, 5)).toHaveLength(1);
    });
  });
}
