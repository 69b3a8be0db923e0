import { type ItemReport, type ItemStatus, ingestPaths } from '../ingest/ingest.ts';
import { BriefwireError } from '../model/errors.ts';
import { forTerminalLine } from '../render/terminal.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

export const ingest: Subcommand = {
  name: 'ingest',
  usage: 'briefwire ingest <file|dir|url>… [--json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('ingest', argv, { json: { type: 'boolean' } });
    if (!parsed.positionals.length) throw new BriefwireError('USAGE', `usage: ${this.usage}`, '');
    const json = flag(parsed, 'json');
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      // Lines go out as each file is done, so a long batch shows progress and a killed one
      // shows what was stored; --json stays one report at the end.
      const counts: Record<ItemStatus, number> = { stored: 0, duplicate: 0, failed: 0 };
      const onItem = (item: ItemReport): void => {
        counts[item.status] += 1;
        if (!json) io.stdout.write(reportLine(item));
      };
      let report: Awaited<ReturnType<typeof ingestPaths>>;
      try {
        report = await ingestPaths(app.stores, parsed.positionals, {
          onItem,
          maxFileBytes: app.config.maxFileBytes,
          fetcher: app.fetcher,
          ...(app.config.ingestThreads === null ? {} : { threads: app.config.ingestThreads }),
        });
      } catch (e) {
        io.stderr.write(`${summary(counts)} before ingest stopped\n`);
        throw e;
      }
      if (json) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const skipped = report.skippedFiles.length
          ? `; ${report.skippedFiles.length} file(s) with other extensions left out`
          : '';
        io.stderr.write(`${summary(report.counts)}${skipped}\n`);
      }
      return report.counts.failed > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};

/**
 * One line per item. File names, titles and reasons come from the inputs, so each passes
 * through forTerminalLine: a newline in a name cannot forge a line, an escape cannot reach
 * the terminal.
 */
function reportLine(item: ItemReport): string {
  const partial = item.partial ? `; partial: ${forTerminalLine(item.partial)}` : '';
  const detail =
    item.status === 'stored'
      ? `“${forTerminalLine(item.title ?? '')}” (article ${item.articleId}${partial})`
      : `${forTerminalLine(item.reason ?? '')}${item.code ? ` [${item.code}]` : ''}`;
  return `${item.status.padEnd(9)} ${forTerminalLine(item.input)} — ${detail}\n`;
}

function summary(counts: Record<ItemStatus, number>): string {
  return `${counts.stored} stored, ${counts.duplicate} duplicate, ${counts.failed} failed`;
}
