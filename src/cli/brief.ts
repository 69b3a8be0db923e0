import { userInfo } from 'node:os';
import { briefingUrl } from '../app.ts';
import { buildBriefing } from '../briefing/build.ts';
import { BriefwireError } from '../model/errors.ts';
import { renderJson } from '../render/json.ts';
import { forTerminal } from '../render/terminal.ts';
import { renderBriefing } from '../render/text.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

/** The CLI's audience for "what's new since": the person at the terminal. */
function localUser(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const brief: Subcommand = {
  name: 'brief',
  usage:
    'briefwire brief <topic> [--since 24h|7d|DATE|all] [--since-last] [--for NAME] [--format text|markdown|json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('brief', argv, {
      since: { type: 'string' },
      'since-last': { type: 'boolean' },
      for: { type: 'string' },
      format: { type: 'string', short: 'f' },
    });
    const [topic, ...extra] = parsed.positionals;
    if (!topic || extra.length)
      throw new BriefwireError('USAGE', `usage: ${this.usage}`, argv.join(' '));
    const format = (stringOption(parsed, 'format') ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new BriefwireError(
        'USAGE',
        `--format must be one of ${FORMATS.join(', ')} (got "${format}")`,
        format,
      );
    const since = stringOption(parsed, 'since');
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const briefing = await buildBriefing(app.stores, app.topics, {
        topic,
        now: app.clock.now(),
        ...(since ? { since } : {}),
        audience: `cli:${stringOption(parsed, 'for') ?? localUser()}`,
        ...(flag(parsed, 'since-last') ? { news: 'lead' as const } : {}),
        record: true,
      });
      const url = await briefingUrl(app, briefing.id);
      if (url) briefing.url = url;
      // JSON is data, with every control escaped (jsonText); text and Markdown reach a terminal.
      io.stdout.write(
        format === 'json' ? renderJson(briefing) : forTerminal(renderBriefing(briefing, format)),
      );
      return EXIT.ok;
    });
  },
};
