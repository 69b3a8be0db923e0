import type { Readable } from 'node:stream';
import type { Env } from '../config.ts';
import { forTerminalLine } from '../render/terminal.ts';

/** What a subcommand may touch: its streams, environment and working directory. Tests pass fakes. */
export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Env;
  cwd: string;
  /** Only `chat` reads input; tests pass a stream of lines. */
  stdin?: Readable;
}

export interface Subcommand {
  name: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Exit codes: 0 ok, 1 the work failed (some input bad, nothing to brief), 2 usage or configuration. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * How every error a user sees is printed: the command once, the message, then its code. The
 * message may hold a path or text from an input, so it cannot control the terminal or add lines.
 */
export function errorLine(command: string, message: string, code?: string): string {
  return `briefwire ${command}: ${forTerminalLine(message)}${code ? ` [${code}]` : ''}\n`;
}
