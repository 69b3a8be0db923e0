import type { NewArticle, StoredArticle } from '../ingest/article.ts';

/**
 * A term query: every group must match (AND), a group matches when any of its phrases does
 * (OR); an article matching any excluded phrase is left out. Phrases are plain words
 * ("united kingdom"), matched case-insensitively as whole words by the full-text index.
 */
export interface TermQuery {
  allOf: string[][];
  noneOf?: string[];
}

export interface ArticleQuery {
  terms?: TermQuery;
  /** ISO time; only articles published (or, lacking a date, ingested) at or after it. */
  since?: string;
  /** ISO time; only articles published before it. */
  until?: string;
  /** Most recent first; at most this many. */
  limit?: number;
}

export type PutStatus = 'stored' | 'duplicate';

export interface PutOutcome {
  status: PutStatus;
  /** The stored article's id (the existing one for a duplicate). */
  id: number;
  /** For a duplicate: what matched an existing article. */
  duplicateOf?: 'url' | 'content';
  /** The article's origin, so a report can name it. */
  origin: string;
}

export interface Hit {
  articleId: number;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** A stored sentence matching a search: the article's analysis sentence at that index. */
export interface SentenceHit {
  articleId: number;
  /** Index into the article's analysis.sentences. */
  sentence: number;
  text: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/** Where to look for sentences: an article scope, optionally only within the given articles. */
export type SentenceScope = { articleIds?: number[] } & ArticleQuery;

/** A briefing as delivered: who got it, about what, from which articles. */
export interface BriefingRecord {
  topic: string;
  /** Who it was for: "cli:<name>", "discord:<channel>", "slack:<team>:<channel>". */
  audience: string;
  /** ISO time it was built. */
  createdAt: string;
  /** The window label asked for ("7d", "all", a date). */
  window: string;
  /** The articles it drew on, in their briefing order. */
  articleIds: number[];
}

export interface StoredBriefing extends BriefingRecord {
  id: number;
}

/** A channel's digest subscription to a topic. */
export interface NewSubscription {
  platform: string;
  workspace: string | null;
  channel: string;
  topic: string;
  /** "daily HH:MM", "weekdays HH:MM" or a five-field cron expression. */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timezone: string;
  createdBy: string;
  /** When a slot has nothing new: post a one-line "nothing new" ('note', the default) or stay quiet. */
  whenEmpty?: WhenEmpty;
}

export type WhenEmpty = 'note' | 'silent';

export interface Subscription extends NewSubscription {
  id: number;
  whenEmpty: WhenEmpty;
  active: boolean;
  /** Why it was paused (channel gone, bot removed), or null. */
  pausedReason: string | null;
  createdAt: string;
  /** When the current schedule took effect (made, changed or resumed); no slot before it is owed. */
  scheduledFrom: string;
}

/**
 * One row of the delivery ledger: one per (subscription, slot). A slot is claimed before
 * anything is sent, so only one process ever sends it; it ends sent, failed or skipped.
 */
export type DeliveryState = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface Delivery {
  id: number;
  subscriptionId: number;
  /** The slot's scheduled instant, ISO UTC. */
  slot: string;
  state: DeliveryState;
  /** Sent (or claimed) after its time, after the bot was down. */
  late: boolean;
  /** Sends tried so far, across retries and take-overs. */
  attempts: number;
  /** The process holding (or last holding) the claim. */
  claimedBy: string | null;
  claimedAt: string | null;
  updatedAt: string;
  /** Why it failed or was skipped. */
  error: string | null;
  /** The platform's id of the posted message, and the thread follow-ups go to. */
  messageId: string | null;
  thread: string | null;
  briefingId: number | null;
}

export interface SlotClaim {
  subscriptionId: number;
  slot: string;
  /** Who claims: a process id unique among replicas. */
  by: string;
  now: string;
  late: boolean;
  /** A claim made before this instant and never finished belongs to a process that died: it may be taken over. */
  staleBefore: string;
}

export interface ClaimedSlot {
  delivery: Delivery;
  /** True when an earlier claim was taken over: its send may have reached the platform. */
  takenOver: boolean;
}

/** Where a subscription's ledger stands: its newest slot, and its oldest slot still only claimed. */
export interface LedgerMark {
  newestSlot: string;
  oldestClaimedSlot: string | null;
}

export type DeliveryOutcome =
  | { state: 'sent'; messageId: string; thread: string; briefingId: number | null }
  | { state: 'failed'; error: string }
  | { state: 'skipped'; error: string };

export interface ChannelFilter {
  platform?: string;
  workspace?: string | null;
  channel?: string;
}

/** The persistence port. SQLite and PostgreSQL implement the same contract suite. */
export interface Store {
  /** Stores new articles; an article whose URL or content hash is already stored is a duplicate. */
  putArticles(articles: NewArticle[]): Promise<PutOutcome[]>;
  getArticles(ids: number[]): Promise<StoredArticle[]>;
  /** Matching articles, most recently published first (undated ones by ingest time). */
  findArticles(query: ArticleQuery): Promise<StoredArticle[]>;
  countArticles(query: ArticleQuery): Promise<number>;
  /** Full-text relevance search over title and text, within a scope. */
  search(text: string, scope: ArticleQuery, k: number): Promise<Hit[]>;
  /**
   * Full-text relevance search over stored analysis sentences, any word of the text matching.
   * A word in a large share of all sentences may be left out when rarer ones remain.
   */
  searchSentences(text: string, scope: SentenceScope, k: number): Promise<SentenceHit[]>;
  /** Records a briefing so follow-ups, digests and "what's new" can refer to it. */
  saveBriefing(briefing: BriefingRecord): Promise<number>;
  getBriefing(id: number): Promise<StoredBriefing | null>;
  /** The most recent briefing of a topic for an audience, or null. */
  lastBriefing(topic: string, audience: string): Promise<StoredBriefing | null>;
  /** Adds a subscription, or updates the schedule of the channel's existing one for the topic. */
  saveSubscription(subscription: NewSubscription): Promise<Subscription>;
  listSubscriptions(filter: ChannelFilter): Promise<Subscription[]>;
  /** Removes the channel's subscription to a topic; false when there was none. */
  removeSubscription(
    channel: ChannelFilter & { platform: string; channel: string },
    topic: string,
  ): Promise<boolean>;
  getSubscription(id: number): Promise<Subscription | null>;
  /** Removes a subscription (and its ledger) by id; false when there was none. */
  removeSubscriptionById(id: number): Promise<boolean>;
  /**
   * Pauses a subscription with the reason (channel gone, bot removed), or resumes it with null
   * (its schedule then runs from `now`: slots while it was paused are not owed).
   */
  setSubscriptionPaused(id: number, reason: string | null, now: string): Promise<void>;
  /**
   * Claims a slot atomically: inserts its ledger row as claimed, or takes over a stale claim.
   * Null when the slot is already sent, failed, skipped, or claimed by a live process.
   */
  claimSlot(claim: SlotClaim): Promise<ClaimedSlot | null>;
  /** Counts one more send attempt on a slot this process holds, with the briefing it sends. */
  noteAttempt(
    deliveryId: number,
    by: string,
    now: string,
    briefingId: number | null,
  ): Promise<void>;
  /** Records how a claimed slot ended; false when this process no longer holds the claim. */
  finishDelivery(
    deliveryId: number,
    by: string,
    outcome: DeliveryOutcome,
    now: string,
  ): Promise<boolean>;
  /** Records a slot as skipped without sending (missed beyond the grace window); false when it has a row. */
  skipSlot(subscriptionId: number, slot: string, reason: string, now: string): Promise<boolean>;
  /**
   * Forgets settled ledger rows of slots before `before`, keeping each subscription's newest row
   * (where its next sweep resumes) and every open claim. Returns how many went.
   */
  pruneDeliveries(before: string): Promise<number>;
  /** Every subscription's ledger mark, by subscription id (none for one with no rows yet). */
  ledgerMarks(): Promise<Map<number, LedgerMark>>;
  /** The subscription's ledger, newest slot first. */
  listDeliveries(
    subscriptionId: number,
    options?: { state?: DeliveryState; limit?: number },
  ): Promise<Delivery[]>;
  /** Remembers which briefing a chat thread is about ("discord:<guild>:<thread>"). */
  linkThread(thread: string, briefingId: number): Promise<void>;
  briefingForThread(thread: string): Promise<number | null>;
  /** What a linked thread's questions are about now ("Ken McCallum"), for follow-on pronouns. */
  setThreadFocus(thread: string, focus: string | null): Promise<void>;
  threadFocus(thread: string): Promise<string | null>;
  close(): Promise<void>;
}
