import { loadConfig } from '../config.ts';
import { BriefwireError } from '../errors.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

export const serve: Subcommand = {
  name: 'serve',
  summary: 'run the bot on the configured chat platforms',
  usage: 'briefwire serve [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('serve', argv, {});
    const db = stringOption(parsed, 'db');
    loadConfig(io.env, db ? { db } : {});
    const discord = Boolean(io.env.DISCORD_TOKEN);
    const slack = Boolean(io.env.SLACK_BOT_TOKEN);
    if (!discord && !slack) {
      throw new BriefwireError(
        'CONFIG_INVALID',
        'No chat platform is configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord, or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN for Slack (see .env.example). To try Briefwire without one: briefwire demo',
        'DISCORD_TOKEN',
      );
    }
    io.stderr.write(
      'The Discord and Slack adapters are not part of this build yet; use `briefwire brief` meanwhile.\n',
    );
    return EXIT.failed;
  },
};
