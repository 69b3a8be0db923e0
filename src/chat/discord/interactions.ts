import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  PermissionFlagsBits,
} from 'discord.js';
import type { Invocation } from '../../model/chat-port.ts';
import { reasonOf } from '../../model/errors.ts';
import type { ChannelRef } from '../../model/refs.ts';
import { type Reply, textReply } from '../../model/reply.ts';
import type { DiscordContext } from './context.ts';
import { editOptions, replyOptions } from './send.ts';
import { openReplyThread } from './threads.ts';

/** Slash commands and autocomplete, from Discord's interactions to the core and back. */

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export function channelRefOf(interaction: ChatInputCommandInteraction): ChannelRef {
  return { platform: 'discord', workspace: interaction.guildId, channel: interaction.channelId };
}

export function invocationOf(interaction: ChatInputCommandInteraction): Invocation {
  // A subcommand in a group ("/briefings feed add") is named by both words, as declared.
  const group = interaction.options.getSubcommandGroup(false);
  const leaf = interaction.options.getSubcommand(false);
  const subcommand = leaf === null ? null : group ? `${group} ${leaf}` : leaf;
  const top = interaction.options.data[0];
  const given: readonly CommandInteractionOption[] =
    leaf === null
      ? interaction.options.data
      : group
        ? (top?.options?.[0]?.options ?? [])
        : (top?.options ?? []);
  const options: Record<string, string> = {};
  for (const o of given)
    if (o.value !== undefined && o.value !== null) options[o.name] = String(o.value);
  return {
    command: interaction.commandName,
    subcommand,
    options,
    user: {
      id: interaction.user.id,
      name: interaction.user.globalName ?? interaction.user.username,
      // The member's permissions in this channel, overwrites included (Administrator counts).
      canManage: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    },
    channel: channelRefOf(interaction),
  };
}

/** Resolves with the promise's value if it settles within `ms`, else with undefined. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function onCommand(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  const invocation = invocationOf(interaction);
  // The command's work is mostly synchronous: starting it after pending I/O lets interactions
  // that arrived meanwhile start their clocks (and send their first responses) in turn.
  const pending = new Promise((resolve) => setImmediate(resolve))
    .then(() => ctx.handlers.command(invocation))
    .catch((e: unknown): Reply => {
      ctx.log('error', `/${invocation.command} failed: ${reasonOf(e)}`);
      return textReply('Something went wrong; please try again.', true);
    });
  // Whether the first response is private is fixed when it is sent, so a private answer
  // (an unknown topic, a missing permission) that is ready in time is that first response.
  const early = await within(pending, ctx.ephemeralWithinMs);
  if (early?.kind === 'text' && early.ephemeral) {
    const [first, ...rest] = ctx.render(early);
    if (first) await interaction.reply(replyOptions(first, true));
    for (const m of rest) await interaction.followUp(replyOptions(m, true));
    return;
  }
  // Anything else is deferred first: that response is small and must arrive within 3 s; the
  // posts after it use the interaction's token, valid 15 minutes, and can wait out a 429.
  await interaction.deferReply();
  // A private answer that comes this late can only replace the public "thinking…" message.
  const reply = early ?? (await pending);
  const [first, ...rest] = ctx.render(reply);
  if (!first) return;
  try {
    const posted = await interaction.editReply(editOptions(first));
    for (const m of rest) await interaction.followUp(replyOptions(m, false));
    if (reply.kind === 'briefing')
      await openReplyThread(ctx, channelRefOf(interaction), posted.id, reply);
  } catch (e) {
    // Say so rather than leave "thinking…" on screen for the token's 15 minutes.
    ctx.log('error', `/${invocation.command}: could not post the reply: ${reasonOf(e)}`);
    await interaction
      .editReply({ content: 'Sorry, that could not be posted here.', embeds: [] })
      .catch(() => {});
  }
}

export async function onAutocomplete(
  ctx: DiscordContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  let suggestions: string[] = [];
  try {
    suggestions = await ctx.handlers.autocomplete(
      interaction.commandName,
      focused.name,
      String(focused.value),
    );
  } catch (e) {
    ctx.log('warn', `autocomplete for /${interaction.commandName} failed: ${reasonOf(e)}`);
  }
  const choices = suggestions
    .filter((s) => s.length > 0 && s.length <= MAX_CHOICE_LENGTH)
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: s, value: s }));
  await interaction.respond(choices);
}
