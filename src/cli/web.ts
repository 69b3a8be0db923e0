import { startWeb } from '../app.ts';
import { BriefwireError } from '../model/errors.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

export const web: Subcommand = {
  name: 'web',
  usage: 'briefwire web [--port N] [--host ADDRESS] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('web', argv, {
      port: { type: 'string' },
      host: { type: 'string' },
    });
    const portText = stringOption(parsed, 'port') ?? '8080';
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535)
      throw new BriefwireError(
        'USAGE',
        `--port must be a port number from 0 to 65535 (got "${portText}")`,
        portText,
      );
    const host = stringOption(parsed, 'host') ?? '127.0.0.1';
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const log = (line: string): void =>
        void io.stderr.write(`${new Date().toISOString()} ${line}\n`);
      const serving = await startWeb(app, { port: Number(portText), host }, log);
      const stopped = new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      io.stderr.write(`briefwire web pages on http://${host}:${serving.port}\n`);
      await stopped;
      await serving.stop();
      return EXIT.ok;
    });
  },
};
