import { COMMANDS } from '../../commands/index.ts';
import type { CommandContext } from '../../commands/spec.ts';
import { answerQuestion } from '../../src/answer/extractive.ts';
import type { HandlerDeps } from '../../src/chat/handlers.ts';

/** Handlers' dependencies as src/app.ts wires them: every command, the extractive answerer. */
export function handlerDeps(context: CommandContext, log: (m: string) => unknown): HandlerDeps {
  return { context, commands: COMMANDS, answer: answerQuestion, log: (m) => void log(m) };
}
