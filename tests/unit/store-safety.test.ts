import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { BRIEFWIRE_APPLICATION_ID, migrate } from '../../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { article, storeAll } from '../contract/fixtures.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

let tmp: ReturnType<typeof tempDir>;
const opened: Stores[] = [];
beforeEach(() => {
  tmp = tempDir('briefwire-store-safety-');
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  tmp.cleanup();
});

async function open(path: string, busyTimeoutMs?: number): Promise<Stores> {
  const stores = await createStore(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  opened.push(stores);
  return stores;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Another application's database: a ledger of harbour berths, in SQLite's default journal mode. */
function foreignDatabase(path: string, setup?: (db: Database.Database) => void): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE berths (id INTEGER PRIMARY KEY, harbour TEXT NOT NULL);
    INSERT INTO berths (harbour) VALUES ('Portline'), ('Marrowby');`);
  setup?.(db);
  db.close();
}

/**
 * 'wal' or 'rollback', from the file header's format bytes: opening even a read-only
 * connection on a WAL database would leave -wal and -shm files, the very thing checked for.
 */
function journalModeOf(path: string): string {
  const header = readFileSync(path).subarray(18, 20);
  return header[0] === 2 && header[1] === 2 ? 'wal' : 'rollback';
}

/** Refused as another application's, naming the file, which is left exactly as it was. */
async function expectRefusedUntouched(path: string): Promise<void> {
  const before = sha256(path);
  const mode = journalModeOf(path);
  await expect(createStore(path)).rejects.toMatchObject({
    code: 'STORE_FOREIGN',
    input: path,
    message: expect.stringContaining(path),
  });
  expect(sha256(path)).toBe(before);
  expect(journalModeOf(path)).toBe(mode);
  expect(existsSync(`${path}-wal`)).toBe(false);
  expect(existsSync(`${path}-shm`)).toBe(false);
  expect(existsSync(`${path}-journal`)).toBe(false);
}

describe('a database that is not a Briefwire store', () => {
  it('refuses another application’s database without writing to it', async () => {
    const path = join(tmp.dir, 'berths.db');
    foreignDatabase(path);
    expect(journalModeOf(path)).toBe('rollback');
    await expectRefusedUntouched(path);
  });

  it('refuses another application’s WAL database and leaves no WAL files behind', async () => {
    const path = join(tmp.dir, 'berths-wal.db');
    foreignDatabase(path, (db) => db.pragma('journal_mode = WAL'));
    expect(journalModeOf(path)).toBe('wal');
    expect(existsSync(`${path}-wal`)).toBe(false);
    await expectRefusedUntouched(path);
  });

  it('refuses a database marked with another application id, even with no tables', async () => {
    const path = join(tmp.dir, 'marked.db');
    const db = new Database(path);
    db.pragma('application_id = 1179603017');
    db.close();
    await expectRefusedUntouched(path);
  });

  it('refuses another tool’s schema_migrations table as not ours', async () => {
    const path = join(tmp.dir, 'other-migrations.db');
    const db = new Database(path);
    db.exec(`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY);
      INSERT INTO schema_migrations VALUES ('20240101000000');`);
    db.close();
    await expectRefusedUntouched(path);
  });

  it('refuses a text file passed as the database, naming it', async () => {
    const path = join(tmp.dir, 'notes.txt');
    writeFileSync(path, 'Mara Quist: berth 4 is free on Tuesday.\n'.repeat(20));
    const before = sha256(path);
    await expect(createStore(path)).rejects.toMatchObject({
      code: 'STORE_FOREIGN',
      input: path,
      message: expect.stringContaining(path),
    });
    expect(sha256(path)).toBe(before);
  });

  it('makes the CLI fail naming the file instead of adding tables to it', async () => {
    const path = join(tmp.dir, 'other-app.db');
    foreignDatabase(path);
    const before = sha256(path);
    const result = await runCli(['topics', '--db', path]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(path);
    expect(result.stderr).toContain('STORE_FOREIGN');
    expect(sha256(path)).toBe(before);
  });
});

describe('a database that is ours to use', () => {
  it('initialises a zero-length file', async () => {
    const path = join(tmp.dir, 'empty.db');
    writeFileSync(path, '');
    const stores = await open(path);
    await storeAll(stores, [article({ title: 'Portline ferry resumes' })]);
    expect(await stores.articles.countArticles({})).toBe(1);
  });

  it('initialises a SQLite database that has no tables yet', async () => {
    const path = join(tmp.dir, 'blank.db');
    const db = new Database(path);
    db.pragma('user_version = 3'); // writes the header page, but no schema
    db.close();
    const stores = await open(path);
    expect(await stores.articles.countArticles({})).toBe(0);
  });

  it('marks a new store with the Briefwire application id', async () => {
    const path = join(tmp.dir, 'new.db');
    await (await open(path)).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(BRIEFWIRE_APPLICATION_ID);
    db.close();
  });

  it('opens a store made before the application id, keeps its articles and marks it', async () => {
    const path = join(tmp.dir, 'older.db');
    const old = openSqliteStore(path);
    await storeAll(old, [article({ title: 'Marrowby council meets' })]);
    await old.close();
    const raw = new Database(path);
    raw.pragma('application_id = 0'); // as every store was before the id existed
    raw.close();

    const stores = await open(path);
    expect(await stores.articles.countArticles({})).toBe(1);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(BRIEFWIRE_APPLICATION_ID);
    check.close();
  });

  it('opens an older store whose migrations table is all it has', async () => {
    const path = join(tmp.dir, 'stopped-early.db');
    const raw = new Database(path);
    migrate(raw, []); // the table, and no migration yet
    raw.pragma('application_id = 0');
    raw.close();
    const stores = await open(path);
    expect(await stores.articles.countArticles({})).toBe(0);
  });
});

/**
 * Another process's writer: a worker thread (better-sqlite3 blocks its thread while it waits,
 * so the holder cannot share ours) takes the write lock, holds it `holdMs`, then commits.
 * Resolves once the lock is held; `done` settles when it has been released.
 */
async function holdWriteLock(path: string, holdMs: number): Promise<{ done: Promise<void> }> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.path);
    db.exec('BEGIN IMMEDIATE');
    db.exec("CREATE TABLE IF NOT EXISTS held_by_other (x INTEGER)");
    parentPort.postMessage('held');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();`,
    { eval: true, workerData: { driver, path, holdMs } },
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { done };
}

