import { fileURLToPath } from 'node:url';
import { BriefwireError } from './errors.ts';

/**
 * The one reader of process.env. Every variable is validated here; an error names the
 * variable and says what it should look like.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  /** A SQLite file path or a postgres:// URL. */
  db: string;
  /** Folder of topic definitions. */
  topicsDir: string;
  /** IANA zone for digests when a subscription names none. */
  timezone: string;
  logLevel: LogLevel;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_DB = './data/briefwire.db';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** The topics shipped with the code, found next to it rather than in the working directory. */
export const BUILTIN_TOPICS_DIR = fileURLToPath(new URL('../briefings/', import.meta.url));

function invalid(variable: string, message: string): BriefwireError {
  return new BriefwireError('CONFIG_INVALID', `${variable}: ${message}`, variable);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: Env, overrides: { db?: string } = {}): Config {
  const pick = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const databaseUrl = pick('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw invalid(
      'DATABASE_URL',
      `must be a postgres:// URL (got "${databaseUrl}"); for SQLite set BRIEFWIRE_DB to a file path`,
    );
  }
  const db = overrides.db ?? pick('BRIEFWIRE_DB') ?? databaseUrl ?? DEFAULT_DB;

  const timezone = pick('BRIEFWIRE_TIMEZONE') ?? 'UTC';
  if (!isValidTimeZone(timezone))
    throw invalid(
      'BRIEFWIRE_TIMEZONE',
      `"${timezone}" is not an IANA time zone such as Europe/London`,
    );

  const logLevel = (pick('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel))
    throw invalid('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  return {
    db,
    topicsDir: pick('BRIEFWIRE_TOPICS_DIR') ?? BUILTIN_TOPICS_DIR,
    timezone,
    logLevel: logLevel as LogLevel,
  };
}
