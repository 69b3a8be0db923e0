import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, withDotEnv } from '../config.ts';
import { type ErrorCode, isBriefwireError } from '../model/errors.ts';
import { CATALOG } from './catalog.ts';
import { type CliIO, EXIT, errorLine } from './io.ts';

/** Errors about how the command was called rather than about the work. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['USAGE', 'CONFIG_INVALID', 'TOPIC_INVALID']);

function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...CATALOG.map((c) => c.name.length));
  return [
    'briefwire — news briefings from stored articles',
    '',
    'Commands:',
    ...CATALOG.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
  const entry = CATALOG.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`briefwire: unknown command "${name}" [USAGE]\n\n${help()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
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
