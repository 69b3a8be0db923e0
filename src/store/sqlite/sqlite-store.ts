import Database from 'better-sqlite3';
import { BriefwireError, reasonOf } from '../../errors.ts';
import type { NewArticle, StoredArticle } from '../../ingest/article.ts';
import type {
  ArticleQuery,
  BriefingRecord,
  ChannelFilter,
  ClaimedSlot,
  Delivery,
  DeliveryOutcome,
  DeliveryState,
  Hit,
  LedgerMark,
  NewSubscription,
  PutOutcome,
  SentenceHit,
  SentenceScope,
  SlotClaim,
  Store,
  StoredBriefing,
  Subscription,
} from '../port.ts';
import * as deliveries from './deliveries.ts';
import { limitOf, scopeFilter } from './filters.ts';
import { searchMatch } from './fts-query.ts';
import { appliedVersions, MIGRATIONS, type Migration, migrate } from './migrations.ts';
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  type InsertParams,
  toInsertParams,
  toStoredArticle,
  urlOf,
} from './rows.ts';
import * as sentences from './sentences.ts';
import * as subscriptions from './subscriptions.ts';

const BRIEFING_COLUMNS = 'id, topic, audience, created_at, window, article_ids';

interface BriefingRow {
  id: number;
  topic: string;
  audience: string;
  created_at: string;
  window: string;
  article_ids: string;
}

function toStoredBriefing(row: BriefingRow): StoredBriefing {
  return {
    id: row.id,
    topic: row.topic,
    audience: row.audience,
    createdAt: row.created_at,
    window: row.window,
    articleIds: JSON.parse(row.article_ids) as number[],
  };
}

export interface SqliteStoreOptions {
  /** Defaults to MIGRATIONS; tests pass other lists to exercise upgrades. */
  migrations?: readonly Migration[];
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  /** The clock for ingested_at. */
  now?: () => Date;
}

export interface SqliteDiagnostics {
  journalMode: string;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  schemaVersions: number[];
}

/** bm25 column weights (title, text): a word in the headline says more than one in the body. */
const TITLE_WEIGHT = 5.0;
const TEXT_WEIGHT = 1.0;
const NEWEST_FIRST = 'ORDER BY a.sort_at DESC, a.id DESC';

function storeFailed(e: unknown, location: string): BriefwireError {
  if (e instanceof BriefwireError) return e;
  return new BriefwireError('STORE_FAILED', `SQLite store failed: ${reasonOf(e)}`, location, {
    cause: e,
  });
}

/** Opens (creating if needed) and migrates a SQLite database. The parent directory must exist. */
export function openSqliteStore(location: string, options: SqliteStoreOptions = {}): SqliteStore {
  let db: Database.Database | undefined;
  try {
    db = new Database(location);
    // busy_timeout first, so switching to WAL waits for another process instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    // WAL lets readers (a chat thread, a digest) run while ingest writes; NORMAL sync is safe
    // under WAL against process crashes, which is the failure we have to survive.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations ?? MIGRATIONS);
    return new SqliteStore(db, location, options.now ?? (() => new Date()));
  } catch (e) {
    db?.close();
    throw storeFailed(e, location);
  }
}

export class SqliteStore implements Store {
  readonly location: string;
  readonly #db: Database.Database;
  readonly #now: () => Date;
  /** Prepared once per distinct SQL: query shapes are few (which filters are present). */
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(db: Database.Database, location: string, now: () => Date) {
    this.#db = db;
    this.location = location;
    this.#now = now;
  }

