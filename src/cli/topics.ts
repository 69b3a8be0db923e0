import { parseWindow } from '../briefing/window.ts';
import { forTerminalLine } from '../render/terminal.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, errorLine, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

/**
 * `topics`: the defined topics with their article counts. A topic file that is invalid is named
 * on stderr (a warning line each, from opening the app) and skipped; the others are listed, and
 * the exit code is 1, as for ingest: the listing worked, but some of its input is bad, and this
 * is the command a script runs to check a topics folder.
 */
export const topics: Subcommand = {
  name: 'topics',
  usage: 'briefwire topics [--json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('topics', argv, { json: { type: 'boolean' } });
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const now = app.clock.now();
      const rows = [];
      for (const t of app.topics) {
        const { since } = parseWindow(t.window, now);
        const inWindow = await app.stores.articles.countArticles({
          terms: t.terms,
          ...(since ? { since } : {}),
        });
        const total = await app.stores.articles.countArticles({ terms: t.terms });
        rows.push({ slug: t.slug, title: t.title, window: t.window, inWindow, total });
      }
      if (flag(parsed, 'json')) {
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        if (!rows.length)
          io.stdout.write(
            `No topics defined in ${forTerminalLine(app.config.topicsDir)}. Any slug works too: briefwire brief iran-uk\n`,
          );
        const width = Math.max(...rows.map((r) => r.slug.length), 5);
        for (const r of rows) {
          io.stdout.write(
            `${r.slug.padEnd(width)}  ${forTerminalLine(r.title)} — ${r.inWindow} in the last ${r.window}, ${r.total} stored\n`,
          );
        }
      }
      const bad = app.topicProblems.length;
      if (bad === 0) return EXIT.ok;
      io.stderr.write(
        errorLine(
          'topics',
          `${bad === 1 ? '1 topic file is' : `${bad} topic files are`} invalid and skipped (named above)`,
          'TOPIC_INVALID',
        ),
      );
      return EXIT.failed;
    });
  },
};
