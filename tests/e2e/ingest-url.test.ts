import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import {
  articlePage,
  atomFeed,
  jsonFeed,
  type NewsServer,
  rssFeed,
  sharedPages,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';
import { describeWithShared } from '../helpers/shared.ts';

/**
 * `briefwire ingest <url>` and `analyze <url>` against a news site on 127.0.0.1, let through
 * by BRIEFWIRE_FETCH_ALLOW: a page is read as its saved file is, a feed's entries are stored
 * one by one, and every bad URL gets its own line while the rest of the batch is stored.
 */

const ALLOW = { BRIEFWIRE_FETCH_ALLOW: '127.0.0.1' };
const tmp = tempDir('briefwire-url-');
let server: NewsServer;
let dbs = 0;
const freshDb = (): string => join(tmp.dir, `store-${++dbs}.db`);

beforeAll(async () => {
  server = await startNewsServer();
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

async function countArticles(db: string): Promise<number> {
  const stores = await createStore(db);
  try {
    return await stores.articles.countArticles({});
  } finally {
    await stores.close();
  }
}

type Record = { file: string; title: string; text: string; error?: { code: string } };
const records = (stdout: string): Record[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record);

describeWithShared('ingest a shared news page by URL', () => {
  it('extracts the same title and text from the URL as from the saved file', async () => {
    const pages = sharedPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      // Served without a charset, as many sites do: the page's own declaration decides.
      server.route(`/shared/${page.name}`, { body: page.html, contentType: 'text/html' });
    }
    const urls = pages.map((p) => server.url(`/shared/${p.name}`));
    const fromUrls = await runCli(['analyze', ...urls], ALLOW);
    const fromFiles = await runCli(['analyze', ...pages.map((p) => p.file)], {});
    expect(fromUrls.stderr).toBe('');
    const byUrl = records(fromUrls.stdout);
    const byFile = records(fromFiles.stdout);
    expect(byUrl.map((r) => r.file)).toEqual(urls);
    expect(byUrl.map((r) => [r.title, r.text])).toEqual(byFile.map((r) => [r.title, r.text]));

    const db = freshDb();
    const ingested = await runCli(['ingest', '--db', db, urls[0]!], ALLOW);
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain(`stored    ${urls[0]} — “${byFile[0]!.title}”`);
    expect(await countArticles(db)).toBe(1);
  }, 120_000);

  it('follows RSS, Atom and JSON feeds of teasers around the pages: each page fetched and read as its file', async () => {
    const pages = sharedPages();
    for (const page of pages)
      server.route(`/shared/${page.name}`, { body: page.html, contentType: 'text/html' });
    const byFile = records((await runCli(['analyze', ...pages.map((p) => p.file)], {})).stdout);
    const entries = pages.map((page, i) => ({
      id: `urn:shared:${i}`,
      title: byFile[i]!.title,
      link: server.url(`/shared/${page.name}`),
      summary: 'A short teaser; the article is on the page.',
    }));
    // Each format carries a third of the pages, so every page is fetched once.
    const third = Math.ceil(entries.length / 3);
    const formats = [
      ['/shared-rss.xml', 'application/rss+xml', rssFeed('Shared RSS', entries.slice(0, third))],
      [
        '/shared-atom.xml',
        'application/atom+xml',
        atomFeed('Shared Atom', entries.slice(third, 2 * third)),
      ],
      ['/shared.json', 'application/feed+json', jsonFeed('Shared JSON', entries.slice(2 * third))],
    ] as const;
    const db = freshDb();
    for (const [path, contentType, body] of formats) {
      server.route(path, { contentType, body });
      const added = await runCli(['feeds', 'add', server.url(path), '--json', '--db', db], ALLOW);
      expect(JSON.parse(added.stdout).poll, path).toMatchObject({
        status: 'ok',
        partial: 0,
        skipped: [],
      });
    }
    const stores = await createStore(db);
    try {
      const stored = await stores.articles.findArticles({});
      expect(stored).toHaveLength(pages.length);
      const textByTitle = new Map(stored.map((a) => [a.title, a.text]));
      for (const record of byFile)
        expect(textByTitle.get(record.title), record.file).toBe(record.text);
    } finally {
      await stores.close();
    }
  }, 120_000);
});

describe('ingest <url>', () => {
  const title = 'Quayside Ferries keep the winter crossing';
  beforeAll(() => {
    server.route('/news/crossing', {
      body: articlePage(title, storyParagraphs('Mara Quist', 4), '2026-11-02T08:00:00Z'),
    });
  });

  it('stores an article page, named by its URL, with its date and text', async () => {
    const db = freshDb();
    const url = server.url('/news/crossing');
    const result = await runCli(['ingest', '--db', db, '--json', url], ALLOW);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      items: Array<{ input: string; status: string; title: string; articleId: number }>;
    };
    expect(report.items).toMatchObject([{ input: url, status: 'stored', title }]);
    const stores = await createStore(db);
    try {
      const [article] = await stores.articles.getArticles([report.items[0]!.articleId]);
      expect(article?.publishedAt).toBe('2026-11-02T08:00:00.000Z');
      expect(article?.text).toContain('Marrowby crossing open through the winter');
      expect(article?.text).not.toContain('all rights reserved');
    } finally {
      await stores.close();
    }
    // The same page again is a duplicate, not a second article.
    const again = await runCli(['ingest', '--db', db, url], ALLOW);
    expect(again.stdout).toMatch(/^duplicate /);
    expect(await countArticles(db)).toBe(1);
  }, 30_000);

  it('refuses 127.0.0.1 without BRIEFWIRE_FETCH_ALLOW, and file:// and gopher:// always', async () => {
    const db = freshDb();
    const url = server.url('/news/crossing');
    const fetchedBefore = server.requests('/news/crossing').length;
    const refused = await runCli(['ingest', '--db', db, url], {});
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(new RegExp(`^failed +${url} — .*\\[FETCH_REFUSED\\]\\n$`));
    const schemes = await runCli(
      ['ingest', '--db', db, 'file:///etc/passwd', 'gopher://127.0.0.1/x'],
      ALLOW,
    );
    expect(schemes.stdout.split('\n').filter((l) => l.includes('[FETCH_REFUSED]'))).toHaveLength(2);
    expect(server.requests('/news/crossing')).toHaveLength(fetchedBefore);
    expect(await countArticles(db)).toBe(0);
  }, 30_000);

  it('stores a feed URL entry by entry, each named by its link', async () => {
    const db = freshDb();
    const links = [1, 2].map((i) => server.url(`/feeds/portline/${i}`));
    server.route('/feeds/portline.xml', {
      contentType: 'application/rss+xml',
      body: rssFeed('Portline Gazette', [
        {
          id: 'p-1',
          title: 'Ferry fares frozen',
          link: links[0]!,
          content: storyParagraphs('Mara Quist', 3)
            .map((p) => `<p>${p}</p>`)
            .join(''),
        },
        {
          id: 'p-2',
          title: 'Harbour wall repaired',
          link: links[1]!,
          content: storyParagraphs('The harbour board', 3)
            .map((p) => `<p>${p}</p>`)
            .join(''),
        },
      ]),
    });
    const result = await runCli(['ingest', '--db', db, server.url('/feeds/portline.xml')], ALLOW);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`stored    ${links[0]} — “Ferry fares frozen”`);
    expect(result.stdout).toContain(`stored    ${links[1]} — “Harbour wall repaired”`);
    expect(await countArticles(db)).toBe(2);
  }, 30_000);

  it('reports every bad URL on its own line and stores the good inputs of the batch', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'marrowby.txt');
      writeFileSync(
        file,
        `Marrowby votes on the ferry\n\n${storyParagraphs('Mara Quist', 2).join('\n\n')}\n`,
      );
      server.route('/bad/missing', { status: 404, body: 'gone' });
      server.route('/bad/empty', { body: '' });
      server.route('/bad/binary', {
        contentType: 'application/octet-stream',
        body: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]),
      });
      server.route('/bad/huge', { streamBytes: 50 * 1024 * 1024 });
      server.route('/bad/loop-a', { redirect: server.url('/bad/loop-b') });
      server.route('/bad/loop-b', { redirect: server.url('/bad/loop-a') });
      server.route('/bad/no-article', {
        body: '<!doctype html><html><body><nav></nav></body></html>',
      });
      const bad = ['missing', 'empty', 'binary', 'huge', 'loop-a', 'no-article'].map((n) =>
        server.url(`/bad/${n}`),
      );
      const db = freshDb();
      const result = await runCli(
        ['ingest', '--db', db, file, ...bad, server.url('/news/crossing')],
        ALLOW,
      );
      expect(result.code).toBe(1);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(8);
      expect(lines[0]).toMatch(/^stored +.*marrowby\.txt/);
      for (const [i, url] of bad.entries())
        expect(lines[i + 1]).toMatch(new RegExp(`^failed +${url} — .+ \\[[A-Z_]+\\]$`));
      expect(lines[1]).toContain('[FETCH_FAILED]');
      expect(lines[4]).toContain('[FETCH_TOO_LARGE]');
      expect(lines[5]).toContain('[FETCH_REFUSED]');
      expect(lines[7]).toMatch(/^stored +.*\/news\/crossing/);
      expect(result.stderr).toContain('2 stored, 0 duplicate, 6 failed');
      expect(await countArticles(db)).toBe(2);
    } finally {
      cleanup();
    }
  }, 60_000);

  it('analyze <url> prints the JSON line and stores nothing', async () => {
    const url = server.url('/news/crossing');
    const result = await runCli(['analyze', url], ALLOW);
    expect(result.code).toBe(0);
    const [record] = records(result.stdout);
    expect(record).toMatchObject({ file: url, title });
    expect(record?.text).toContain('Portline harbour board');
  }, 30_000);
});
