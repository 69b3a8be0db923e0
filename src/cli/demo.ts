import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../app.ts';
import { buildBriefing } from '../briefing/build.ts';
import { loadConfig, PACKAGE_ROOT } from '../config.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { forTerminal } from '../render/terminal.ts';
import { renderBriefing } from '../render/text.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

/** The sample articles shipped with Briefwire: written by us, fictional, and labelled so. */
export const DEMO_ARTICLES = join(PACKAGE_ROOT, 'demo', 'articles');
export const DEMO_TOPIC = 'marrowby-strike';

export const demo: Subcommand = {
  name: 'demo',
  usage: 'briefwire demo [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('demo', argv, {});
    const given = stringOption(parsed, 'db');
    // Without --db the demo writes only to a temporary folder, removed afterwards.
    const tempDir = given ? null : await mkdtemp(join(tmpdir(), 'briefwire-demo-'));
    const db = given ?? join(tempDir!, 'demo.db');
    try {
      const app = await openApp(loadConfig(io.env, { db }));
      try {
        io.stderr.write(
          `Briefwire demo: ingesting the fictional sample articles in ${DEMO_ARTICLES}\n`,
        );
        const report = await ingestPaths(app.stores, [DEMO_ARTICLES]);
        for (const item of report.items)
          io.stderr.write(
            `  ${item.status.padEnd(9)} ${item.title ?? item.input}${item.reason && item.status !== 'stored' ? ` — ${item.reason}` : ''}\n`,
          );
        io.stderr.write(`\n$ briefwire brief ${DEMO_TOPIC} --since all\n\n`);
        const briefing = await buildBriefing(app.stores, app.topics, {
          topic: DEMO_TOPIC,
          since: 'all',
        });
        io.stdout.write(forTerminal(renderBriefing(briefing, 'text')));
        io.stderr.write(
          '\nThese articles are fictional samples. Next: briefwire ingest <your files>, then briefwire brief <topic>.\n',
        );
      } finally {
        await app.close();
      }
      return EXIT.ok;
    } finally {
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    }
  },
};
