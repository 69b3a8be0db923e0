import type { ChannelRef, ThreadRef } from './port.ts';

/** Stable keys for chat places, as the store records them. */

/** Whose briefings a channel's "what's new" compares against: the channel itself. */
export function audienceOf(channel: ChannelRef): string {
  return [channel.platform, channel.workspace ?? '', channel.channel].join(':');
}

export function threadKey(thread: ThreadRef): string {
  return [thread.platform, thread.workspace ?? '', thread.thread].join(':');
}
