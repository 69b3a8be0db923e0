import type { ArticleStore } from './articles.ts';
import type { BriefingLog } from './briefing-log.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import type { FeedStore } from './feeds.ts';
import type { SubscriptionStore } from './subscriptions.ts';
import type { ThreadLinks } from './thread-links.ts';

/**
 * The persistence ports, one per aggregate, opened together on one database by createStore.
 * SQLite and PostgreSQL implement each against its own contract suite (tests/contract).
 */
export interface Stores {
  articles: ArticleStore;
  briefings: BriefingLog;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLedger;
  threads: ThreadLinks;
  feeds: FeedStore;
  /** Closes the connection the ports share. */
  close(): Promise<void>;
}
