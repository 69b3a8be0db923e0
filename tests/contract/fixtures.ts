import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Analysis } from '../../src/model/analysis.ts';
import type { NewArticle } from '../../src/model/article.ts';
import type { Stores } from '../../src/store/ports/port.ts';

/** Articles for the Stores contract suites: made in memory, stored with checks. */

/** A minimal valid analysis: nothing found. */
export const EMPTY_ANALYSIS: Analysis = {
  sentences: [],
  mentions: [],
  actors: [],
  quotes: [],
  summary: [],
};

export interface ArticleSpec extends Partial<NewArticle> {
  title: string;
  text?: string;
}

/** A NewArticle whose content hash is derived from its text unless given. */
export function article(spec: ArticleSpec): NewArticle {
  const text = spec.text ?? `${spec.title}. Body of the article.`;
  return {
    url: null,
    publishedAt: null,
    source: null,
    origin: `test:${spec.title}`,
    contentHash: createHash('sha256').update(text).digest('hex'),
    analysis: EMPTY_ANALYSIS,
    analysisVersion: 1,
    ...spec,
    text,
  };
}

/** Stores articles that must all be new; returns their ids in order. */
export async function storeAll(stores: Stores, articles: NewArticle[]): Promise<number[]> {
  const outcomes = await stores.articles.putArticles(articles);
  expect(outcomes.map((o) => o.status)).toEqual(articles.map(() => 'stored'));
  return outcomes.map((o) => o.id);
}
