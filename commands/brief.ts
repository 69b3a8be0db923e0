import { buildBriefing } from '../src/briefing/build.ts';
import type { CommandSpec } from '../src/chat/command-spec.ts';
import { audienceOf } from '../src/chat/keys.ts';

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
    const briefing = await buildBriefing(ctx.store, ctx.topics, {
      topic,
      ...(since ? { since } : {}),
      now: ctx.now(),
      audience: audienceOf(invocation.channel),
      record: true,
    });
    return { kind: 'briefing', briefing };
  },
};
