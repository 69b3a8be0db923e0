import { BriefwireError } from '../../model/errors.ts';

/**
 * When a feed is polled next. A healthy feed waits its interval plus a jitter fixed by its id
 * (so feeds added together do not fire together, and the same feed keeps the same offset);
 * a failing one backs off exponentially, capped at a day, and longer still when the server
 * asked for it with Retry-After.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The poller wakes once a minute, so a shorter interval would only pretend. */
export const MIN_EVERY_MS = MINUTE;
export const MAX_EVERY_MS = 7 * DAY;
/** Backoff never waits longer than this (a feed that comes back is noticed within a day). */
export const MAX_BACKOFF_MS = DAY;
/** A Retry-After beyond this is read as this: a hostile header cannot silence a feed for years. */
export const MAX_RETRY_AFTER_MS = 7 * DAY;
/** Jitter is up to this share of the interval. */
const JITTER_SHARE = 0.1;

const UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: MINUTE,
  min: MINUTE,
  h: HOUR,
  d: DAY,
};
const DURATION = /^(\d{1,6})\s*(s|m|min|h|d)$/i;

/**
 * "15m", "2h", "1d", "90s" → milliseconds, within [min, max]; else null. Digits only, so
 * "1e3m" or "0x10m" are not durations.
 */
export function parseDuration(text: string, min = MIN_EVERY_MS, max = MAX_EVERY_MS): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const ms = Number(m[1]) * (UNITS[m[2]!.toLowerCase()] ?? Number.NaN);
  return ms >= min && ms <= max ? ms : null;
}

/** A poll interval as typed (`--every`), or a USAGE error naming it. */
export function parseEvery(text: string, what = '--every'): number {
  const ms = parseDuration(text);
  if (ms === null) {
    throw new BriefwireError(
      'USAGE',
      `${what} must be a duration from 1m to 7d such as 15m, 2h or 1d (got "${text}")`,
      text,
    );
  }
  return ms;
}

/** 900000 → "15m", 5400000 → "90m", 86400000 → "1d". */
export function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  if (ms % MINUTE === 0) return `${ms / MINUTE}m`;
  return `${Math.round(ms / 1000)}s`;
}

/** A fraction in [0, 1) fixed by the feed id (Knuth's multiplicative hash). */
function idFraction(id: number): number {
  return (Math.imul(id, 2654435761) >>> 0) / 2 ** 32;
}

/** The jitter added to a feed's interval: the same for the same feed, up to 10% of it. */
export function jitterMs(feedId: number, everyMs: number): number {
  return Math.floor(idFraction(feedId) * everyMs * JITTER_SHARE);
}

export function nextPollAfterSuccess(feed: { id: number; everyMs: number }, now: Date): string {
  return new Date(now.getTime() + feed.everyMs + jitterMs(feed.id, feed.everyMs)).toISOString();
}

/**
 * After the `failures`-th failure in a row (1 for the first): every × 2^failures, at most a
 * day; a longer Retry-After (429/503) wins, itself capped at a week.
 */
export function nextPollAfterFailure(
  feed: { everyMs: number },
  failures: number,
  now: Date,
  retryAfterMs: number | null,
): string {
  const backoff = Math.min(feed.everyMs * 2 ** Math.min(failures, 30), MAX_BACKOFF_MS);
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return new Date(now.getTime() + Math.max(backoff, asked)).toISOString();
}
