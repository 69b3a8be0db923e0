import { describe, expect, it } from 'vitest';
import { selectArticles } from '../../src/briefing/select.ts';
import { resolveTopic } from '../../src/briefing/topics.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { createStore } from '../../src/store/create.ts';

const article = (title: string, text: string, publishedAt: string) =>
  prepareArticle(`test:${title}`, { title, text, publishedAt, source: null, url: null });

describe('selectArticles', () => {
  it('ranks by relevance and recency together, the more relevant and the newer first', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article(
        'Harbour strike spreads',
        'The harbour strike spread to a second harbour as strike leaders met.',
        '2026-03-05T10:00:00Z',
      ),
      article(
        'Council budget',
        'The council passed its budget. A strike at the harbour was mentioned once.',
        '2026-03-05T11:00:00Z',
      ),
      article(
        'Ferry timetable',
        'The ferry timetable changed. The harbour strike was mentioned once.',
        '2026-02-01T10:00:00Z',
      ),
    ]);
    const topic = resolveTopic('harbour-strike', []);
    const { articles, fallback } = await selectArticles(stores.articles, topic, null);
    expect(fallback).toBe(false);
    // Same day: the more relevant first; same relevance: the newer first.
    expect(articles.map((a) => a.title)).toEqual([
      'Harbour strike spreads',
      'Council budget',
      'Ferry timetable',
    ]);
    await stores.close();
  });

  it('falls back to the matches before the window when the window is empty', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article('Harbour strike ends', 'The harbour strike ended.', '2020-01-01T00:00:00Z'),
    ]);
    const { articles, fallback } = await selectArticles(
      stores.articles,
      resolveTopic('harbour-strike', []),
      '2026-01-01T00:00:00.000Z',
    );
    expect(fallback).toBe(true);
    expect(articles).toHaveLength(1);
    await stores.close();
  });
});
