import type { App } from '../app.ts';
import { normaliseSlug } from '../briefing/topics.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { followFeed } from '../ingest/feeds/follow.ts';
import { parseOpml, toOpml } from '../ingest/feeds/opml.ts';
import { type FeedPoll, type PollDeps, pollFeeds } from '../ingest/feeds/poll.ts';
import { formatDuration, parseEvery } from '../ingest/feeds/poll-schedule.ts';
import type { FeedPollReport } from '../ingest/feeds/types.ts';
import { readBounded } from '../ingest/read-input.ts';
import { isUrlInput } from '../ingest/url.ts';
import { BriefwireError } from '../model/errors.ts';
import { forTerminalLine } from '../render/terminal.ts';
import type { Feed } from '../store/ports/feeds.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, type Parsed, parseOptions, stringOption } from './options.ts';

/**
 * `briefwire feeds add|list|remove|import|export|poll`: the feeds Briefwire follows. Adding
 * a feed polls it at once and prints what it found; `poll` polls the due ones (all with
 * --all) and exits, with one report a feed (`--json`: {feeds: [FeedPollReport]}).
 */

const USAGE = [
  'briefwire feeds add <url> [--topic SLUG] [--every 15m] [--json]',
  'briefwire feeds list [--json]',
  'briefwire feeds remove <id|url>',
  'briefwire feeds import <file.opml> [--topic SLUG] [--every 15m]',
  'briefwire feeds export',
  'briefwire feeds poll [--all] [--json]',
].join('\n       ');

/** Bytes read from an OPML file. */
const OPML_MAX_BYTES = 10 * 1024 * 1024;

function usage(): BriefwireError {
  return new BriefwireError('USAGE', `usage: ${USAGE}`, 'feeds');
}

function pollDeps(app: App): PollDeps {
  return {
    fetcher: app.fetcher,
    articles: app.stores.articles,
    feeds: app.stores.feeds,
    now: () => app.clock.now(),
  };
}

function topicOption(parsed: Parsed): string | null {
  const topic = stringOption(parsed, 'topic');
  if (topic === undefined) return null;
  // The same rule as everywhere a topic is named: accents dropped, letters, digits and dashes.
  return normaliseSlug(topic);
}

function everyOption(parsed: Parsed, app: App): number {
  const every = stringOption(parsed, 'every');
  return every === undefined ? app.config.feedEveryMs : parseEvery(every);
}

function onlyPositional(parsed: Parsed, what: string): string {
  const [value, ...extra] = parsed.positionals;
  if (value === undefined || extra.length > 0 || value.trim() === '')
    throw new BriefwireError(
      'USAGE',
      `give exactly one ${what} (see briefwire feeds --help)`,
      'feeds',
    );
  return value.trim();
}

export const feeds: Subcommand = {
  name: 'feeds',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [sub, ...rest] = argv;
    const parsed = parseOptions(`feeds ${sub ?? ''}`.trim(), rest, {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      topic: { type: 'string' },
      every: { type: 'string' },
    });
    const run = SUBCOMMANDS[sub ?? ''];
    if (!run) throw usage();
    return withApp(io, stringOption(parsed, 'db'), (app) => run(app, parsed, io));
  },
};

type Run = (app: App, parsed: Parsed, io: CliIO) => Promise<number>;

const SUBCOMMANDS: Readonly<Record<string, Run>> = {
  add: addFeed,
  list: listFeeds,
  remove: removeFeed,
  import: importFeeds,
  export: exportFeeds,
  poll: pollDue,
};

async function addFeed(app: App, parsed: Parsed, io: CliIO): Promise<number> {
  const url = onlyPositional(parsed, 'feed URL');
  if (!isUrlInput(url))
    throw new BriefwireError('USAGE', `"${url}" is not a URL (http:// or https://)`, url);
  const topic = topicOption(parsed);
  const everyMs = everyOption(parsed, app);
  // A URL that cannot be a feed is not kept: followFeed removes it and throws, naming it.
  const { feed, created, poll } = await followFeed(pollDeps(app), { url, topic, everyMs });
  if (flag(parsed, 'json')) {
    io.stdout.write(
      `${JSON.stringify({ feed: poll.feed, created, poll: poll.report }, null, 2)}\n`,
    );
  } else {
    const verb = created ? 'added' : 'already following';
    io.stdout.write(`${verb} feed ${feed.id} ${forTerminalLine(url)}\n`);
    io.stdout.write(pollLines(poll.report));
  }
  return poll.report.status === 'failed' ? EXIT.failed : EXIT.ok;
}

