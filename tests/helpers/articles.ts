import { prepareArticle } from '../../src/ingest/prepare.ts';
import type { ParsedArticle, StoredArticle } from '../../src/model/article.ts';

/**
 * Stored articles made in memory, analysed as ingest would analyse them, for unit tests of
 * the briefing's parts. Ids count up from 1 in the order made.
 */
let nextId = 1;

export function storedArticle(
  title: string,
  text: string,
  more: Partial<Omit<ParsedArticle, 'title' | 'text'>> = {},
): StoredArticle {
  const parsed: ParsedArticle = {
    title,
    text,
    publishedAt: more.publishedAt ?? null,
    source: more.source ?? null,
    url: more.url ?? null,
  };
  const id = nextId++;
  return {
    ...prepareArticle(`memory:${id}`, parsed),
    id,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}
