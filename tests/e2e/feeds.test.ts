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
  startNewsServer,
  storyParagraphs,
  type TestEntry,
} from '../helpers/news-server.ts';

/**
 * `briefwire feeds …` end to end against feeds served on 127.0.0.1 (BRIEFWIRE_FETCH_ALLOW),
 * the real fetcher, parser and SQLite store: new entries only, 304s store nothing, teasers
 * fetch their page (or are kept partial), and bad feeds are reported with the store intact.
 */

const ALLOW = { BRIEFWIRE_FETCH_ALLOW: '127.0.0.1' };
const tmp = tempDir('briefwire-feeds-');
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

const feeds = (db: string, ...args: string[]) => runCli(['feeds', ...args, '--db', db], ALLOW);

async function countArticles(db: string): Promise<number> {
  const stores = await createStore(db);
  try {
    return await stores.articles.countArticles({});
  } finally {
    await stores.close();
  }
}

/** An entry whose feed carries the whole article. */
function fullEntry(path: string, n: number, title: string): TestEntry {
  return {
    id: `${path}-${n}`,
    title,
    link: server.url(`${path}/${n}`),
    date: 'Mon, 02 Nov 2026 09:00:00 GMT',
    content: storyParagraphs(`${title}, said Mara Quist,`, 3)
      .map((p) => `<p>${p}</p>`)
      .join(''),
  };
}

interface PollJson {
  feeds: Array<{
    url: string;
    status: string;
    new: number;
    duplicates: number;
    partial: number;
    skipped: Array<{ item: string; reason: string }>;
    error: string | null;
  }>;
}

describe('feeds add, poll and updates', () => {
  it('adds an RSS, an Atom and a JSON feed, storing their entries at once', async () => {
    const db = freshDb();
    const shapes = [
      ['/add/rss.xml', 'application/rss+xml', rssFeed],
      ['/add/atom.xml', 'application/atom+xml', atomFeed],
      ['/add/feed.json', 'application/feed+json', jsonFeed],
    ] as const;
    let expected = 0;
    for (const [path, contentType, build] of shapes) {
      const entries = [1, 2].map((n) => fullEntry(path, n, `Portline story ${path} ${n}`));
      server.route(path, { contentType, body: build('Portline Gazette', entries) });
      const result = await feeds(db, 'add', server.url(path), '--topic', 'portline');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`added feed`);
      expect(result.stdout).toContain(
        `ok           ${server.url(path)} — 2 new, 0 duplicate, 0 partial, 0 skipped`,
      );
      expected += 2;
      expect(await countArticles(db)).toBe(expected);
    }
  }, 60_000);

  it('stores only the new entries of an updated feed, and nothing on a 304', async () => {
    const db = freshDb();
    const path = '/update/rss.xml';
    const entries = [1, 2].map((n) => fullEntry(path, n, `Marrowby ferry news ${n}`));
    server.route(path, {
      contentType: 'application/rss+xml',
      body: rssFeed('Marrowby', entries),
      etag: '"v1"',
    });
    expect((await feeds(db, 'add', server.url(path))).code).toBe(0);
    expect(await countArticles(db)).toBe(2);

    // Same document: the validator comes back and the server answers 304.
    const notModified = await feeds(db, 'poll', '--all', '--json');
    const first = (JSON.parse(notModified.stdout) as PollJson).feeds;
    expect(first).toEqual([
      {
        url: server.url(path),
        status: 'not-modified',
        new: 0,
        duplicates: 0,
        partial: 0,
        skipped: [],
        error: null,
      },
    ]);
    expect(server.requests(path).at(-1)?.['if-none-match']).toBe('"v1"');
    expect(await countArticles(db)).toBe(2);

    entries.unshift(fullEntry(path, 3, 'Marrowby ferry news 3'));
    server.route(path, {
      contentType: 'application/rss+xml',
      body: rssFeed('Marrowby', entries),
      etag: '"v2"',
    });
    const updated = await feeds(db, 'poll', '--all', '--json');
    expect(updated.code).toBe(0);
    const [report] = (JSON.parse(updated.stdout) as PollJson).feeds;
    expect(Object.keys(report!)).toEqual([
      'url',
      'status',
      'new',
      'duplicates',
      'partial',
      'skipped',
      'error',
    ]);
    expect(report).toMatchObject({ status: 'ok', new: 1, duplicates: 0, partial: 0, error: null });
    expect(await countArticles(db)).toBe(3);

    // Not due yet: a plain poll polls nothing.
    const due = await feeds(db, 'poll', '--json');
    expect(JSON.parse(due.stdout)).toEqual({ feeds: [] });
  }, 60_000);

  it('fetches the page of a teaser entry, and keeps the teaser partial when the page fails', async () => {
    const db = freshDb();
    const path = '/teasers/rss.xml';
    const good = server.url('/teasers/pages/good');
    const broken = server.url('/teasers/pages/broken');
    server.route('/teasers/pages/good', {
      body: articlePage(
        'Quayside Ferries add a night boat',
        storyParagraphs('Quayside Ferries', 4),
      ),
    });
    server.route('/teasers/pages/broken', { status: 500, body: 'oops' });
    server.route(path, {
      contentType: 'application/rss+xml',
      body: rssFeed('Quayside', [
        {
          id: 't-1',
          title: 'Quayside Ferries add a night boat',
          link: good,
          summary: 'A night boat joins the Marrowby run.',
        },
        {
          id: 't-2',
          title: 'Portline fares under review',
          link: broken,
          summary: 'Mara Quist asks the board to review fares on the Portline route.',
        },
      ]),
    });
    const result = await feeds(db, 'add', server.url(path), '--json');
    expect(result.code, result.stderr).toBe(0);
    const { poll } = JSON.parse(result.stdout) as { poll: PollJson['feeds'][number] };
    expect(poll).toMatchObject({ status: 'ok', new: 2, partial: 1 });
    expect(poll.skipped).toHaveLength(1);
    expect(poll.skipped[0]!.item).toBe(broken);
    expect(poll.skipped[0]!.reason).toMatch(/teaser only: the page could not be read: .*500/);
    expect(server.requests('/teasers/pages/good')).toHaveLength(1);

    const stores = await createStore(db);
    try {
      const all = await stores.articles.findArticles({});
      const page = all.find((a) => a.origin === good);
      const teaser = all.find((a) => a.origin === broken);
      expect(page?.text).toContain('Marrowby crossing open through the winter');
      expect(page?.partial ?? false).toBe(false);
      expect(teaser?.text).toBe('Mara Quist asks the board to review fares on the Portline route.');
      expect(teaser?.partial).toBe(true);
    } finally {
      await stores.close();
    }
  }, 60_000);
});

