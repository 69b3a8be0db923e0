/**
 * What the fake Slack keeps per channel: the messages chat.postMessage created, with their
 * metadata, for conversations.history (newest first, metadata only when asked for), and the
 * channels where posting fails (not found, archived, the bot not a member).
 */

export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class FakeSlackChannels {
  private readonly messages = new Map<string, StoredMessage[]>();
  /** Channels that do not exist (`channel_not_found`). */
  readonly missing = new Set<string>();
  /** Archived channels (`is_archived` on post). */
  readonly archived = new Set<string>();
  /** Channels where chat.postMessage answers `not_in_channel`. */
  readonly notInChannel = new Set<string>();
  /**
   * Called when chat.postMessage has stored a message, before the fake answers: a test can kill
   * the bot at the instant Slack has the message and the bot does not know.
   */
  onMessageStored?: ((channel: string, message: StoredMessage) => void) | undefined;

  /** Why a post in the channel fails, or null. */
  postError(channel: string): string | null {
    if (this.missing.has(channel)) return 'channel_not_found';
    if (this.archived.has(channel)) return 'is_archived';
    if (this.notInChannel.has(channel)) return 'not_in_channel';
    return null;
  }

  add(channel: string, message: StoredMessage): void {
    const list = this.messages.get(channel) ?? [];
    list.push(message);
    this.messages.set(channel, list);
  }

  /** conversations.history: top-level messages, newest first. */
  history(channel: string, limit: number, withMetadata: boolean): StoredMessage[] {
    const list = (this.messages.get(channel) ?? []).filter(
      (m) => m.thread_ts === undefined || m.thread_ts === m.ts,
    );
    return list
      .slice(-Math.max(1, Math.min(limit, 1000)))
      .reverse()
      .map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
  }
}
