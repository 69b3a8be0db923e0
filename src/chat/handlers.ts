import type { CommandContext, CommandSpec } from '../../commands/spec.ts';
import { resolveFollowUp, threadHistory } from '../answer/follow-up.ts';
import type { Answerer } from '../answer/index.ts';
import { recordedTurn } from '../answer/thread-turn.ts';
import type { ChatUser, InboundHandlers, Invocation } from '../model/chat-port.ts';
import { isBriefwireError, reasonOf } from '../model/errors.ts';
import { type ThreadRef, threadKey } from '../model/refs.ts';
import { type Reply, textReply } from '../model/reply.ts';

/**
 * The core's side of every chat platform: runs commands (with the permission check at run
 * time, whatever the platform's own defaults say), suggests topics, remembers which briefing
 * a thread is about, and answers questions asked there. Platform markup (mentions) is already
 * gone from the text: the adapter that knows it strips it.
 */

/**
 * What a person is told while the database cannot be reached: the details (its host) go to
 * the log, and trying again later will work once it is back.
 */
export const STORE_UNAVAILABLE_REPLY =
  'Briefwire cannot reach its database just now; please try again in a minute.';

/** A store failure whose message names the database: logged, never shown in chat. */
function isStoreTrouble(e: unknown): boolean {
  return isBriefwireError(e) && /^STORE_/.test(e.code);
}

/** Autocomplete lists are capped by the platforms (Discord: 25). */
const MAX_SUGGESTIONS = 25;

export interface HandlerDeps {
  context: CommandContext;
  commands: readonly CommandSpec[];
  answer: Answerer;
  /** Logs failures the person only sees as a short message. */
  log: (message: string) => void;
}

export function createHandlers(deps: HandlerDeps): InboundHandlers {
  const { context: ctx, commands, answer, log } = deps;
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
        if (isStoreTrouble(e)) {
          log(`/${spec.name} failed: ${reasonOf(e)}`);
          return textReply(STORE_UNAVAILABLE_REPLY, true);
        }
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
      await ctx.stores.threads.link(threadKey(thread), briefingId);
    },

    async threadMessage(
      thread: ThreadRef,
      text: string,
      _user: ChatUser,
      event?: string,
    ): Promise<Reply | null> {
      try {
        // One answer per message, whichever replica the platform (or its retry) reached.
        const at = ctx.now().toISOString();
        if (event && !(await ctx.stores.threads.firstHandling(`${thread.platform}:${event}`, at)))
          return null;
        return await answerInThread(thread, text);
      } catch (e) {
        if (!isStoreTrouble(e)) throw e;
        log(`a question in ${threadKey(thread)} failed: ${reasonOf(e)}`);
        return textReply(STORE_UNAVAILABLE_REPLY);
      }
    },
  };

  async function answerInThread(thread: ThreadRef, text: string): Promise<Reply | null> {
    const key = threadKey(thread);
    const briefingId = await ctx.stores.threads.briefingFor(key);
    if (briefingId === null) return null;
    const briefing = await ctx.stores.briefings.get(briefingId);
    const asked = text.trim();
    if (!asked)
      return textReply(
        'Ask me a question about this briefing, and I will answer from its articles.',
      );
    // "What else did he say?": pronouns mean the last person of that gender the thread
    // talked about; when several could be meant, the reply asks which.
    const articleIds = briefing?.articleIds ?? [];
    const followUp = await resolveFollowUp(
      ctx.stores.articles,
      asked,
      await threadHistory(ctx.stores.threads, key),
      articleIds,
    );
    if (followUp.kind === 'unclear') return { kind: 'answer', answer: followUp.answer };
    const answered = await answer(ctx.stores.articles, followUp.question, articleIds);
    await ctx.stores.threads.addTurn(
      key,
      await recordedTurn(ctx.stores.articles, followUp.question, answered, articleIds),
    );
    return { kind: 'answer', answer: answered };
  }
}
