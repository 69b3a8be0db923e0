import type Database from 'better-sqlite3';
import { BriefwireError } from '../../model/errors.ts';

/**
 * Stored in the header of every Briefwire database (`PRAGMA application_id`, "Brfw" in ASCII),
 * so a file can be told from another application's before anything is written to it.
 */
export const BRIEFWIRE_APPLICATION_ID = 0x42726677;

/** The migrations table's columns, in order: part of how an older store is recognised. */
export const MIGRATIONS_TABLE_COLUMNS = ['version', 'name', 'applied_at'] as const;

/** One schema step. Versions are applied in ascending order, each exactly once. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The full-text index is an external-content FTS5 table over articles(title, text): the text is
 * stored once (a contentless or self-contained index would either lose it or double the file),
 * and triggers keep the index in step with every write to articles, whichever code path makes it.
 * `remove_diacritics 2` folds accents so "Türkiye" and "turkiye" are the same token.
 *
 * sort_at is COALESCE(published_at, ingested_at) normalised to UTC ISO with milliseconds, so
 * time windows and ordering compare instants, not whatever offset format a source used.
 */
const INITIAL_SCHEMA = `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  url TEXT UNIQUE,
  origin TEXT NOT NULL,
  source TEXT,
  title TEXT NOT NULL,
  published_at TEXT,
  ingested_at TEXT NOT NULL,
  sort_at TEXT NOT NULL,
  "text" TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  analysis TEXT NOT NULL,
  analysis_version INTEGER NOT NULL
);
CREATE INDEX articles_sort ON articles (sort_at DESC, id DESC);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, "text",
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, "text") VALUES (new.id, new.title, new."text");
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, "text")
    VALUES ('delete', old.id, old.title, old."text");
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, "text" ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, "text")
    VALUES ('delete', old.id, old.title, old."text");
  INSERT INTO articles_fts (rowid, title, "text") VALUES (new.id, new.title, new."text");
END;
`;

/** Briefings as delivered; article ids are a JSON array, read back whole, never queried inside. */
const BRIEFINGS = `
CREATE TABLE briefings (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL,
  audience TEXT NOT NULL,
  created_at TEXT NOT NULL,
  window TEXT NOT NULL,
  article_ids TEXT NOT NULL
);
CREATE INDEX briefings_last ON briefings (topic, audience, created_at DESC, id DESC);
`;

/**
 * Digest subscriptions (one per channel and topic; workspace '' stands for none, so the
 * uniqueness holds) and the briefing each chat thread is about.
 */
const SUBSCRIPTIONS = `
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  topic TEXT NOT NULL,
  schedule TEXT NOT NULL,
  timezone TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  paused_reason TEXT,
  UNIQUE (platform, workspace, channel, topic)
);
CREATE TABLE thread_links (
  thread TEXT PRIMARY KEY,
  briefing_id INTEGER NOT NULL REFERENCES briefings (id)
);
`;

/**
 * Sentence-level full-text index for answering: one row per stored analysis sentence, so BM25
 * ranks sentences rather than whole articles. The text is copied out of the analysis JSON (FTS5
 * cannot index inside JSON), by triggers so every write path keeps it in step, and the
 * migration backfills rows that existed before it.
 */
const SENTENCES = `
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  "text" TEXT NOT NULL
);
CREATE INDEX sentences_article ON sentences (article_id, idx);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
  "text",
  content = 'sentences', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Per-term sentence counts, read to leave out words too common to be worth ranking.
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, "text") VALUES (new.id, new."text");
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, "text") VALUES ('delete', old.id, old."text");
END;
CREATE TRIGGER articles_sentences_insert AFTER INSERT ON articles BEGIN
  INSERT INTO sentences (article_id, idx, "text")
    SELECT new.id, CAST(s.key AS INTEGER), json_extract(s.value, '$.text')
    FROM json_each(new.analysis, '$.sentences') AS s;
END;
CREATE TRIGGER articles_sentences_delete AFTER DELETE ON articles BEGIN
  DELETE FROM sentences WHERE article_id = old.id;
END;
CREATE TRIGGER articles_sentences_update AFTER UPDATE OF analysis ON articles BEGIN
  DELETE FROM sentences WHERE article_id = old.id;
  INSERT INTO sentences (article_id, idx, "text")
    SELECT new.id, CAST(s.key AS INTEGER), json_extract(s.value, '$.text')
    FROM json_each(new.analysis, '$.sentences') AS s;
END;
INSERT INTO sentences (article_id, idx, "text")
  SELECT a.id, CAST(s.key AS INTEGER), json_extract(s.value, '$.text')
  FROM articles AS a, json_each(a.analysis, '$.sentences') AS s
  ORDER BY a.id, CAST(s.key AS INTEGER);
`;

