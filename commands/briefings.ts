import { normaliseSlug, resolveTopic } from '../src/briefing/topics.ts';
import type { CommandSpec } from '../src/chat/command-spec.ts';
import { textReply } from '../src/chat/reply.ts';
import { isValidTimeZone } from '../src/config.ts';

/** `/briefings subscribe|list|unsubscribe`: a channel's daily digests. */

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const briefingsCommand: CommandSpec = {
  name: 'briefings',
  description: "This channel's daily digests",
  options: [],
  subcommands: [
    {
      name: 'subscribe',
      description: 'Post a digest of a topic here every day',
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
      ],
    },
    { name: 'list', description: "List this channel's digests", manage: false, options: [] },
    {
      name: 'unsubscribe',
      description: 'Stop a digest in this channel',
      manage: true,
      options: [
        { name: 'topic', description: 'Topic to stop', required: true, autocomplete: true },
      ],
    },
  ],
  async run(ctx, inv) {
    const where = {
      platform: inv.channel.platform,
      workspace: inv.channel.workspace,
      channel: inv.channel.channel,
    };
    if (inv.subcommand === 'list') {
      const subs = await ctx.store.listSubscriptions(where);
      if (!subs.length)
        return textReply(
          'This channel has no digests yet; someone who manages it can add one with subscribe.',
          true,
        );
      const lines = subs.map(
        (s) =>
          `• ${s.topic} — ${s.schedule} (${s.timezone})${s.active ? '' : ` — paused: ${s.pausedReason ?? 'unknown reason'}`}`,
      );
      return textReply(`Digests in this channel:\n${lines.join('\n')}`, true);
    }
    const slug = normaliseSlug(inv.options.topic ?? '');
    if (inv.subcommand === 'unsubscribe') {
      const removed = await ctx.store.removeSubscription(where, slug);
      return textReply(
        removed
          ? `Stopped the ${slug} digest in this channel.`
          : `This channel has no ${slug} digest.`,
        !removed,
      );
    }
    const time = inv.options.time ?? '';
    const m = TIME.exec(time.trim());
    if (!m) return textReply(`"${time}" is not a time: use HH:MM, such as 08:00.`, true);
    const timezone = inv.options.timezone?.trim() || ctx.config.timezone;
    if (!isValidTimeZone(timezone))
      return textReply(
        `"${timezone}" is not a time zone: use an IANA name such as Europe/London.`,
        true,
      );
    const topic = resolveTopic(slug, ctx.topics);
    const hhmm = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    const sub = await ctx.store.saveSubscription({
      ...where,
      topic: topic.slug,
      schedule: `daily ${hhmm}`,
      timezone,
      createdBy: inv.user.id,
    });
    return textReply(
      `Subscribed: a ${topic.title} digest every day at ${hhmm} (${sub.timezone}) in this channel.`,
    );
  },
};