describe('bad feeds', () => {
  it('refuses to add a web page as a feed', async () => {
    const db = freshDb();
    server.route('/bad/page.html', {
      body: articlePage('Not a feed', storyParagraphs('Mara Quist', 2)),
    });
    const result = await feeds(db, 'add', server.url('/bad/page.html'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a feed.*\[FEED_INVALID\]/);
    expect((await feeds(db, 'list', '--json')).stdout).toContain('"feeds": []');
  }, 30_000);

  it('reports each bad feed by URL and reason, storing nothing and losing nothing', async () => {
    const db = freshDb();
    const goodPath = '/bad/good.xml';
    server.route(goodPath, {
      contentType: 'application/rss+xml',
      body: rssFeed('Good', [
        {
          ...fullEntry(goodPath, 1, 'Saltreach ferry returns'),
          date: 'Thu, 31 Feb 2026 25:61:00 XYZ',
        },
      ]),
    });
    expect((await feeds(db, 'add', server.url(goodPath))).code).toBe(0);
    // An invalid date leaves the article undated rather than refused or misdated.
    const check = await createStore(db);
    try {
      const [stored] = await check.articles.findArticles({});
      expect(stored?.title).toBe('Saltreach ferry returns');
      expect(stored?.publishedAt).toBeNull();
    } finally {
      await check.close();
    }
    const bad: Record<string, Parameters<NewsServer['route']>[1]> = {
      '/bad/malformed.xml': {
        contentType: 'application/rss+xml',
        body: '<rss><channel><item><title>Bro',
      },
      '/bad/empty.xml': { contentType: 'application/rss+xml', body: '' },
      '/bad/binary.xml': {
        contentType: 'application/octet-stream',
        body: Buffer.from([0, 159, 146, 150, 0, 1]),
      },
      '/bad/huge.xml': { streamBytes: 50 * 1024 * 1024 },
      '/bad/loop.xml': { redirect: server.url('/bad/loop.xml') },
      '/bad/error.xml': { status: 503, body: 'down', headers: { 'retry-after': '7200' } },
    };
    const stores = await createStore(db);
    try {
      for (const [path, route] of Object.entries(bad)) {
        server.route(path, route);
        await stores.feeds.add({ url: server.url(path), topic: null, everyMs: 15 * 60_000 });
      }
    } finally {
      await stores.close();
    }
    const before = await countArticles(db);
    const result = await feeds(db, 'poll', '--json');
    expect(result.code).toBe(1);
    const reports = (JSON.parse(result.stdout) as PollJson).feeds;
    expect(reports.map((r) => r.url).sort()).toEqual(
      Object.keys(bad)
        .map((p) => server.url(p))
        .sort(),
    );
    // The truncated document is recovered as far as it goes: its one entry has nothing to store.
    const malformed = reports.find((r) => r.url === server.url('/bad/malformed.xml'))!;
    expect(malformed).toMatchObject({ status: 'ok', new: 0 });
    expect(malformed.skipped.map((s) => s.reason)).toEqual([
      'the entry has no text and no link [INPUT_EMPTY]',
    ]);
    for (const report of reports.filter((r) => r !== malformed)) {
      expect(report.status).toBe('failed');
      expect(report.error).toMatch(/\[[A-Z_]+\]$/);
      expect(report.new).toBe(0);
    }
    const errorOf = (p: string): string =>
      reports.find((r) => r.url === server.url(p))?.error ?? '';
    expect(errorOf('/bad/empty.xml')).toContain('[INPUT_EMPTY]');
    expect(errorOf('/bad/binary.xml')).toContain('[INPUT_NOT_TEXT]');
    expect(errorOf('/bad/huge.xml')).toContain('[FETCH_TOO_LARGE]');
    expect(errorOf('/bad/loop.xml')).toContain('[FETCH_REFUSED]');
    expect(errorOf('/bad/error.xml')).toContain('[FETCH_FAILED]');
    expect(await countArticles(db)).toBe(before);

    // The 503's Retry-After (2 h) outlasts the first backoff (30 min).
    const listed = JSON.parse((await feeds(db, 'list', '--json')).stdout) as {
      feeds: Array<{ url: string; nextPollAt: string; lastPolledAt: string; failures: number }>;
    };
    const down = listed.feeds.find((f) => f.url === server.url('/bad/error.xml'))!;
    expect(down.failures).toBe(1);
    const wait = Date.parse(down.nextPollAt) - Date.parse(down.lastPolledAt);
    expect(wait).toBeGreaterThanOrEqual(7200_000);
  }, 120_000);
});

describe('feeds list, remove, import and export', () => {
  it('lists health, removes by id and URL, and round-trips OPML', async () => {
    const db = freshDb();
    const paths = ['/opml/a.xml', '/opml/b.xml'];
    for (const path of paths)
      server.route(path, {
        contentType: 'application/rss+xml',
        body: rssFeed(`Feed ${path}`, [fullEntry(path, 1, `Lower Fenn notice ${path}`)]),
      });
    expect((await feeds(db, 'add', server.url(paths[0]!), '--every', '1h')).code).toBe(0);

    const list = await feeds(db, 'list');
    expect(list.stdout).toMatch(new RegExp(`^1  ${server.url(paths[0]!)}  no topic  every 1h\\n`));
    expect(list.stdout).toMatch(/last poll \S+ ok: 1 new, 1 in total; next /);

    const exported = await feeds(db, 'export');
    expect(exported.stdout).toContain(`xmlUrl="${server.url(paths[0]!)}"`);
    const opml = join(tmp.dir, 'feeds.opml');
    writeFileSync(
      opml,
      exported.stdout.replace(
        '</body>',
        `<outline type="rss" text="b" xmlUrl="${server.url(paths[1]!)}"/></body>`,
      ),
    );
    const imported = await feeds(db, 'import', opml);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('1 feed(s) added, 1 already followed');

    expect((await feeds(db, 'remove', '1')).stdout).toContain(
      `removed feed 1 ${server.url(paths[0]!)}`,
    );
    expect((await feeds(db, 'remove', server.url(paths[1]!))).code).toBe(0);
    const unknown = await feeds(db, 'remove', '42');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[FEED_UNKNOWN]');
    expect((await feeds(db, 'list')).stdout).toContain('No feeds followed');
  }, 60_000);

  it('refuses a bad --every and an unknown subcommand as usage errors', async () => {
    const db = freshDb();
    const every = await feeds(db, 'add', server.url('/opml/a.xml'), '--every', '10s');
    expect(every.code).toBe(2);
    expect(every.stderr).toContain('--every must be a duration');
    expect((await feeds(db, 'frobnicate')).code).toBe(2);
  }, 30_000);

  it('takes the default interval from BRIEFWIRE_FEED_EVERY and refuses a bad one by name', async () => {
    const db = freshDb();
    const env = { ...ALLOW, BRIEFWIRE_FEED_EVERY: '2h' };
    expect((await runCli(['feeds', 'add', server.url('/opml/a.xml'), '--db', db], env)).code).toBe(
      0,
    );
    expect((await feeds(db, 'list')).stdout).toContain('every 2h');
    const bad = await runCli(['feeds', 'list', '--db', db], { BRIEFWIRE_FEED_EVERY: '5s' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/BRIEFWIRE_FEED_EVERY: .*"5s".*\[CONFIG_INVALID\]/);
    const allow = await runCli(['feeds', 'list', '--db', db], { BRIEFWIRE_FETCH_ALLOW: 'a b' });
    expect(allow.stderr).toContain('BRIEFWIRE_FETCH_ALLOW');
  }, 30_000);
});