/** The person or thing a thread's questions are about, for "what else did he say?". */
const THREAD_FOCUS = 'ALTER TABLE thread_links ADD COLUMN focus TEXT;';

/**
 * The delivery ledger: one row per (subscription, slot), claimed before sending so that two
 * replicas, or a retry after a crash, never both send a slot. Deleting a subscription drops its
 * ledger with it. `scheduled_from` is when the current schedule took effect (made, changed or
 * resumed): slots before it were never owed.
 */
const DELIVERIES = `
ALTER TABLE subscriptions ADD COLUMN when_empty TEXT NOT NULL DEFAULT 'note';
ALTER TABLE subscriptions ADD COLUMN scheduled_from TEXT;
UPDATE subscriptions SET scheduled_from = created_at;
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  slot TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
  late INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  claimed_at TEXT,
  updated_at TEXT NOT NULL,
  error TEXT,
  message_id TEXT,
  thread TEXT,
  briefing_id INTEGER,
  UNIQUE (subscription_id, slot)
);
`;

/**
 * A digest's briefing is recorded before it is sent (its thread and the ledger refer to it), so
 * the log marks which briefings reached their audience: "what was this audience told" reads
 * only those. Earlier digest briefings count as delivered when the ledger says they were sent.
 */
const BRIEFINGS_DELIVERED = `
ALTER TABLE briefings ADD COLUMN delivered INTEGER NOT NULL DEFAULT 1;
UPDATE briefings SET delivered = 0
  WHERE audience LIKE 'digest:%'
    AND id NOT IN (SELECT briefing_id FROM deliveries WHERE state = 'sent' AND briefing_id IS NOT NULL);
`;

/**
 * Followed feeds with their poll state and health, and the entry keys each has seen (a key is
 * the entry's GUID, else its link, else a hash of title and date), so a repeated entry is
 * never stored twice. Removing a feed forgets its keys. The due index serves the poller.
 */
const FEEDS = `
CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  topic TEXT,
  every_ms INTEGER NOT NULL,
  title TEXT,
  added_at TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  next_poll_at TEXT NOT NULL,
  last_polled_at TEXT,
  last_status TEXT CHECK (last_status IN ('ok', 'not-modified', 'failed')),
  last_error TEXT,
  last_new INTEGER NOT NULL DEFAULT 0,
  total_new INTEGER NOT NULL DEFAULT 0,
  last_skipped TEXT NOT NULL DEFAULT '[]',
  failures INTEGER NOT NULL DEFAULT 0,
  failing_since TEXT,
  failing_notice_at TEXT
);
CREATE INDEX feeds_due ON feeds (next_poll_at, id);
CREATE TABLE feed_seen (
  feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_id, key)
) WITHOUT ROWID;
`;

/**
 * Every place an article was reached from (a file path, a URL, "feed:<feed url>"), so one
 * article found through two feeds, or a feed and a link, is stored once and keeps both; rows
 * stored before this get their origin. `partial` marks a feed teaser stored because its page
 * could not be fetched.
 */
const ARTICLE_SOURCES = `
CREATE TABLE article_sources (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (article_id, source)
);
INSERT INTO article_sources (article_id, source, added_at)
  SELECT id, origin, ingested_at FROM articles ORDER BY id;
ALTER TABLE articles ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;
`;

/**
 * The people and organisations a thread talked about, turn by turn (JSON: the last few turns,
 * oldest first), so "he" can mean the last man named rather than only the last focus.
 */
