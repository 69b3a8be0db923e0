import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import {
  articlePage,
  type NewsServer,
  rssFeed,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';

/**
 * One article, three ways in: two feeds carry it (one link with tracking parameters, under
 * different GUIDs) and someone ingests its link shared with a click id. It is stored once and
 * keeps all three sources.
 */

const tmp = tempDir();
let news: NewsServer;
const env = { BRIEFWIRE_FETCH_ALLOW: '127.0.0.1' };

beforeAll(async () => {
  news = await startNewsServer();
  const paragraphs = storyParagraphs('The Portline harbour master', 4);
  const content = paragraphs.map((p) => `<p>${p}</p>`).join('');
  const story = news.url('/news/night-ferry');
  const entry = {
    title: 'Night ferry returns to Marrowby',
    date: 'Mon, 02 Nov 2026 09:00:00 GMT',
    content,
  };
  news.route('/a.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Portline Gazette', [{ ...entry, id: 'gazette-1', link: story }]),
  });
  news.route('/b.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Marrowby Courier', [
      { ...entry, id: 'courier-77', link: `${story}?utm_source=rss&utm_medium=feed` },
    ]),
  });
  news.route('/news/night-ferry', {
    contentType: 'text/html; charset=utf-8',
    body: articlePage(entry.title, paragraphs, '2026-11-02T09:00:00Z'),
  });
});
afterAll(async () => {
  await news?.close();
  tmp.cleanup();
});

it('stores the article once and keeps both feeds and the shared link as its sources', async () => {
  const db = join(tmp.dir, 'sources.db');
  const first = await runCli(['feeds', 'add', news.url('/a.xml'), '--json', '--db', db], env);
  expect(JSON.parse(first.stdout).poll).toMatchObject({ status: 'ok', new: 1 });
  const second = await runCli(['feeds', 'add', news.url('/b.xml'), '--json', '--db', db], env);
  expect(JSON.parse(second.stdout).poll).toMatchObject({ status: 'ok', new: 0, duplicates: 1 });
  const shared = news.url('/news/night-ferry?fbclid=IwAR0abc');
  const link = await runCli(['ingest', shared, '--json', '--db', db], env);
  const [item] = JSON.parse(link.stdout).items as Array<{ status: string; articleId: number }>;
  expect(item).toMatchObject({ status: 'duplicate' });

  const stores = await createStore(db);
  try {
    const stored = await stores.articles.findArticles({});
    expect(stored).toHaveLength(1);
    const sources = await stores.articles.sourcesOf(stored[0]!.id);
    expect(sources).toEqual(
      expect.arrayContaining([`feed:${news.url('/a.xml')}`, `feed:${news.url('/b.xml')}`, shared]),
    );
    expect(stored[0]!.url).toBe(news.url('/news/night-ferry'));
  } finally {
    await stores.close();
  }
});
