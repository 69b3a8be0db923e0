import { COMMANDS } from '../../commands/index.ts';
import type { CommandContext } from '../../commands/spec.ts';
import { answerQuestion } from '../../src/answer/extractive.ts';
import type { HandlerDeps } from '../../src/chat/handlers.ts';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';

/** A command context as a test writes it: the fetcher (127.0.0.1 let through) and interval optional. */
export type TestCommandContext = Omit<CommandContext, 'fetcher' | 'feedEveryMs'> &
  Partial<Pick<CommandContext, 'fetcher' | 'feedEveryMs'>>;

/** Handlers' dependencies as src/app.ts wires them: every command, the extractive answerer. */
export function handlerDeps(context: TestCommandContext, log: (m: string) => unknown): HandlerDeps {
  // The test's context stays the prototype, so a getter in it (a store swapped later) still reads live.
  const full = Object.create(context) as CommandContext;
  if (!context.fetcher) full.fetcher = createFetcher(fetchSettings(['127.0.0.1']));
  if (context.feedEveryMs === undefined) full.feedEveryMs = 15 * 60_000;
  return { context: full, commands: COMMANDS, answer: answerQuestion, log: (m) => void log(m) };
}
