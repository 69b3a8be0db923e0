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
    refuseBlankValues(command, argv, values);
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    if (e instanceof BriefwireError) throw e;
    const message =
      e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, '') : String(e);
    // The message stays bare (main prints the command); the input is the command line as typed.
    throw new BriefwireError('USAGE', message, ['briefwire', command, ...argv].join(' '));
  }
}

/**
 * An option given as "" or spaces is refused rather than read as left out: `--timezone ""`
 * silently meaning the default zone, or `--db ""` the default store, is a surprise.
 */
function refuseBlankValues(
  command: string,
  argv: string[],
  values: Record<string, string | boolean | (string | boolean)[] | undefined>,
): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') {
      throw new BriefwireError(
        'USAGE',
        `--${name} is empty: give it a value, or leave the option out`,
        ['briefwire', command, ...argv].join(' '),
      );
    }
  }
}

/** Digits only, no leading zero: "1e3", "0x10", "+4", "2.0" and "010" are not ids or counts. */
const POSITIVE_INTEGER = /^[1-9]\d*$/;

/**
 * A positive whole number as typed on the command line (an id, a count, a limit, a port),
 * or a USAGE error naming the argument. Number() alone would read "1e3" as 1000.
 */
export function positiveInteger(text: string, what: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = POSITIVE_INTEGER.test(text) ? Number(text) : Number.NaN;
  if (!(n <= max)) {
    throw new BriefwireError(
      'USAGE',
      `${what} must be a whole number from 1 to ${max}, written in digits (got "${text}")`,
      text,
    );
  }
  return n;
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}
