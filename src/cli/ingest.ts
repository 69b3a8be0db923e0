import { ingestPaths } from '../ingest/ingest.ts';
import { BriefwireError } from '../model/errors.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

export const ingest: Subcommand = {
  name: 'ingest',
  summary: 'store articles from files and folders (.txt, .md, .html, .json)',
  usage: 'briefwire ingest <file|dir>… [--json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('ingest', argv, { json: { type: 'boolean' } });
    if (!parsed.positionals.length) throw new BriefwireError('USAGE', `usage: ${this.usage}`, '');
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const report = await ingestPaths(app.stores, parsed.positionals);
      if (flag(parsed, 'json')) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        for (const item of report.items) {
          const detail =
            item.status === 'stored' ? `“${item.title}” (article ${item.articleId})` : item.reason;
          io.stdout.write(`${item.status.padEnd(9)} ${item.input} — ${detail}\n`);
        }
        const { stored, duplicate, failed } = report.counts;
        const skipped = report.skippedFiles.length
          ? `; ${report.skippedFiles.length} file(s) with other extensions left out`
          : '';
        io.stderr.write(`${stored} stored, ${duplicate} duplicate, ${failed} failed${skipped}\n`);
      }
      return report.counts.failed > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
