import type { Json } from './payloads.ts';

/**
 * What the fake Discord keeps per channel: its messages (for GET /channels/:id/messages, newest
 * first, with the `thread` started from each), the nonces already used (so a repeat sent with
 * `enforce_nonce` gets the message it created, as Discord does), and which channels are gone.
 */

export class FakeChannels {
  private readonly messages = new Map<string, Json[]>();
  private readonly nonces = new Map<string, Map<string, Json>>();
  /** Channels that no longer exist: every route on them answers 404 Unknown Channel. */
  readonly deleted = new Set<string>();
  /**
   * Channels whose history reads come back empty while their messages and nonces stay: a
   * digest pushed out of the latest 50 by other messages, still within its nonce's window.
   */
  readonly historyHidden = new Set<string>();

  /** The message this nonce already created in the channel (same author), if any. */
  repeatOf(channelId: string, body: Json, authorId: string): Json | null {
    if (body.enforce_nonce !== true || typeof body.nonce !== 'string') return null;
    const hit = this.nonces.get(channelId)?.get(`${authorId}/${body.nonce}`);
    return hit ?? null;
  }

  /** Records a created (or edited, when the id is known) message in the channel's history. */
  add(channelId: string, msg: Json, nonce?: unknown): void {
    const list = this.messages.get(channelId) ?? [];
    const at = list.findIndex((m) => m.id === msg.id);
    if (at >= 0) list[at] = { ...msg, ...(list[at]?.thread ? { thread: list[at].thread } : {}) };
    else list.push(msg);
    this.messages.set(channelId, list);
    if (typeof nonce === 'string') {
      const author = String((msg.author as Json | undefined)?.id ?? '');
      const seen = this.nonces.get(channelId) ?? new Map<string, Json>();
      seen.set(`${author}/${nonce}`, msg);
      this.nonces.set(channelId, seen);
    }
  }

  /** Marks the message as the start of `thread`; false when it already has one. */
  startThread(channelId: string, messageId: string, thread: Json): boolean {
    const msg = this.messages.get(channelId)?.find((m) => m.id === messageId);
    if (!msg) return true;
    if (msg.thread) return false;
    msg.thread = thread;
    return true;
  }

  /** The latest `limit` messages, newest first, as GET /channels/:id/messages answers. */
  latest(channelId: string, limit: number): Json[] {
    if (this.historyHidden.has(channelId)) return [];
    const list = this.messages.get(channelId) ?? [];
    return list.slice(-Math.max(1, Math.min(limit, 100))).reverse();
  }
}
