import type { ChannelRef, Platform, Posted, ThreadRef } from './refs.ts';
import type { Reply } from './reply.ts';

/** The chat port: Discord, Slack and the console implement it; the core never imports a platform. */

export interface ChatUser {
  id: string;
  name: string;
  /** May change the channel's subscriptions (Discord: Manage Channels; Slack: admin or allow-list). */
  canManage: boolean;
}

export interface Invocation {
  /** Command name as declared in commands/ ("brief", "briefings"). */
  command: string;
  /** Subcommand, for commands that have them ("subscribe"). */
  subcommand: string | null;
  /** Option values by name, as strings. */
  options: Record<string, string>;
  user: ChatUser;
  channel: ChannelRef;
}

export interface InboundHandlers {
  /** A slash command; the adapter has already acknowledged or deferred it. */
  command(invocation: Invocation): Promise<Reply>;
  /** Suggestions for an option being typed. */
  autocomplete(command: string, option: string, typed: string): Promise<string[]>;
  /** A briefing reply was posted and has a thread: remember which briefing the thread is about. */
  briefingPosted(thread: ThreadRef, briefingId: number): Promise<void>;
  /**
   * A message in a thread (a mention, or any message where the platform lets us read them).
   * Null: not ours, or `event` (the platform's id of the message) was already handled, here or
   * by another replica.
   */
  threadMessage(
    thread: ThreadRef,
    text: string,
    user: ChatUser,
    event?: string,
  ): Promise<Reply | null>;
}

export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * Connects, registers commands if needed, and routes inbound events to the handlers. A start
   * that fails releases whatever it opened (connection, port, timers) before it throws.
   */
  start(handlers: InboundHandlers): Promise<void>;
  /**
   * Posts a reply in a channel (a digest) and returns it with the thread it opened. A digest is
   * sent so the platform itself refuses a second copy where it can (Discord nonce). Failures
   * are thrown as DeliveryError (src/model/delivery-error.ts) saying whether to retry or give up.
   */
  post(target: ChannelRef, reply: Reply): Promise<Posted>;
  /**
   * A digest with this key that the bot already posted in the channel's recent history, or null:
   * asked before resending a slot whose earlier attempt may have been sent before a crash.
   */
  findDigest(target: ChannelRef, key: string): Promise<Posted | null>;
  /** Replies inside a thread. */
  reply(thread: ThreadRef, reply: Reply): Promise<void>;
  stop(): Promise<void>;
}
