import { LogLevel as BoltLevel, type Logger } from '@slack/bolt';
import type { LogLevel } from '../../model/log-level.ts';

/**
 * Bolt's and the Web API client's logs, sent to our log sink at our LOG_LEVEL. The level is
 * ours: Bolt's setLevel calls (it sets INFO on any logger it is given) are ignored.
 */
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export function boltLogger(level: LogLevel, log: (message: string) => void): Logger {
  let name = 'slack';
  const at =
    (l: Exclude<LogLevel, 'silent'>) =>
    (...msg: unknown[]): void => {
      if (RANK[l] < RANK[level]) return;
      log(`${name} ${l}: ${msg.map((m) => (typeof m === 'string' ? m : inspect(m))).join(' ')}`);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {},
    getLevel: () => boltLevel(level),
    setName: (n: string) => {
      name = n;
    },
  };
}

export function boltLevel(level: LogLevel): BoltLevel {
  if (level === 'debug') return BoltLevel.DEBUG;
  if (level === 'info') return BoltLevel.INFO;
  if (level === 'warn') return BoltLevel.WARN;
  return BoltLevel.ERROR;
}

function inspect(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
