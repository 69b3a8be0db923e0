import type { InboundHandlers, Invocation } from '../../model/chat-port.ts';
import type { CommandDeclaration } from '../../model/command.ts';
import { reasonOf } from '../../model/errors.ts';
import type { ChannelRef, ThreadRef } from '../../model/refs.ts';
import type { Reply } from '../../model/reply.ts';
import { renderSlack, renderSlackText, type SlackMessage } from '../../render/slack.ts';
import { helpText, parseCommandText } from '../command-text.ts';
import { plainFromSlack } from './inbound-text.ts';
import { platformError, type SlackSender } from './sender.ts';
import type { UserDirectory } from './users.ts';

/**
 * What the adapter does with a slash command (already acknowledged) and with a message in a
 * thread, once Bolt has checked and parsed it. Nothing here knows HTTP from Socket Mode.
 */

export interface InboundDeps {
  handlers: InboundHandlers;
  sender: SlackSender;
  users: UserDirectory;
  commands: readonly CommandDeclaration[];
  /** The declared command `/brief <topic>` maps onto. */
  mainCommand: string;
  /** The Slack slash command, as in the manifest. */
  slash: string;
  /** Posts a reply in a channel or thread and links briefings to the thread(s) it opened. */
  postReply(where: ChannelRef, reply: Reply, threadTs?: string): Promise<string[]>;
  log(message: string): void;
}

/** The fields of a slash command payload the adapter reads. */
export interface SlashCommandPayload {
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
  text: string;
}

export type Respond = (message: {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: SlackMessage['blocks'];
}) => Promise<unknown>;

/** Errors that mean the bot may not post in the channel the command came from. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export async function handleSlashCommand(
  deps: InboundDeps,
  cmd: SlashCommandPayload,
  respond: Respond,
): Promise<void> {
  const say = (text: string, inChannel = false) =>
    respondWith(respond, renderSlackText(text), inChannel);
  try {
    const parsed = parseCommandText(
      plainFromSlack(cmd.text),
      deps.commands,
      deps.mainCommand,
      deps.slash,
    );
    if (parsed.kind === 'help')
      return await say(helpText(deps.commands, deps.mainCommand, deps.slash));
    if (parsed.kind === 'usage') return await say(parsed.message);
    if (parsed.kind === 'topics') {
      const slugs = await deps.handlers.autocomplete(deps.mainCommand, 'topic', '');
      return await say(
        slugs.length
          ? `Defined topics: ${slugs.join(', ')}. Any other words work too, such as ${deps.slash} iran-uk.`
          : `No topics are defined; any words work, such as ${deps.slash} iran-uk.`,
      );
    }
    const channel: ChannelRef = {
      platform: 'slack',
      workspace: cmd.team_id,
      channel: cmd.channel_id,
    };
    const invocation: Invocation = {
      command: parsed.command,
      subcommand: parsed.subcommand,
      options: parsed.options,
      user: await deps.users.lookup(cmd.user_id, cmd.user_name),
      channel,
    };
    const reply = await deps.handlers.command(invocation);
    if (reply.kind === 'text')
      return await respondWith(respond, renderSlack(reply), !reply.ephemeral);
    try {
      await deps.postReply(channel, reply);
    } catch (e) {
      const error = platformError(e);
      if (error === null || !CANNOT_POST.has(error)) throw e;
      await say(
        `I cannot post in this channel (${error}). Invite me first: /invite @Briefwire — or ask in a channel I am in.`,
      );
    }
  } catch (e) {
    deps.log(`slack: ${deps.slash} ${cmd.text} failed: ${reasonOf(e)}`);
    await say(
      'Something went wrong with that command; it has been logged. Please try again.',
    ).catch(() => {});
  }
}

/** A message in a thread (a reply, or a mention of the bot there). */
export interface ThreadMessage {
  team: string | null;
  channel: string;
  threadTs: string;
  /** The message's own ts: with the channel, its id, so it is answered once by any replica. */
  ts: string;
  text: string;
  user: string;
  botUserId: string | null;
}

export async function handleThreadMessage(deps: InboundDeps, m: ThreadMessage): Promise<void> {
  const thread: ThreadRef = {
    platform: 'slack',
    workspace: m.team,
    channel: m.channel,
    thread: m.threadTs,
  };
  try {
    // Most thread messages are not about a briefing: no users.info call for them.
    const user = deps.users.peek(m.user);
    const reply = await deps.handlers.threadMessage(
      thread,
      plainFromSlack(m.text, m.botUserId),
      user,
      `${m.channel}/${m.ts}`,
    );
    if (reply === null) return;
    if (reply.kind === 'text' && reply.ephemeral)
      return await deps.sender.ephemeral(m.channel, m.user, renderSlack(reply), m.threadTs);
    await deps.postReply(thread, reply, m.threadTs);
  } catch (e) {
    deps.log(`slack: answering in thread ${m.channel}/${m.threadTs} failed: ${reasonOf(e)}`);
  }
}

/** Sends through the command's response_url (usable 5 times): ephemeral or to the channel. */
async function respondWith(respond: Respond, messages: SlackMessage[], inChannel: boolean) {
  for (const m of messages.slice(0, 5))
    await respond({
      response_type: inChannel ? 'in_channel' : 'ephemeral',
      text: m.text,
      blocks: m.blocks,
    });
}
