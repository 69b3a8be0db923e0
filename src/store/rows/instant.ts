import { BriefwireError } from '../../model/errors.ts';

/**
 * An ISO time as a UTC instant with milliseconds (the form sort_at and the feeds' times are
 * stored in), so string comparison is time comparison whatever offset or precision the caller
 * wrote; null when it is not a time.
 */
export function toInstant(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * toInstant for a time the caller had to give (a query bound, a poll time): one that is not a
 * time is the caller's mistake, a USAGE error naming `what`.
 */
export function requireInstant(value: string, what: string): string {
  const instant = toInstant(value);
  if (instant === null) {
    throw new BriefwireError('USAGE', `${what} is not a valid time: ${value}`, value);
  }
  return instant;
}

/** The instant a day before an ISO instant: how long handled chat events are remembered. */
export function dayBefore(instant: string): string {
  return new Date(Date.parse(instant) - 86_400_000).toISOString();
}
