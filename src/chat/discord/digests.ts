import { createHash } from 'node:crypto';
import { type APIMessage, type REST, Routes } from 'discord.js';
import { inert } from '../../render/discord-text.ts';
import { digestRef } from '../../render/text.ts';

/**
 * A digest is posted so that it is not posted twice: each of its messages carries a nonce
 * derived from the digest's key (Discord refuses a repeat for a few minutes), and its ref is
 * shown in the message (content or footer), where `findDigestMessage` looks for it later.
 */

/** Discord takes a nonce of at most 25 characters. */
const NONCE_LENGTH = 25;

/** How many of the channel's latest messages a resend looks through. */
const HISTORY = 50;

/** The nonce of a digest's `index`th message: the same key always gives the same nonces. */
export function digestNonce(key: string, index: number): string {
  const seed = index === 0 ? key : `${key}#${index}`;
  return createHash('sha256').update(seed).digest('hex').slice(0, NONCE_LENGTH);
}

export function digestNonces(key: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => digestNonce(key, i));
}

/**
 * The first message of the digest with this key among the channel's latest messages by the bot,
 * or null. Messages come newest first, so the last one carrying the ref is the digest's first.
 */
export async function findDigestMessage(
  rest: REST,
  channelId: string,
  botId: string,
  key: string,
): Promise<APIMessage | null> {
  const messages = (await rest.get(Routes.channelMessages(channelId), {
    query: new URLSearchParams({ limit: String(HISTORY) }),
  })) as APIMessage[];
  const refs = new Set([digestRef(key), digestRef(key, inert)]);
  const carries = (text: string | undefined): boolean =>
    text !== undefined && refOf(text).some((r) => refs.has(r));
  const ours = messages.filter(
    (m) =>
      m.author.id === botId &&
      (carries(m.content) || m.embeds.some((e) => carries(e.footer?.text))),
  );
  return ours.at(-1) ?? null;
}

/** Every "ref <key>" in a text, each up to the next space (a footer puts it after " · "). */
function refOf(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s·])(ref \S+)/g)].map((m) => m[1] ?? '');
}
