import { forTerminalLine } from '../render/terminal.ts';
import { withStore } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

/**
 * `migrate`: brings the database's schema up to date and exits, for a deploy step that runs
 * before the replicas start (each replica also migrates when it opens the store, under the
 * same lock, so this is a convenience, not a requirement).
 */
export const migrate: Subcommand = {
  name: 'migrate',
  usage: 'briefwire migrate [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('migrate', argv, {});
    return withStore(io, stringOption(parsed, 'db'), async (stores) => {
      const versions = await stores.schemaVersions();
      io.stdout.write(
        `${forTerminalLine(stores.location)}: schema version ${versions.at(-1) ?? 0} (${versions.length} migrations applied)\n`,
      );
      return EXIT.ok;
    });
  },
};
