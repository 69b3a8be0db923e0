import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ChatAdapter, ChatUser, InboundHandlers } from '../../model/chat-port.ts';
import type { CommandDeclaration } from '../../model/command.ts';
import type { ChannelRef, Posted, ThreadRef } from '../../model/refs.ts';
import type { Reply } from '../../model/reply.ts';
import { renderAnswer } from '../../render/answer.ts';
import { forTerminal } from '../../render/terminal.ts';
import { renderBriefing, renderDigestText } from '../../render/text.ts';
import { helpText, parseCommandText } from '../command-text.ts';

/**
 * The terminal as a chat platform: `/brief iran-uk` posts a briefing and opens the session's
 * thread on it; any other line is a question in that thread. The same handlers and commands as
 * Discord and Slack run underneath, so trying the bot here is trying the bot.
 */
export interface ConsoleOptions {
  input: Readable;
  /** The declared commands (commands/, handed over by src/app.ts). */
  commands: readonly CommandDeclaration[];
  output: { write(chunk: string): unknown };
  /** The person at the terminal; they manage their own console "channel". */
  user?: ChatUser;
}

const CHANNEL: ChannelRef = { platform: 'console', workspace: null, channel: 'terminal' };
const CHAT_TEXT = { origins: false } as const;

export interface ConsoleAdapter extends ChatAdapter {
  /** Resolves when the input ends (Ctrl-D) or `stop()` is called. */
  finished(): Promise<void>;
}

export function createConsoleAdapter(options: ConsoleOptions): ConsoleAdapter {
  const user = options.user ?? { id: 'local', name: 'you', canManage: true };
  // Everything shown here may carry article text (or echo it in an error): no escape sequence
  // reaches the terminal.
  const write = (raw: string): void => {
    const text = forTerminal(raw);
    void options.output.write(text.endsWith('\n') ? text : `${text}\n`);
  };
  let thread: ThreadRef | null = null;
  let posts = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  let close: () => void = () => {};

  const show = (reply: Reply): void => {
    // A chat, even in the terminal: articles are named by title and outlet, never by file path.
    if (reply.kind === 'briefing') write(renderBriefing(reply.briefing, 'text', CHAT_TEXT));
    else if (reply.kind === 'answer') write(renderAnswer(reply.answer, true, CHAT_TEXT));
    else if (reply.kind === 'digest') write(renderDigestText(reply.digest, CHAT_TEXT));
    else write(reply.text);
  };

  const adapter: ConsoleAdapter = {
    platform: 'console',
    async start(handlers: InboundHandlers) {
      const lines = createInterface({ input: options.input, terminal: false });
      close = () => lines.close();
      write(
        'Briefwire chat. Type /brief <topic> (for example /brief iran-uk), then ask questions; /brief help lists the commands; Ctrl-D quits.',
      );
      // One line at a time, in order: a question must not overtake the briefing it is about.
      let queue = Promise.resolve();
      lines.on('line', (line) => {
        queue = queue
          .then(() => handleLine(handlers, line.trim()))
          .catch((e: unknown) => write(`error: ${String(e)}`));
      });
      lines.on('close', () => void queue.then(done));
    },
    async post(_target: ChannelRef, reply: Reply): Promise<Posted> {
      show(reply);
      posts += 1;
      return { ...CHANNEL, thread: `session-${posts}`, messageId: `message-${posts}` };
    },
    // The terminal keeps no history to look in: the slot ledger alone decides.
    async findDigest() {
      return null;
    },
    async reply(_thread: ThreadRef, reply: Reply) {
      show(reply);
    },
    async stop() {
      close();
      done();
    },
    finished: () => finished,
  };

  async function handleLine(handlers: InboundHandlers, line: string): Promise<void> {
    if (!line) return;
    if (line.startsWith('/')) {
      const [slash = '', ...rest] = line.split(/\s+/);
      const parsed = parseCommandText(rest.join(' '), options.commands, 'brief', slash);
      if (parsed.kind === 'help') return write(helpText(options.commands, 'brief', '/brief'));
      if (parsed.kind === 'topics')
        return write(
          (await handlers.autocomplete('brief', 'topic', '')).join('\n') || 'No topics defined.',
        );
      if (parsed.kind === 'usage') return write(parsed.message);
      const reply = await handlers.command({ ...parsed, user, channel: CHANNEL });
      const opened = await adapter.post(CHANNEL, reply);
      if (reply.kind === 'briefing' && reply.briefing.id !== null) {
        thread = opened;
        await handlers.briefingPosted(opened, reply.briefing.id);
      }
      return;
    }
    if (!thread) return write('Ask for a briefing first, for example: /brief iran-uk');
    const reply = await handlers.threadMessage(thread, line, user);
    if (reply) await adapter.reply(thread, reply);
  }

  return adapter;
}