async function listFeeds(app: App, parsed: Parsed, io: CliIO): Promise<number> {
  const all = await app.stores.feeds.list();
  if (flag(parsed, 'json')) {
    io.stdout.write(`${JSON.stringify({ feeds: all }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (all.length === 0) {
    io.stdout.write('No feeds followed. Add one with: briefwire feeds add <url>\n');
    return EXIT.ok;
  }
  for (const feed of all) io.stdout.write(feedLines(feed));
  return EXIT.ok;
}

async function removeFeed(app: App, parsed: Parsed, io: CliIO): Promise<number> {
  const which = onlyPositional(parsed, 'feed id or URL');
  const removed = await app.stores.feeds.remove(which);
  if (!removed)
    throw new BriefwireError(
      'FEED_UNKNOWN',
      `no feed with id or URL "${which}" is followed (see briefwire feeds list)`,
      which,
    );
  io.stdout.write(`removed feed ${removed.id} ${forTerminalLine(removed.url)}\n`);
  return EXIT.ok;
}

async function importFeeds(app: App, parsed: Parsed, io: CliIO): Promise<number> {
  const file = onlyPositional(parsed, 'OPML file');
  let bytes: Buffer;
  try {
    bytes = await readBounded(file, OPML_MAX_BYTES);
  } catch (e) {
    if (e instanceof BriefwireError) throw e;
    throw new BriefwireError('INPUT_NOT_FOUND', `${file}: cannot be read`, file, { cause: e });
  }
  const outlines = parseOpml(decodeBytes(bytes, { html: true }).text, file);
  const topic = topicOption(parsed);
  const everyMs = everyOption(parsed, app);
  let added = 0;
  for (const outline of outlines) {
    const { feed, created } = await app.stores.feeds.add({ url: outline.url, topic, everyMs });
    if (created) added++;
    const verb = created ? 'added' : 'already following';
    io.stdout.write(`${verb.padEnd(17)} feed ${feed.id} ${forTerminalLine(feed.url)}\n`);
  }
  io.stderr.write(
    `${added} feed(s) added, ${outlines.length - added} already followed; they are polled by serve or briefwire feeds poll\n`,
  );
  return EXIT.ok;
}

async function exportFeeds(app: App, _parsed: Parsed, io: CliIO): Promise<number> {
  const all = await app.stores.feeds.list();
  io.stdout.write(
    toOpml(
      all.map((f) => ({ url: f.url, title: f.title })),
      'Briefwire feeds',
    ),
  );
  return EXIT.ok;
}

async function pollDue(app: App, parsed: Parsed, io: CliIO): Promise<number> {
  const json = flag(parsed, 'json');
  const onPoll = (poll: FeedPoll): void => {
    if (!json) io.stdout.write(pollLines(poll.report));
  };
  const polls = await pollFeeds(pollDeps(app), { all: flag(parsed, 'all'), onPoll });
  const reports = polls.map((p) => p.report);
  if (json) io.stdout.write(`${JSON.stringify({ feeds: reports }, null, 2)}\n`);
  else if (reports.length === 0)
    io.stderr.write('No feed is due; briefwire feeds poll --all polls every feed now\n');
  return reports.some((r) => r.status === 'failed') ? EXIT.failed : EXIT.ok;
}

/** One line for a feed's poll, then one for each entry skipped or stored partial. */
export function pollLines(report: FeedPollReport): string {
  const url = forTerminalLine(report.url);
  const lines =
    report.status === 'failed'
      ? [`failed       ${url} — ${forTerminalLine(report.error ?? '')}`]
      : [
          `${report.status.padEnd(12)} ${url} — ${report.new} new, ${report.duplicates} duplicate, ${report.partial} partial, ${report.skipped.length} skipped`,
        ];
  for (const s of report.skipped)
    lines.push(`  skipped    ${forTerminalLine(s.item)} — ${forTerminalLine(s.reason)}`);
  return `${lines.join('\n')}\n`;
}

/** A feed's health for `feeds list`. */
function feedLines(feed: Feed): string {
  const head = [
    `${feed.id}`,
    forTerminalLine(feed.url),
    feed.topic ? `topic ${forTerminalLine(feed.topic)}` : 'no topic',
    `every ${formatDuration(feed.everyMs)}`,
  ].join('  ');
  const lines = [head];
  if (feed.title) lines.push(`    title: ${forTerminalLine(feed.title)}`);
  lines.push(
    feed.lastPolledAt === null
      ? '    not polled yet'
      : `    last poll ${feed.lastPolledAt} ${feed.lastStatus}: ${feed.lastNew} new, ${feed.totalNew} in total; next ${feed.nextPollAt}`,
  );
  if (feed.failingSince !== null)
    lines.push(
      `    failing since ${feed.failingSince} (${feed.failures} failed poll(s)): ${forTerminalLine(feed.lastError ?? '')}`,
    );
  for (const s of feed.lastSkipped)
    lines.push(`    skipped ${forTerminalLine(s.item)} — ${forTerminalLine(s.reason)}`);
  return `${lines.join('\n')}\n`;
}
