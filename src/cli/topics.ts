import { parseWindow } from '../briefing/window.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

export const topics: Subcommand = {
  name: 'topics',
  summary: 'list defined topics and how many stored articles match each',
  usage: 'briefwire topics [--json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('topics', argv, { json: { type: 'boolean' } });
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const now = new Date();
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
        return EXIT.ok;
      }
      if (!rows.length)
        io.stdout.write(
          `No topics defined in ${app.config.topicsDir}. Any slug works too: briefwire brief iran-uk\n`,
        );
      const width = Math.max(...rows.map((r) => r.slug.length), 5);
      for (const r of rows) {
        io.stdout.write(
          `${r.slug.padEnd(width)}  ${r.title} — ${r.inWindow} in the last ${r.window}, ${r.total} stored\n`,
        );
      }
      return EXIT.ok;
    });
  },
};
