import { buildBriefing } from '../src/briefing/build.ts';
import { audienceOf } from '../src/model/refs.ts';
import type { CommandSpec } from './spec.ts';

/** `/brief topic since`: the briefing, posted where it was asked for, with a thread for questions. */
export const briefCommand: CommandSpec = {
  name: 'brief',
  description: 'A briefing on a topic: summary, key quotes, actors and sources',
  options: [
    { name: 'topic', description: 'Topic, such as iran-uk', required: true, autocomplete: true },
    {
      name: 'since',
      description: 'Window: 24h, 7d, 2w, a date (2026-11-01) or all',
      required: false,
    },
  ],
  subcommands: [],
  async run(ctx, invocation) {
    const topic = invocation.options.topic ?? '';
    const since = invocation.options.since;
    const briefing = await buildBriefing(ctx.stores, ctx.topics, {
      topic,
      ...(since ? { since } : {}),
      now: ctx.now(),
      audience: audienceOf(invocation.channel),
      record: true,
    });
    const url = briefing.id === null ? null : await ctx.briefingUrl?.(briefing.id);
    if (url) briefing.url = url;
    return { kind: 'briefing', briefing };
  },
};
