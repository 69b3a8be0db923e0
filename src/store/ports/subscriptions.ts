/** Channels' digest subscriptions to topics. */

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

export interface ChannelFilter {
  platform?: string;
  workspace?: string | null;
  channel?: string;
}

export interface SubscriptionStore {
  /** Adds a subscription, or updates the schedule of the channel's existing one for the topic. */
  save(subscription: NewSubscription): Promise<Subscription>;
  list(filter: ChannelFilter): Promise<Subscription[]>;
  /** Removes the channel's subscription to a topic; false when there was none. */
  remove(
    channel: ChannelFilter & { platform: string; channel: string },
    topic: string,
  ): Promise<boolean>;
  get(id: number): Promise<Subscription | null>;
  /** Removes a subscription (and its ledger) by id; false when there was none. */
  removeById(id: number): Promise<boolean>;
  /**
   * Pauses a subscription with the reason (channel gone, bot removed), or resumes it with null
   * (its schedule then runs from `now`: slots while it was paused are not owed).
   */
  setPaused(id: number, reason: string | null, now: string): Promise<void>;
}
