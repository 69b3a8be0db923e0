import { openApp, startServing } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

export const serve: Subcommand = {
  name: 'serve',
  usage: 'briefwire serve [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('serve', argv, {});
    const db = stringOption(parsed, 'db');
    const config = loadConfig(io.env, db ? { db } : {});
    const app = await openApp(config);
    const log = (line: string): void =>
      void io.stderr.write(`${new Date().toISOString()} ${line}\n`);
    try {
      const serving = await startServing(app, log);
      // The handlers go in before the "serving" line: whoever waits for that line may signal
      // at once, and a signal with no handler yet kills the process without a clean stop.
      const stopped = new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          log(`${signal}: stopping`);
          resolve();
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      log(`briefwire serving on ${serving.platforms.join(', ')}; store ${config.db}`);
      await stopped;
      await serving.stop();
      return EXIT.ok;
    } finally {
      await app.close();
    }
  },
};
