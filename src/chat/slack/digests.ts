import type { App } from '@slack/bolt';
import { type RateLimitPolicy, withRateLimit } from './rate-limit.ts';
import { platformError, type SlackMetadata } from './sender.ts';

/**
 * A digest's first message carries event metadata naming its key, so a resend after a crash can
 * find it in the channel's history (conversations.history with include_all_metadata). Reading
 * history needs the channels:history (public) or groups:history (private) scope, and membership
 * of the channel; without them nothing is found and the scheduler's own ledger decides.
 */

/**
 * History errors that say nothing about whether a post can succeed: a bot with chat:write.public
 * posts in public channels it has not joined, but may not read them.
 */
const UNREADABLE: Record<string, string> = {
  missing_scope: 'add the channels:history and groups:history scopes',
  not_in_channel: 'the bot is not a member',
};

export const DIGEST_EVENT = 'briefwire_digest';

/** How many of the channel's latest messages a resend looks through. */
const HISTORY = 100;

export function digestMetadata(key: string): SlackMetadata {
  return { event_type: DIGEST_EVENT, event_payload: { key } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The ts of the digest with this key among the channel's latest messages, or null. */
export async function findDigestTs(
  client: App['client'],
  channel: string,
  key: string,
  policy: RateLimitPolicy,
  log: (message: string) => void,
): Promise<string | null> {
  let messages: HistoryMessage[];
  try {
    const r = await withRateLimit(
      () => client.conversations.history({ channel, limit: HISTORY, include_all_metadata: true }),
      policy,
    );
    messages = (r.messages ?? []) as HistoryMessage[];
  } catch (e) {
    const error = platformError(e);
    const why = error === null ? undefined : UNREADABLE[error];
    if (why === undefined) throw e;
    log(
      `slack: cannot read the history of ${channel} (${error}: ${why}); a digest resend relies on the delivery ledger alone`,
    );
    return null;
  }
  const found = messages.filter(
    (m) => m.metadata?.event_type === DIGEST_EVENT && m.metadata.event_payload?.key === key,
  );
  // Newest first: the oldest copy is the one its thread was opened on.
  return found.at(-1)?.ts ?? null;
}
