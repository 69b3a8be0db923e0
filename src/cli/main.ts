import { readFileSync } from 'node:fs';
import { withDotEnv } from '../config.ts';
import { type ErrorCode, isBriefwireError } from '../model/errors.ts';
import { analyze } from './analyze.ts';
import { exportDump, importDump } from './archive.ts';
import { ask } from './ask.ts';
import { brief } from './brief.ts';
import { chat } from './chat.ts';
import { demo } from './demo.ts';
import { feeds } from './feeds.ts';
import { ingest } from './ingest.ts';
import { type CliIO, EXIT, errorLine, type Subcommand } from './io.ts';
import { migrate } from './migrate.ts';
import { serve } from './serve.ts';
import { subscribe, subscriptions, unsubscribe } from './subscriptions.ts';
import { topics } from './topics.ts';

const COMMANDS: Subcommand[] = [
  demo,
  ingest,
  feeds,
  brief,
  ask,
  chat,
  topics,
  subscribe,
  subscriptions,
  unsubscribe,
  analyze,
  serve,
  migrate,
  exportDump,
  importDump,
];

/** Errors about how the command was called rather than about the work. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['USAGE', 'CONFIG_INVALID', 'TOPIC_INVALID']);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'briefwire — news briefings from stored articles',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db PATH|URL (default: $BRIEFWIRE_DB, $DATABASE_URL, ./data/briefwire.db).',
    'Run `briefwire <command> --help` for its options.',
    '',
  ].join('\n');
}

const processIO = (): CliIO => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

/**
 * Runs one command. Without `given` it runs as the process: its streams, and process.env over
 * the working directory's .env. Tests hand in the whole environment they mean instead.
 */
export async function main(argv: string[], given?: CliIO): Promise<number> {
  const io = given ?? processIO();
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`briefwire: unknown command "${name}" [USAGE]\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`usage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    const env = given ? given.env : withDotEnv(io.env, io.cwd);
    return await command.run(rest, { ...io, env });
  } catch (e) {
    // The one place a failed command is reported: messages carry no prefix of their own.
    if (isBriefwireError(e)) {
      io.stderr.write(errorLine(name, e.message, e.code));
      return USAGE_CODES.has(e.code) ? EXIT.usage : EXIT.failed;
    }
    io.stderr.write(
      errorLine(
        name,
        `unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      ),
    );
    return EXIT.failed;
  }
}
