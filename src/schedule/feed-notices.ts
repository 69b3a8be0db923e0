import type { ChannelRef, Platform } from '../model/refs.ts';
import { type Reply, textReply } from '../model/reply.ts';
import type { Feed } from '../store/ports/feeds.ts';
import type { SubscriptionStore } from '../store/ports/subscriptions.ts';
import type { HealthChange } from './feed-poller.ts';

/**
 * A feed failing for longer than the setting, or recovering, is told to the channels that
 * rely on it: those subscribed to the feed's topic, or, for a feed followed for no topic,
 * every channel with an active digest. The poller calls this once per change (the store
 * remembers the notice), so a channel hears it once, not on every poll.
 */

export type PostNotice = (target: ChannelRef, reply: Reply) => Promise<void>;

export function createFeedNotices(
  subscriptions: SubscriptionStore,
  post: PostNotice,
): (feed: Feed, change: HealthChange) => Promise<void> {
  return async (feed, change) => {
    const subs = (await subscriptions.list({})).filter(
      (s) => s.active && (feed.topic === null || s.topic === feed.topic),
    );
    const channels = new Map<string, ChannelRef>();
    for (const s of subs) {
      const target: ChannelRef = {
        platform: s.platform as Platform,
        workspace: s.workspace,
        channel: s.channel,
      };
      channels.set(`${s.platform}:${s.workspace ?? ''}:${s.channel}`, target);
    }
    const text = noticeText(feed, change);
    // One channel's failure (the bot removed from it) must not keep the others from hearing.
    const results = await Promise.allSettled(
      [...channels.values()].map((c) => post(c, textReply(text))),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed && results.every((r) => r.status === 'rejected')) throw failed.reason;
  };
}

export function noticeText(feed: Feed, change: HealthChange): string {
  const since = feed.failingSince?.slice(0, 16).replace('T', ' ');
  return change === 'failing'
    ? `Feed ${feed.id} (${feed.url}) has been failing since ${since ?? 'its last polls'} UTC: ${feed.lastError ?? 'no reason given'}. New articles from it will not arrive until it recovers.`
    : `Feed ${feed.id} (${feed.url}) is working again.`;
}
