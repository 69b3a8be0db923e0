import { COMMANDS } from '../../commands/index.ts';
import { focusOf, resolvePronouns } from '../answer/follow-up.ts';
import { createAnswerer } from '../answer/index.ts';
import { isBriefwireError, reasonOf } from '../errors.ts';
import type { CommandContext, CommandSpec } from './command-spec.ts';
import { threadKey } from './keys.ts';
import type { ChatUser, InboundHandlers, Invocation, ThreadRef } from './port.ts';
import { type Reply, textReply } from './reply.ts';

/**
 * The core's side of every chat platform: runs commands (with the permission check at run
 * time, whatever the platform's own defaults say), suggests topics, remembers which briefing
 * a thread is about, and answers questions asked there.
 */

/** Autocomplete lists are capped by the platforms (Discord: 25). */
const MAX_SUGGESTIONS = 25;

export interface HandlerOptions {
  commands?: readonly CommandSpec[];
  /** Logs failures the person only sees as a short message. */
  log?: (message: string) => void;
}

export function createHandlers(ctx: CommandContext, options: HandlerOptions = {}): InboundHandlers {
  const commands = options.commands ?? COMMANDS;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const answer = createAnswerer(ctx.config.llm);
  return {
    async command(inv: Invocation): Promise<Reply> {
      const spec = commands.find((c) => c.name === inv.command);
      if (!spec) return textReply(`Unknown command /${inv.command}.`, true);
      const sub = spec.subcommands.find((s) => s.name === inv.subcommand);
      if (spec.subcommands.length && !sub)
        return textReply(
          `/${spec.name} needs one of: ${spec.subcommands.map((s) => s.name).join(', ')}.`,
          true,
        );
      if (sub?.manage && !inv.user.canManage) {
        return textReply(`Only people who can manage this channel may ${sub.name} here.`, true);
      }
      try {
        return await spec.run(ctx, inv);
      } catch (e) {
        if (isBriefwireError(e)) return textReply(e.message, true);
        log(`/${spec.name} failed: ${reasonOf(e)}`);
        return textReply(
          'Something went wrong building that; it has been logged. Please try again.',
          true,
        );
      }
    },

    async autocomplete(_command: string, option: string, typed: string): Promise<string[]> {
      if (option !== 'topic') return [];
      const q = typed.trim().toLowerCase();
      const slugs = ctx.topics.map((t) => t.slug);
      const ranked = [
        ...slugs.filter((s) => s.startsWith(q)),
        ...slugs.filter((s) => !s.startsWith(q) && s.includes(q)),
      ];
      return ranked.slice(0, MAX_SUGGESTIONS);
    },

    async briefingPosted(thread: ThreadRef, briefingId: number): Promise<void> {
      await ctx.store.linkThread(threadKey(thread), briefingId);
    },

    async threadMessage(thread: ThreadRef, text: string, _user: ChatUser): Promise<Reply | null> {
      const briefingId = await ctx.store.briefingForThread(threadKey(thread));
      if (briefingId === null) return null;
      const briefing = await ctx.store.getBriefing(briefingId);
      const asked = text.replace(/<@[!&]?\d+>|<@[A-Z0-9]+>/g, ' ').trim();
      if (!asked)
        return textReply(
          'Ask me a question about this briefing, and I will answer from its articles.',
        );
      // "What else did he say?": pronouns mean whoever the thread's last question was about.
      const key = threadKey(thread);
      const question = resolvePronouns(asked, await ctx.store.threadFocus(key));
      const focus = focusOf(question);
      if (focus) await ctx.store.setThreadFocus(key, focus);
      return {
        kind: 'answer',
        answer: await answer(ctx.store, question, briefing?.articleIds ?? []),
      };
    },
  };
}
