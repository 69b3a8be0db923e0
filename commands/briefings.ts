import { normaliseSlug } from '../src/briefing/topics.ts';
import type { Invocation } from '../src/model/chat-port.ts';
import { isBriefwireError } from '../src/model/errors.ts';
import type { Reply } from '../src/model/reply.ts';
import { textReply } from '../src/model/reply.ts';
import { describeLast, describeNext, subscriptionStatus } from '../src/schedule/status.ts';
import { checkSubscription } from '../src/schedule/subscribe.ts';
import { FEED_GROUP, FEED_SUBCOMMANDS, runFeedCommand } from './feeds.ts';
import type { CommandContext, CommandSpec } from './spec.ts';

/** `/briefings subscribe|list|unsubscribe`: a channel's scheduled digests; `/briefings feed …`: the feeds. */

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const briefingsCommand: CommandSpec = {
  name: 'briefings',
  description: "This channel's scheduled digests",
  options: [],
  subcommands: [
    {
      name: 'subscribe',
      description: 'Post a digest of a topic here on a schedule',
      manage: true,
      options: [
        {
          name: 'topic',
          description: 'Topic, such as iran-uk',
          required: true,
          autocomplete: true,
        },
        { name: 'time', description: 'Local time, HH:MM (24-hour)', required: true },
        { name: 'timezone', description: 'IANA time zone, such as Europe/London', required: false },
        {
          name: 'days',
          description: 'daily (default), weekdays, or days such as mon,wed,fri',
          required: false,
        },
        {
          name: 'quiet',
          description: 'yes: post nothing when nothing is new (default: a one-line note)',
          required: false,
        },
      ],
    },
    {
      name: 'list',
      description: "This channel's digests, their last delivery and next time",
      manage: false,
      options: [],
    },
    {
      name: 'unsubscribe',
      description: 'Stop a digest in this channel',
      manage: true,
      options: [
        { name: 'topic', description: 'Topic to stop', required: true, autocomplete: true },
      ],
    },
    {
      name: 'web',
      description: 'A private link that signs you in to the web control panel (10 minutes, once)',
      manage: false,
      options: [],
    },
    ...FEED_SUBCOMMANDS,
  ],
  groups: [FEED_GROUP],
  async run(ctx, inv) {
    if (inv.subcommand?.startsWith('feed '))
      return runFeedCommand(ctx, inv.subcommand, inv.options);
    const where = {
      platform: inv.channel.platform,
      workspace: inv.channel.workspace,
      channel: inv.channel.channel,
    };
    if (inv.subcommand === 'web') return webSignin(ctx, inv);
    if (inv.subcommand === 'list') {
      const subs = await ctx.stores.subscriptions.list(where);
      if (!subs.length)
        return textReply(
          'This channel has no digests yet; someone who manages it can add one with subscribe.',
          true,
        );
      const now = ctx.now();
      const lines = [];
      for (const sub of subs) {
        const st = await subscriptionStatus(ctx.stores, sub, now);
        lines.push(
          `• ${sub.topic} — ${st.schedule} (${sub.timezone}); last: ${describeLast(st)}; ${describeNext(st)}`,
        );
      }
      return textReply(`Digests in this channel:\n${lines.join('\n')}`, true);
    }
    if (inv.subcommand === 'unsubscribe') {
      const slug = normaliseSlug(inv.options.topic ?? '');
      const removed = await ctx.stores.subscriptions.remove(where, slug);
      return textReply(
        removed
          ? `Stopped the ${slug} digest in this channel.`
          : `This channel has no ${slug} digest.`,
        !removed,
      );
    }
    const time = (inv.options.time ?? '').trim();
    const m = TIME.exec(time);
    if (!m) return textReply(`"${time}" is not a time: use HH:MM, such as 08:00.`, true);
    const hhmm = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    const days = (inv.options.days ?? 'daily').trim().toLowerCase();
    const schedule =
      days === 'daily' || days === 'weekdays'
        ? `${days} ${hhmm}`
        : `${Number(m[2])} ${Number(m[1])} * * ${days}`;
    const quiet = inv.options.quiet?.trim().toLowerCase();
    if (quiet && !['yes', 'no'].includes(quiet))
      return textReply(`quiet is yes or no (got "${inv.options.quiet}").`, true);
    try {
      const checked = checkSubscription(
        {
          ...where,
          topic: inv.options.topic ?? '',
          schedule,
          timezone: inv.options.timezone,
          whenEmpty: quiet === 'yes' ? 'silent' : 'note',
          createdBy: inv.user.id,
        },
        ctx.topics,
        ctx.timezone,
      );
      const sub = await ctx.stores.subscriptions.save(checked.subscription);
      const st = await subscriptionStatus(ctx.stores, sub, ctx.now());
      const empty =
        sub.whenEmpty === 'silent'
          ? 'nothing is posted when nothing is new'
          : 'a one-line note when nothing is new';
      return textReply(
        `Subscribed: a ${checked.topicTitle} digest ${checked.spec.description} (${sub.timezone}) in this channel; ${empty}. The ${describeNext(st)}.`,
      );
    } catch (e) {
      // Bad days or time zone: tell the person what to write instead.
      if (isBriefwireError(e) && e.code === 'USAGE') return textReply(e.message, true);
      throw e;
    }
  },
};

/** The control panel's sign-in link, for this person, privately. */
async function webSignin(ctx: CommandContext, inv: Invocation): Promise<Reply> {
  if (!ctx.webSignin)
    return textReply(
      "Briefwire's web pages are not set up here: whoever runs the bot sets BRIEFWIRE_PUBLIC_URL.",
      true,
    );
  // The panel manages a server's or workspace's digests: a direct message has neither.
  if (inv.channel.workspace === null)
    return textReply('Ask for the control panel from a channel of the server or workspace.', true);
  const result = await ctx.webSignin({
    platform: inv.channel.platform,
    workspace: inv.channel.workspace,
    user: inv.user.id,
    canManage: inv.user.canManage,
  });
  if ('refused' in result) return textReply(result.refused, true);
  const rights = inv.user.canManage
    ? 'to manage digests here'
    : 'to see the digests here (you cannot change them)';
  return textReply(
    `Your sign-in link for the control panel, ${rights}. It works once, for 10 minutes; do not share it: ${result.url}`,
    true,
  );
}