const THREAD_TURNS = 'ALTER TABLE thread_links ADD COLUMN turns TEXT;';

/**
 * Which process is polling a feed, and until when (several replicas share one database;
 * a lease that outlives its process ends at lease_until).
 */
const FEED_LEASES = `
ALTER TABLE feeds ADD COLUMN lease_by TEXT;
ALTER TABLE feeds ADD COLUMN lease_until TEXT;
`;

/** Chat events being handled, so a retried or doubled event is answered once by any replica. */
const HANDLED_EVENTS = `
CREATE TABLE handled_events (event TEXT PRIMARY KEY, at TEXT NOT NULL);
CREATE INDEX handled_events_at ON handled_events (at);
`;

const SETTINGS = 'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);';

const WEB_ACCESS = `
CREATE TABLE web_signins (
  token_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  user_id TEXT NOT NULL,
  can_manage INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX web_signins_by_user ON web_signins (platform, workspace, user_id, created_at);
CREATE TABLE web_sessions (
  id_hash TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  user_id TEXT NOT NULL,
  can_manage INTEGER NOT NULL,
  csrf TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'articles and full-text index', sql: INITIAL_SCHEMA },
  { version: 2, name: 'briefings', sql: BRIEFINGS },
  { version: 3, name: 'subscriptions and thread links', sql: SUBSCRIPTIONS },
  { version: 4, name: 'sentence full-text index', sql: SENTENCES },
  { version: 5, name: 'thread focus', sql: THREAD_FOCUS },
  { version: 6, name: 'delivery ledger', sql: DELIVERIES },
  { version: 7, name: 'briefings delivered', sql: BRIEFINGS_DELIVERED },
  { version: 8, name: 'feeds', sql: FEEDS },
  { version: 9, name: 'article sources and partial articles', sql: ARTICLE_SOURCES },
  { version: 10, name: 'thread turns', sql: THREAD_TURNS },
  { version: 11, name: 'feed leases', sql: FEED_LEASES },
  { version: 12, name: 'handled chat events', sql: HANDLED_EVENTS },
  { version: 13, name: 'settings', sql: SETTINGS },
  { version: 14, name: 'web sign-ins and sessions', sql: WEB_ACCESS },
];

/**
 * Applies the migrations not yet recorded in schema_migrations, each in its own IMMEDIATE
 * transaction (the write lock is taken before the check, so two processes opening the same
 * file cannot both apply a step). Returns the versions applied by this call.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  markAsBriefwire(db);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const newestKnown = sorted.at(-1)?.version ?? 0;
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );

  // A file written by a newer Briefwire has tables this code does not know how to keep right.
  const latest = db
    .prepare<[], { v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')
    .get()?.v;
  if (latest != null && latest > newestKnown) {
    throw new BriefwireError(
      'STORE_FAILED',
      `${db.name}: database schema version ${latest} is newer than this Briefwire supports (${newestKnown}); upgrade Briefwire to open it`,
      db.name,
    );
  }

  const applied: number[] = [];
  for (const m of sorted) {
    const step = db.transaction(() => {
      if (isApplied.get(m.version)) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}

/**
 * Sets the application id and creates the migrations table, together, when either is missing
 * (stores made before the id existed get it here); writes nothing when both are there.
 */
function markAsBriefwire(db: Database.Database): void {
  const hasTable = () =>
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get() !== undefined;
  const hasId = () =>
    Number(db.pragma('application_id', { simple: true })) === BRIEFWIRE_APPLICATION_ID;
  if (hasId() && hasTable()) return;
  db.transaction(() => {
    if (!hasId()) db.pragma(`application_id = ${BRIEFWIRE_APPLICATION_ID}`);
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      ${MIGRATIONS_TABLE_COLUMNS[0]} INTEGER PRIMARY KEY,
      ${MIGRATIONS_TABLE_COLUMNS[1]} TEXT NOT NULL,
      ${MIGRATIONS_TABLE_COLUMNS[2]} TEXT NOT NULL
    )`);
  }).immediate();
}

/** Versions recorded as applied, ascending. */
export function appliedVersions(db: Database.Database): number[] {
  return db
    .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    .all()
    .map((r) => r.version);
}
