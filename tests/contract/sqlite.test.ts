import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/model/article.ts';
import { createStore } from '../../src/store/create.ts';
import { ftsString, searchMatch, termMatch } from '../../src/store/sqlite/fts-query.ts';
import { MIGRATIONS, type Migration, migrate } from '../../src/store/sqlite/migrations.ts';
import { openSqliteStore, type SqliteStores } from '../../src/store/sqlite/sqlite-store.ts';
import { describeArchiveContract, describeArchiveMergeContract } from './archive-contract.ts';
import { describeArticleSourcesContract } from './article-sources-contract.ts';
import { describeArticleStoreContract } from './articles-contract.ts';
import { describeBriefingContract } from './briefings-contract.ts';
import { describeDeliveryContract } from './deliveries-contract.ts';
import { describeFeedStoreContract } from './feeds-contract.ts';
import { article, storeAll } from './fixtures.ts';
import { oldStoreWith } from './old-schema.ts';
import { describeSearchContract } from './search-contract.ts';
import { describeSentenceContract } from './sentences-contract.ts';
import { describeSettingsContract } from './settings-contract.ts';
import { describeSubscriptionContract } from './subscriptions-contract.ts';
import { describeThreadLinksContract } from './thread-links-contract.ts';
import { describeWebAccessContract } from './web-access-contract.ts';

const root = mkdtempSync(join(tmpdir(), 'briefwire-sqlite-'));
let counter = 0;
function tempDb(): string {
  counter += 1;
  return join(root, `store-${counter}.db`);
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describeArticleStoreContract('SQLite file', () => createStore(tempDb()));
describeArticleStoreContract('SQLite in memory', () => createStore(':memory:'));
describeSearchContract('SQLite file', () => createStore(tempDb()));
describeSearchContract('SQLite in memory', () => createStore(':memory:'));
describeBriefingContract('SQLite file', () => createStore(tempDb()));
describeSubscriptionContract('SQLite file', () => createStore(tempDb()));
describeThreadLinksContract('SQLite file', () => createStore(tempDb()));
describeSettingsContract('SQLite file', () => createStore(tempDb()));
describeWebAccessContract('SQLite file', () => createStore(tempDb()));
describeSentenceContract('SQLite file', () => createStore(tempDb()));
describeDeliveryContract('SQLite file', () => createStore(tempDb()));
describeFeedStoreContract('SQLite file', () => createStore(tempDb()));
describeArticleSourcesContract('SQLite file', () => createStore(tempDb()));
describeArchiveContract('SQLite file', () => createStore(tempDb()));
describeArchiveMergeContract('SQLite file', () => createStore(tempDb()));
describeArticleSourcesContract('SQLite in memory', () => createStore(':memory:'));
describeFeedStoreContract('SQLite in memory', () => createStore(':memory:'));

const EXTRA: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test extra table',
  // No IF NOT EXISTS: running this twice would fail, so a passing reopen proves it ran once.
  sql: 'CREATE TABLE extra_for_test (x INTEGER)',
};

