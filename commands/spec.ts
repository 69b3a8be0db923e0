import type { Topic } from '../src/briefing/topics.ts';
import type { Fetcher } from '../src/ingest/fetch/port.ts';
import type { Invocation } from '../src/model/chat-port.ts';
import type { CommandDeclaration } from '../src/model/command.ts';
import type { Reply } from '../src/model/reply.ts';
import type { Stores } from '../src/store/ports/port.ts';
import type { WebGrant } from '../src/store/ports/web-access.ts';

/** What a command may use: the stores, the topics, the default time zone, the clock and the fetcher. */
export interface CommandContext {
  stores: Stores;
  topics: Topic[];
  /** IANA zone for a subscription that names none (BRIEFWIRE_TIMEZONE). */
  timezone: string;
  now(): Date;
  /** Fetches feeds a person adds from chat, with the same safety as every fetch. */
  fetcher: Fetcher;
  /** Poll interval of a feed added from chat (BRIEFWIRE_FEED_EVERY). */
  feedEveryMs: number;
  /** The public page of a recorded briefing (BRIEFWIRE_PUBLIC_URL), or null when pages are not public. */
  briefingUrl?: (briefingId: number) => Promise<string | null>;
  /** A one-time control-panel sign-in link for this person, or why not; absent: no public pages. */
  webSignin?: (grant: WebGrant) => Promise<{ url: string } | { refused: string }>;
}

/** A slash command: its declaration (registered on every platform) and what it does. */
export interface CommandSpec extends CommandDeclaration {
  run(ctx: CommandContext, invocation: Invocation): Promise<Reply>;
}
