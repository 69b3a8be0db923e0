import type { ArchiveStore } from './archive.ts';
import type { ArticleStore } from './articles.ts';
import type { BriefingLog } from './briefing-log.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import type { FeedStore } from './feeds.ts';
import type { SettingsStore } from './settings.ts';
import type { SubscriptionStore } from './subscriptions.ts';
import type { ThreadLinks } from './thread-links.ts';
import type { WebAccessStore } from './web-access.ts';

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
  /** Values made once and kept, such as the web links' secret. */
  settings: SettingsStore;
  /** Sign-in links and sessions of the web control panel. */
  webAccess: WebAccessStore;
  /** Every stored fact as table rows, for export and import. */
  archive: ArchiveStore;
  /** Where the store is (a file path, or a URL without its password), for messages. */
  readonly location: string;
  /** The schema versions applied, ascending (migrations run when the store opens). */
  schemaVersions(): Promise<number[]>;
  /** Closes the connection the ports share. */
  close(): Promise<void>;
}
