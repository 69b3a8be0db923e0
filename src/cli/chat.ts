import { startConsoleChat } from '../app.ts';
import { forTerminal } from '../render/terminal.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

export const chat: Subcommand = {
  name: 'chat',
  usage: 'briefwire chat [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('chat', argv, {});
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const adapter = await startConsoleChat(
        app,
        { input: io.stdin ?? process.stdin, output: io.stdout },
        // Log lines can quote article text or what was typed: no escape sequence gets through.
        (m) => void io.stderr.write(`${forTerminal(m)}\n`),
      );
      await adapter.finished();
      return EXIT.ok;
    });
  },
};
