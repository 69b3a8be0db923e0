import { parseArgs } from 'node:util';
import { BriefwireError } from '../model/errors.ts';

/** Option parsing shared by every subcommand; unknown options and missing values are usage errors. */

export interface OptionSpec {
  [name: string]: { type: 'string' | 'boolean'; short?: string };
}

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseOptions(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const message =
      e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e);
    // The message stays bare (main prints the command); the input is the command line as typed.
    throw new BriefwireError('USAGE', message, ['briefwire', command, ...argv].join(' '));
  }
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}
