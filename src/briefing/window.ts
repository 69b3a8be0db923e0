import { BriefwireError } from '../model/errors.ts';

/**
 * Parses a window ("24h", "7d", "2w", "2026-11-01", "all") into an ISO start relative to `now`.
 * A date, or a date and time without a zone, is read as UTC, so the same window means the same
 * start on every host.
 */
export interface ParsedWindow {
  since: string | null;
  label: string;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const RELATIVE = /^(\d{1,4})\s*([hdw])$/;
/** YYYY-MM-DD, optionally with HH:MM[:SS[.sss]] after a T or a space, optionally ending in Z. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?z?)?$/;

export function parseWindow(value: string, now: Date): ParsedWindow {
  const v = value.trim().toLowerCase();
  if (v === 'all') return { since: null, label: 'all' };
  const rel = RELATIVE.exec(v);
  if (rel) {
    const ms = Number(rel[1]) * (UNIT_MS[rel[2]!] ?? 0);
    if (ms <= 0) throw windowError(value);
    return { since: new Date(now.getTime() - ms).toISOString(), label: v };
  }
  const at = DATE_TIME.exec(v);
  if (at) return { since: calendarInstant(value, at).toISOString(), label: v };
  throw windowError(value);
}

/** The instant a matched date names, refused when it is not on the calendar (2026-02-30, 24:00). */
function calendarInstant(value: string, at: RegExpExecArray): Date {
  const [year, month, day, hour, minute, second] = at
    .slice(1, 7)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, Math.round(Number(`0.${at[7] ?? 0}`) * 1000));
  // Date rolls 30 February over into March; reading the fields back catches it.
  const real =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  if (!real) {
    throw new BriefwireError(
      'USAGE',
      `"${value}" is not a real date and time: no such day or time on the calendar (a date such as 2026-11-01, a time such as 2026-11-01T08:30)`,
      value,
    );
  }
  return d;
}

function windowError(value: string): BriefwireError {
  return new BriefwireError(
    'USAGE',
    `"${value}" is not a time window: use 24h, 7d, 2w, a date such as 2026-11-01, or all`,
    value,
  );
}