describe('SQLite store specifics', () => {
  const open: SqliteStores[] = [];
  function openStore(path: string, migrations?: readonly Migration[]): SqliteStores {
    const stores = openSqliteStore(path, migrations ? { migrations } : {});
    open.push(stores);
    return stores;
  }
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('runs in WAL mode with foreign keys and a busy timeout', () => {
    const path = tempDb();
    const stores = openStore(path);
    expect(stores.diagnostics()).toMatchObject({
      journalMode: 'wal',
      foreignKeys: true,
      busyTimeoutMs: expect.any(Number),
    });
    expect(stores.diagnostics().busyTimeoutMs).toBeGreaterThan(0);
    // WAL is a property of the file: another connection sees it too.
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('records each migration once and applies nothing on reopen', async () => {
    const path = tempDb();
    const first = openStore(path);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(first.diagnostics().schemaVersions).toEqual(versions);
    await first.close();
    const again = openStore(path);
    expect(again.diagnostics().schemaVersions).toEqual(versions);
    await again.close();

    const raw = new Database(path);
    try {
      expect(migrate(raw)).toEqual([]);
      const rows = raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as {
        n: number;
      };
      expect(rows.n).toBe(MIGRATIONS.length);
    } finally {
      raw.close();
    }
  });

  it('applies only the new migrations to an existing database', async () => {
    const path = tempDb();
    const raw = new Database(path);
    try {
      expect(migrate(raw, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(migrate(raw, [...MIGRATIONS, EXTRA])).toEqual([EXTRA.version]);
      expect(migrate(raw, [...MIGRATIONS, EXTRA])).toEqual([]);
    } finally {
      raw.close();
    }
    const stores = openStore(path, [...MIGRATIONS, EXTRA]);
    expect(stores.diagnostics().schemaVersions).toEqual([
      ...MIGRATIONS.map((m) => m.version),
      EXTRA.version,
    ]);
  });

  it('rolls back a failing migration and records nothing for it', () => {
    const path = tempDb();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;',
    };
    expect(() => openStore(path, [...MIGRATIONS, broken])).toThrow(
      expect.objectContaining({ code: 'STORE_FAILED', input: path }),
    );
    const stores = openStore(path);
    expect(stores.diagnostics().schemaVersions).toEqual(MIGRATIONS.map((m) => m.version));
    const raw = new Database(path, { readonly: true });
    try {
      const table = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'half_done'")
        .get();
      expect(table).toBeUndefined();
    } finally {
      raw.close();
    }
  });

  it('refuses a database written by a newer schema', () => {
    const path = tempDb();
    const raw = new Database(path);
    migrate(raw);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')").run();
    raw.close();
    expect(() => openStore(path)).toThrow(
      expect.objectContaining({
        code: 'STORE_FAILED',
        input: path,
        message: expect.stringMatching(/schema version 999 is newer than this Briefwire supports/),
      }),
    );
  });

  it('keeps articles and the full-text index across close and reopen', async () => {
    const path = tempDb();
    const first = openStore(path);
    const [id] = await storeAll(first, [
      article({ title: 'Türkiye vote', url: 'https://example.com/tr', text: 'Ankara voted.' }),
    ]);
    await first.close();

    const second = openStore(path);
    const found = await second.articles.findArticles({ terms: { allOf: [['turkiye']] } });
    expect(found.map((a) => a.id)).toEqual([id]);
    expect((await second.articles.getArticles([id!]))[0]?.text).toBe('Ankara voted.');
    expect(await second.articles.search('ankara', {}, 5)).toEqual([
      { articleId: id, score: expect.any(Number) },
    ]);
    const [again] = await second.articles.putArticles([
      article({ title: 'Same link', url: 'https://example.com/tr' }),
    ]);
    expect(again).toMatchObject({ status: 'duplicate', duplicateOf: 'url', id });
  });

  it('sees articles stored through another connection to the same file', async () => {
    const path = tempDb();
    const a = openStore(path);
    const b = openStore(path);
    const [id] = await storeAll(a, [article({ title: 'Shared', url: 'https://example.com/s' })]);
    const [outcome] = await b.articles.putArticles([
      article({ title: 'Shared copy', url: 'https://example.com/s' }),
    ]);
    expect(outcome).toMatchObject({ status: 'duplicate', id });
  });

  it('stores a batch in one transaction: a failing article stores none of it', async () => {
    const stores = openStore(tempDb());
    const broken = { ...article({ title: 'Broken' }), title: null } as unknown as NewArticle;
    await expect(
      stores.articles.putArticles([
        article({ title: 'Fine' }),
        broken,
        article({ title: 'Also fine' }),
      ]),
    ).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await stores.articles.countArticles({})).toBe(0);
    expect(await stores.articles.findArticles({ terms: { allOf: [['fine']] } })).toEqual([]);
  });

  it('refuses a file that is not a database as STORE_FOREIGN naming it, leaving it as it was', () => {
    const path = join(root, 'not-a-db.db');
    const text = 'this is plain text, not SQLite '.repeat(100);
    writeFileSync(path, text);
    expect(() => openStore(path)).toThrow(
      expect.objectContaining({
        code: 'STORE_FOREIGN',
        input: path,
        message: expect.stringContaining(path),
      }),
    );
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('migration 9 gives articles stored before it their origin as a source, none partial', async () => {
    const path = tempDb();
    const [id] = oldStoreWith(path, 9, [
      article({ title: 'Before sources', url: 'https://portline.example/a', origin: 'old/a.html' }),
    ]);
    const stores = openStore(path);
    expect(stores.diagnostics().schemaVersions).toContain(9);
    expect(await stores.articles.sourcesOf(id!)).toEqual(['old/a.html']);
    expect((await stores.articles.getArticles([id!]))[0]).not.toHaveProperty('partial');
    await stores.articles.putArticles([
      article({ title: 'Again', url: 'https://portline.example/a', origin: 'new/a.html' }),
    ]);
    expect(await stores.articles.sourcesOf(id!)).toEqual(['old/a.html', 'new/a.html']);
  });

  it('rejects an invalid time in a query as a usage error', async () => {
    const stores = openStore(':memory:');
    await expect(stores.articles.findArticles({ since: 'yesterday-ish' })).rejects.toMatchObject({
      code: 'USAGE',
      input: 'yesterday-ish',
    });
  });
});

describe('createStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(root, 'create-'));
  });

  it('creates the parent directory of a SQLite path', async () => {
    const path = join(dir, 'nested', 'deeper', 'briefwire.db');
    const stores = await createStore(path);
    try {
      expect(existsSync(path)).toBe(true);
      expect(await stores.articles.countArticles({})).toBe(0);
    } finally {
      await stores.close();
    }
  });

  it('opens an in-memory store', async () => {
    const stores = await createStore(':memory:');
    await storeAll(stores, [article({ title: 'Ephemeral' })]);
    expect(await stores.articles.countArticles({})).toBe(1);
    await stores.close();
  });

  it.each(['postgres://user:secret@127.0.0.1:1/briefwire', 'postgresql://127.0.0.1:1/briefwire'])(
    'says a PostgreSQL server that is down (%s) is not reachable, naming its host, never the password',
    async (url) => {
      const failure = createStore(url);
      await expect(failure).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringMatching(/^PostgreSQL at 127\.0\.0\.1:1 is not reachable/),
      });
      await expect(failure).rejects.not.toMatchObject({
        message: expect.stringContaining('secret'),
      });
    },
  );

  it('rejects an empty location', async () => {
    await expect(createStore('  ')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('FTS5 query building', () => {
  it('quotes phrases and doubles inner quotes', () => {
    expect(ftsString('united kingdom')).toBe('"united kingdom"');
    expect(ftsString('say "hi"')).toBe('"say ""hi"""');
    expect(ftsString('a\u0000b')).toBe('"a b"');
  });

  it('ANDs groups, ORs phrases, drops unusable ones', () => {
    expect(
      termMatch({ allOf: [['iran', 'tehran'], ['uk', ' '], ['*']], noneOf: ['-', 'x'] }),
    ).toEqual({ include: '("iran" OR "tehran") AND ("uk")', exclude: '"x"' });
    expect(termMatch(undefined)).toEqual({ include: null, exclude: null });
  });

  it('turns a question into an OR of distinct words', () => {
    expect(searchMatch('What did Starmer say? What—"AND" NEAR(x)')).toBe(
      '"what" OR "did" OR "starmer" OR "say" OR "and" OR "near" OR "x"',
    );
    expect(searchMatch(' ?! ')).toBeNull();
  });
});