describe('a database another process is writing', () => {
  it('waits for a write lock held for a second, then stores', { timeout: 15_000 }, async () => {
    const path = join(tmp.dir, 'shared.db');
    const stores = await open(path, 4000);
    const holder = await holdWriteLock(path, 1000);
    const [outcome] = await stores.articles.putArticles([article({ title: 'Quayside reopens' })]);
    expect(outcome).toMatchObject({ status: 'stored' });
    await holder.done;
  });

  it('fails with STORE_BUSY naming the database when the lock is held past the timeout', {
    timeout: 15_000,
  }, async () => {
    const path = join(tmp.dir, 'contended.db');
    const stores = await open(path, 200);
    const holder = await holdWriteLock(path, 2000);
    await expect(
      stores.articles.putArticles([article({ title: 'Tide tables late' })]),
    ).rejects.toMatchObject({
      code: 'STORE_BUSY',
      input: path,
      message: expect.stringMatching(/busy.*0\.2 s/),
    });
    await expect(
      stores.articles.putArticles([article({ title: 'Tide tables late' })]),
    ).rejects.toMatchObject({ message: expect.stringContaining(path) });
    await holder.done;
    // The lock released, the same store goes on working.
    await storeAll(stores, [article({ title: 'Tide tables late' })]);
  });

  it('fails with STORE_BUSY naming the database when opening one that stays locked', {
    timeout: 15_000,
  }, async () => {
    const path = join(tmp.dir, 'locked-at-open.db');
    await (await open(path)).close();
    const holder = await holdWriteLock(path, 2000);
    await expect(createStore(path, { busyTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'STORE_BUSY',
      input: path,
      message: expect.stringContaining(path),
    });
    await holder.done;
  });

  it('waits 5 s by default, and as long as it is told', async () => {
    const byDefault = openSqliteStore(join(tmp.dir, 'default.db'));
    const told = openSqliteStore(join(tmp.dir, 'told.db'), { busyTimeoutMs: 250 });
    opened.push(byDefault, told);
    expect(byDefault.diagnostics().busyTimeoutMs).toBe(5000);
    expect(told.diagnostics().busyTimeoutMs).toBe(250);
  });
});

describe('every store error names the database', () => {
  it('names it when work is asked of a closed store', async () => {
    const path = join(tmp.dir, 'closed.db');
    const stores = await createStore(path);
    await stores.close();
    await expect(stores.articles.findArticles({})).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: path,
      message: expect.stringContaining(path),
    });
  });

  it('names it when a batch cannot be stored', async () => {
    const path = join(tmp.dir, 'broken-batch.db');
    const stores = await open(path);
    const broken = { ...article({ title: 'No title' }), title: null } as unknown as Parameters<
      typeof stores.articles.putArticles
    >[0][number];
    await expect(stores.articles.putArticles([broken])).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringContaining(path),
    });
  });
});

describe('a location that cannot hold a database', () => {
  const fast = { timeout: 10_000 };

  it('fails fast under /proc instead of spinning', fast, async () => {
    const path = '/proc/nonexistent-dir/y.db';
    await expect(createStore(path)).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: path,
      message: expect.stringContaining(path),
    });
  });

  it('fails fast for a file /proc will not create', fast, async () => {
    const path = '/proc/briefwire-y.db';
    await expect(createStore(path)).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: path,
      message: expect.stringContaining(path),
    });
  });

  it('refuses a directory passed as the database', fast, async () => {
    const path = join(tmp.dir, 'a-folder');
    mkdirSync(path);
    await expect(createStore(path)).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: path,
      message: expect.stringMatching(/is a directory/),
    });
  });

  it('refuses a path whose parent is a file', fast, async () => {
    const file = join(tmp.dir, 'plain.txt');
    writeFileSync(file, 'Portline');
    const path = join(file, 'nested', 'y.db');
    await expect(createStore(path)).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: path,
      message: expect.stringContaining(`${file} is not a directory`),
    });
    expect(readFileSync(file, 'utf8')).toBe('Portline');
  });

  it('refuses a device or a pipe without blocking on it', fast, async () => {
    await expect(createStore('/dev/null')).rejects.toMatchObject({
      code: 'STORE_FAILED',
      message: expect.stringMatching(/\/dev\/null is not a regular file/),
    });
    const fifo = join(tmp.dir, 'pipe.db');
    execFileSync('mkfifo', [fifo]);
    await expect(createStore(fifo)).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: fifo,
      message: expect.stringContaining(fifo),
    });
  });
});
