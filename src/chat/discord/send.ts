import {
  type APIEmbed,
  type APIMessage,
  type APIThreadChannel,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type REST,
  Routes,
} from 'discord.js';
import type { DiscordMessage } from '../../render/discord.ts';
import { DISCORD_LIMITS, oneLine, truncateWords } from '../../render/discord-text.ts';

/**
 * Sending rendered messages. Channel posts go through discord.js's REST client by id (a
 * digest's channel need not be cached), which queues requests per route and waits out 429s.
 */

export interface PostOptions {
  /** The message the first one answers. */
  replyTo?: string;
  /**
   * One nonce a message, sent with `enforce_nonce`: Discord then answers a repeat (a retry, a
   * resend after a crash) within a few minutes with the message it already created.
   */
  nonces?: readonly string[];
}

/** Posts messages in order and returns them as Discord created them. */
export async function postMessages(
  rest: REST,
  channelId: string,
  messages: readonly DiscordMessage[],
  options: PostOptions = {},
): Promise<APIMessage[]> {
  const sent: APIMessage[] = [];
  for (const [i, m] of messages.entries()) {
    const reference =
      i === 0 && options.replyTo
        ? { message_reference: { message_id: options.replyTo, fail_if_not_exists: false } }
        : {};
    const nonce = options.nonces?.[i];
    const once = nonce ? { nonce, enforce_nonce: true } : {};
    sent.push(
      (await rest.post(Routes.channelMessages(channelId), {
        body: { ...m, ...reference, ...once },
      })) as APIMessage,
    );
  }
  return sent;
}

/** Opens a public thread on a message; one day of quiet archives it. */
export async function openThread(
  rest: REST,
  channelId: string,
  messageId: string,
  title: string,
): Promise<string> {
  const name = truncateWords(oneLine(title), DISCORD_LIMITS.threadName);
  const thread = (await rest.post(Routes.threads(channelId, messageId), {
    body: { name, auto_archive_duration: 1440 },
  })) as APIThreadChannel;
  return thread.id;
}

/** A rendered message as discord.js interaction options (it turns them back into the same JSON). */
export function editOptions(m: DiscordMessage): InteractionEditReplyOptions {
  return {
    content: m.content ?? '',
    embeds: m.embeds as APIEmbed[],
    allowedMentions: m.allowed_mentions,
  };
}

export function replyOptions(m: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds as APIEmbed[],
    allowedMentions: m.allowed_mentions,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}