  async putArticles(articles: NewArticle[]): Promise<PutOutcome[]> {
    return this.#guard(() => {
      const ingestedAt = this.#now().toISOString();
      const insert = this.#prepare(
        `INSERT INTO articles (url, origin, source, title, published_at, ingested_at, sort_at,
           "text", content_hash, analysis, analysis_version)
         VALUES (@url, @origin, @source, @title, @published_at, @ingested_at, @sort_at,
           @text, @content_hash, @analysis, @analysis_version)`,
      );
      const byUrl = this.#prepare('SELECT id FROM articles WHERE url = ?');
      const byHash = this.#prepare('SELECT id FROM articles WHERE content_hash = ?');
      // Lookups see rows inserted earlier in the same transaction, so in-batch duplicates are
      // caught the same way; IMMEDIATE takes the write lock before the first lookup, so another
      // process cannot insert the same article between our check and our insert.
      const put = this.#db.transaction((batch: NewArticle[]): PutOutcome[] =>
        batch.map((article) => {
          const url = urlOf(article);
          const sameUrl = url === null ? undefined : (byUrl.get(url) as { id: number } | undefined);
          if (sameUrl) {
            return {
              status: 'duplicate',
              id: sameUrl.id,
              duplicateOf: 'url',
              origin: article.origin,
            };
          }
          const sameContent = byHash.get(article.contentHash) as { id: number } | undefined;
          if (sameContent) {
            return {
              status: 'duplicate',
              id: sameContent.id,
              duplicateOf: 'content',
              origin: article.origin,
            };
          }
          const params: InsertParams = toInsertParams(article, ingestedAt);
          const { lastInsertRowid } = insert.run(params);
          return { status: 'stored', id: Number(lastInsertRowid), origin: article.origin };
        }),
      );
      return put.immediate(articles);
    });
  }

  async getArticles(ids: number[]): Promise<StoredArticle[]> {
    return this.#guard(() => {
      const wanted = ids.filter((id) => Number.isSafeInteger(id));
      if (wanted.length === 0) return [];
      // json_each takes any number of ids in one parameter (no SQLITE_MAX_VARIABLE_NUMBER limit).
      const rows = this.#all<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
        [JSON.stringify(wanted)],
      );
      const byId = new Map(rows.map((r) => [r.id, toStoredArticle(r)]));
      return wanted.flatMap((id) => byId.get(id) ?? []);
    });
  }

  async findArticles(query: ArticleQuery): Promise<StoredArticle[]> {
    return this.#guard(() => {
      const { where, params } = scopeFilter(query);
      const limit = limitOf(query.limit);
      if (limit === 0) return [];
      const sql = `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where} ${NEWEST_FIRST}`;
      const rows =
        limit === null
          ? this.#all<ArticleRow>(sql, params)
          : this.#all<ArticleRow>(`${sql} LIMIT ?`, [...params, limit]);
      return rows.map(toStoredArticle);
    });
  }

  /** How many articles match; `limit` is ignored (it bounds a listing, not the count). */
  async countArticles(query: ArticleQuery): Promise<number> {
    return this.#guard(() => {
      const { where, params } = scopeFilter(query);
      const rows = this.#all<{ n: number }>(
        `SELECT COUNT(*) AS n FROM articles a WHERE ${where}`,
        params,
      );
      return rows[0]?.n ?? 0;
    });
  }

  /**
   * The scope is the set findArticles(scope) returns — its limit included, so "the 50 most
   * recent articles on the topic" is searched, not the whole archive.
   */
  async search(text: string, scope: ArticleQuery, k: number): Promise<Hit[]> {
    return this.#guard(() => {
      const match = searchMatch(text);
      const top = limitOf(k);
      if (match === null || top === 0) return [];
      const filter = scopeFilter(scope);
      const scopeLimit = limitOf(scope.limit);
      if (scopeLimit === 0) return [];
      const inScope =
        scopeLimit === null
          ? filter
          : {
              where: `a.id IN (SELECT a.id FROM articles a WHERE ${filter.where} ${NEWEST_FIRST} LIMIT ?)`,
              params: [...filter.params, scopeLimit],
            };
      const sql = `SELECT a.id AS id, bm25(articles_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS rank
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? AND ${inScope.where}
        ORDER BY rank, a.sort_at DESC, a.id DESC`;
      const params: unknown[] = [match, ...inScope.params];
      const rows =
        top === null
          ? this.#all<{ id: number; rank: number }>(sql, params)
          : this.#all<{ id: number; rank: number }>(`${sql} LIMIT ?`, [...params, top]);
      // bm25 is lower-is-better; the port wants higher-is-better. `+ 0` turns -0 into 0.
      return rows.map((r) => ({ articleId: r.id, score: -r.rank + 0 }));
    });
  }

  async searchSentences(text: string, scope: SentenceScope, k: number): Promise<SentenceHit[]> {
    return this.#guard(() =>
      sentences.searchSentences((sql, params) => this.#all(sql, params), text, scope, k),
    );
  }

  async saveBriefing(b: BriefingRecord): Promise<number> {
    return this.#guard(() => {
      const sql =
        'INSERT INTO briefings (topic, audience, created_at, window, article_ids) VALUES (?, ?, ?, ?, ?)';
      const info = this.#prepare(sql).run(
        b.topic,
        b.audience,
        b.createdAt,
        b.window,
        JSON.stringify(b.articleIds),
      );
      return Number(info.lastInsertRowid);
    });
  }

  async getBriefing(id: number): Promise<StoredBriefing | null> {
    return this.#guard(() => {
      const [row] = this.#all<BriefingRow>(
        `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE id = ?`,
        [id],
      );
      return row ? toStoredBriefing(row) : null;
    });
  }

  async lastBriefing(topic: string, audience: string): Promise<StoredBriefing | null> {
    return this.#guard(() => {
      const sql = `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE topic = ? AND audience = ? ORDER BY created_at DESC, id DESC LIMIT 1`;
      const [row] = this.#all<BriefingRow>(sql, [topic, audience]);
      return row ? toStoredBriefing(row) : null;
    });
  }

  async saveSubscription(sub: NewSubscription): Promise<Subscription> {
    return this.#guard(() =>
      subscriptions.saveSubscription(this.#db, sub, this.#now().toISOString()),
    );
  }

  async listSubscriptions(filter: ChannelFilter): Promise<Subscription[]> {
    return this.#guard(() => subscriptions.listSubscriptions(this.#db, filter));
  }

  async removeSubscription(
    channel: ChannelFilter & { platform: string; channel: string },
    topic: string,
  ): Promise<boolean> {
    return this.#guard(() => subscriptions.removeSubscription(this.#db, channel, topic));
  }

  async getSubscription(id: number): Promise<Subscription | null> {
    return this.#guard(() => subscriptions.getSubscription(this.#db, id));
  }

  async removeSubscriptionById(id: number): Promise<boolean> {
    return this.#guard(() => subscriptions.removeSubscriptionById(this.#db, id));
  }

  async setSubscriptionPaused(id: number, reason: string | null, now: string): Promise<void> {
    this.#guard(() => subscriptions.setSubscriptionPaused(this.#db, id, reason, now));
  }

  async claimSlot(claim: SlotClaim): Promise<ClaimedSlot | null> {
    return this.#guard(() => deliveries.claimSlot(this.#db, claim));
  }

  async noteAttempt(deliveryId: number, by: string, now: string, briefingId: number | null) {
    this.#guard(() => deliveries.noteAttempt(this.#db, deliveryId, by, now, briefingId));
  }

  async finishDelivery(
    deliveryId: number,
    by: string,
    outcome: DeliveryOutcome,
    now: string,
  ): Promise<boolean> {
    return this.#guard(() => deliveries.finishDelivery(this.#db, deliveryId, by, outcome, now));
  }

  async skipSlot(subscriptionId: number, slot: string, reason: string, now: string) {
    return this.#guard(() => deliveries.skipSlot(this.#db, subscriptionId, slot, reason, now));
  }

  async pruneDeliveries(before: string): Promise<number> {
    return this.#guard(() => deliveries.pruneDeliveries(this.#db, before));
  }

  async ledgerMarks(): Promise<Map<number, LedgerMark>> {
    return this.#guard(() => deliveries.ledgerMarks(this.#db));
  }

  async listDeliveries(
    subscriptionId: number,
    options: { state?: DeliveryState; limit?: number } = {},
  ): Promise<Delivery[]> {
    return this.#guard(() => deliveries.listDeliveries(this.#db, subscriptionId, options));
  }

  async linkThread(thread: string, briefingId: number): Promise<void> {
    this.#guard(() => subscriptions.linkThread(this.#db, thread, briefingId));
  }

  async setThreadFocus(thread: string, focus: string | null): Promise<void> {
    this.#guard(() => subscriptions.setThreadFocus(this.#db, thread, focus));
  }

  async threadFocus(thread: string): Promise<string | null> {
    return this.#guard(() => subscriptions.threadFocus(this.#db, thread));
  }

  async briefingForThread(thread: string): Promise<number | null> {
    return this.#guard(() => subscriptions.briefingForThread(this.#db, thread));
  }

  /** The connection settings and schema state, for tests and a future `doctor` command. */
  diagnostics(): SqliteDiagnostics {
    try {
      return {
        journalMode: String(this.#db.pragma('journal_mode', { simple: true })),
        foreignKeys: Number(this.#db.pragma('foreign_keys', { simple: true })) === 1,
        busyTimeoutMs: Number(this.#db.pragma('busy_timeout', { simple: true })),
        schemaVersions: appliedVersions(this.#db),
      };
    } catch (e) {
      throw storeFailed(e, this.location);
    }
  }

  async close(): Promise<void> {
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }

  #prepare(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare<unknown[], unknown>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #all<R>(sql: string, params: readonly unknown[]): R[] {
    return this.#prepare(sql).all(...params) as R[];
  }

  /** Runs synchronous SQLite work, turning any failure into STORE_FAILED naming the database. */
  #guard<T>(work: () => T): T {
    try {
      return work();
    } catch (e) {
      throw storeFailed(e, this.location);
    }
  }
}
