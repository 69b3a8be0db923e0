import type { App, types } from '@slack/bolt';
import { BriefwireError } from '../../model/errors.ts';
import type { SlackMessage } from '../../render/slack.ts';
import { type RateLimitPolicy, withRateLimit } from './rate-limit.ts';

/**
 * Messages out through the Web API: chat.postMessage (so a briefing has a ts, and so a thread)
 * and chat.postEphemeral, each honouring 429s. Link previews are off: a briefing lists many
 * sources and Slack would unfurl each.
 */

type Client = App['client'];

/** Event metadata on a message: apps can read it back from the channel's history. */
export interface SlackMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

export interface SlackSender {
  /**
   * Posts the messages in order (in a thread when `threadTs` is given), the first with
   * `metadata` when given; returns their ts.
   */
  post(
    channel: string,
    messages: SlackMessage[],
    threadTs?: string,
    metadata?: SlackMetadata,
  ): Promise<string[]>;
  ephemeral(
    channel: string,
    user: string,
    messages: SlackMessage[],
    threadTs?: string,
  ): Promise<void>;
}

export function createSender(client: Client, policy: RateLimitPolicy): SlackSender {
  return {
    async post(channel, messages, threadTs, metadata) {
      const ts: string[] = [];
      for (const [i, m] of messages.entries()) {
        const r = await withRateLimit(
          () =>
            client.chat.postMessage({
              channel,
              text: m.text,
              blocks: m.blocks satisfies types.KnownBlock[],
              unfurl_links: false,
              unfurl_media: false,
              ...(threadTs ? { thread_ts: threadTs } : {}),
              ...(metadata && i === 0 ? { metadata } : {}),
            }),
          policy,
        );
        if (!r.ts)
          throw new BriefwireError(
            'DELIVERY_FAILED',
            `chat.postMessage to ${channel} returned no ts`,
            channel,
          );
        ts.push(r.ts);
      }
      return ts;
    },
    async ephemeral(channel, user, messages, threadTs) {
      for (const m of messages)
        await withRateLimit(
          () =>
            client.chat.postEphemeral({
              channel,
              user,
              text: m.text,
              blocks: m.blocks satisfies types.KnownBlock[],
              ...(threadTs ? { thread_ts: threadTs } : {}),
            }),
          policy,
        );
    },
  };
}

/** The `error` of a Web API platform error (`not_in_channel`, …), else null. */
export function platformError(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const data = (e as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}
