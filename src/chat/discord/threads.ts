import { type Message, PermissionFlagsBits } from 'discord.js';
import type { ChatUser } from '../../model/chat-port.ts';
import { reasonOf } from '../../model/errors.ts';
import type { ChannelRef, ThreadRef } from '../../model/refs.ts';
import { briefingIdOf, type Reply } from '../../model/reply.ts';
import type { DiscordContext } from './context.ts';
import { openThread, postMessages } from './send.ts';

/** Follow-up threads: opened on a posted briefing, and the questions asked in them. */

function threadTitle(reply: Reply): string {
  switch (reply.kind) {
    case 'briefing':
      return `Briefing: ${reply.briefing.title}`;
    case 'answer':
      return reply.answer.question;
    case 'text':
      return reply.text.split('\n')[0] ?? 'Briefwire';
    case 'digest':
      return `Digest: ${reply.digest.briefing?.title ?? reply.digest.topicTitle} — ${reply.digest.slotLabel}`;
  }
}

/**
 * Opens the thread on a posted reply (or takes the one it has: a digest Discord answered as a
 * repeat of its first post) and, for a recorded briefing, tells the core which briefing it is
 * about. Null when no thread could be opened (a DM, a missing permission): the reply itself
 * stands, so this never throws.
 */
export async function openReplyThread(
  ctx: DiscordContext,
  channel: ChannelRef,
  messageId: string,
  reply: Reply,
  existing?: string,
): Promise<ThreadRef | null> {
  if (channel.workspace === null) return null;
  let ref: ThreadRef;
  try {
    const thread =
      existing ??
      (await openThread(ctx.client.rest, channel.channel, messageId, threadTitle(reply)));
    ref = { ...channel, thread };
  } catch (e) {
    ctx.log('warn', `could not open a thread in channel ${channel.channel}: ${reasonOf(e)}`);
    return null;
  }
  const briefingId = briefingIdOf(reply);
  if (briefingId !== null) {
    try {
      await ctx.handlers.briefingPosted(ref, briefingId);
    } catch (e) {
      ctx.log('error', `could not link thread ${ref.thread} to its briefing: ${reasonOf(e)}`);
    }
  }
  return ref;
}

/**
 * A message in a thread: a question when it mentions the bot, or any message when the
 * Message Content intent lets us read them all. The core says whether the thread is ours.
 */
export async function onThreadMessage(ctx: DiscordContext, message: Message): Promise<void> {
  if (message.author.bot || message.system || !message.inGuild()) return;
  const channel = message.channel;
  if (!channel.isThread()) return;
  const mentioned = message.mentions.users.has(ctx.client.user.id);
  if (!mentioned && !ctx.settings.messageContent) return;
  const thread: ThreadRef = {
    platform: 'discord',
    workspace: message.guildId,
    channel: channel.parentId ?? channel.id,
    thread: channel.id,
  };
  const asked = plainFromDiscord(message.content);
  const reply = await ctx.handlers.threadMessage(thread, asked, userOf(message));
  if (!reply) return;
  await postMessages(ctx.client.rest, channel.id, ctx.render(reply), { replyTo: message.id });
}

/**
 * What the person typed, without Discord's mention markup (`<@123>`, `<@!123>`, `<@&456>`): the
 * bot's own mention addressed the question, and no other mention is part of it.
 */
export function plainFromDiscord(content: string): string {
  return content
    .replace(/<@[!&]?\d+>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function userOf(message: Message<true>): ChatUser {
  let canManage = false;
  try {
    canManage =
      message.member?.permissionsIn(message.channel).has(PermissionFlagsBits.ManageChannels) ??
      false;
  } catch {
    // Permissions need the guild's roles cached; asking a question does not need them.
  }
  return {
    id: message.author.id,
    name: message.author.globalName ?? message.author.username,
    canManage,
  };
}
