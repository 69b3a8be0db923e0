/**
 * Wall clock ↔ instant in an IANA time zone, using only Intl.DateTimeFormat
 * (no Temporal in Node 20, no time-zone library).
 */
import { BriefwireError } from '../model/errors.ts';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface WallClock extends WallTime {
  /** 0–6, Sunday = 0. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Building a DateTimeFormat is far slower than using one, and slot walks call this a lot.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  const cached = formatters.get(tz);
  if (cached) return cached;
  let made: Intl.DateTimeFormat;
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (e) {
    throw new BriefwireError(
      'USAGE',
      `unknown time zone "${tz}": use an IANA name such as Europe/London or America/New_York`,
      tz,
      { cause: e },
    );
  }
  formatters.set(tz, made);
  return made;
}

interface Fields extends WallTime {
  second: number;
}

function fieldsAt(ms: number, tz: string): Fields {
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  const out: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(tz).formatToParts(ms)) {
    if (part.type in out) out[part.type as keyof Fields] = Number(part.value);
  }
  return out;
}

/** Milliseconds of a civil date-time read as UTC; setUTCFullYear keeps years 0–99 literal. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** Local minus UTC, in milliseconds (exact even for historical offsets with seconds). */
function offsetMs(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const f = fieldsAt(whole, tz);
  return utcMs(f.year, f.month, f.day, f.hour, f.minute, f.second) - whole;
}

export function offsetMinutes(instant: Date, tz: string): number {
  return Math.round(offsetMs(instant.getTime(), tz) / MINUTE_MS);
}

export function wallClockOf(instant: Date, tz: string): WallClock {
  const { year, month, day, hour, minute } = fieldsAt(instant.getTime(), tz);
  const weekday = new Date(utcMs(year, month, day)).getUTCDay();
  return { year, month, day, hour, minute, weekday };
}

/**
 * The instant a wall time names, with Temporal's "compatible" disambiguation:
 * a repeated wall time gives the earlier instant; a skipped one is read with the
 * offset in force before the change, which lands it as far past the gap as it was
 * into it (02:30 in a one-hour gap → 03:30).
 */
export function instantOf(wall: WallTime, tz: string): Date {
  const local = utcMs(wall.year, wall.month, wall.day, wall.hour, wall.minute);
  // Offsets a day either side cover any single transition near this wall time.
  const before = offsetMs(local - DAY_MS, tz);
  const after = offsetMs(local + DAY_MS, tz);
  let earliest: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = local - offset;
    if (offsetMs(candidate, tz) === offset && (earliest === undefined || candidate < earliest)) {
      earliest = candidate;
    }
  }
  return new Date(earliest ?? local - before);
}

/** True for a zone the runtime's Intl knows (IANA names such as Europe/London, and UTC). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
