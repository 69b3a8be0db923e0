/** Chat places, platform-neutral, and the stable keys the store records them by. */

export type Platform = 'discord' | 'slack' | 'console';

export interface ChannelRef {
  platform: Platform;
  /** Discord guild or Slack team; null for direct messages and the console. */
  workspace: string | null;
  channel: string;
}

/** A conversation thread: a Discord thread channel, a Slack message's ts, a console session. */
export interface ThreadRef extends ChannelRef {
  thread: string;
}

/** A message the bot posted in a channel, and the thread follow-ups go to. */
export interface Posted extends ThreadRef {
  messageId: string;
}

/** Whose briefings a channel's "what's new" compares against: the channel itself. */
export function audienceOf(channel: ChannelRef): string {
  return [channel.platform, channel.workspace ?? '', channel.channel].join(':');
}

export function threadKey(thread: ThreadRef): string {
  return [thread.platform, thread.workspace ?? '', thread.thread].join(':');
}
