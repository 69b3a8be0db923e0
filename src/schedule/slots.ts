/**
 * The instants at which a schedule fires in a time zone. Walks local calendar
 * days (never minutes) and turns each matching wall time into exactly one
 * instant: skipped wall times move past the gap, repeated ones fire once, early.
 */

import { instantOf, utcMs, wallClockOf } from '../time/zoned.ts';
import { type CronFields, daysInMonth, matchesDay, parseCron, timesOfDay } from './cron.ts';
import type { ScheduleSpec } from './spec.ts';

const DAY_MS = 86_400_000;
/**
 * How far nextSlot looks, in months: the Gregorian calendar repeats every 400 years (146097
 * days, a whole number of weeks), so a schedule with no slot in that span has none at all.
 * The walk skips months the schedule leaves out and tests each day with arithmetic alone, so
 * the rarest possible schedule (29 February, up to eight years off: 2096 → 2104) is quick.
 */
const CALENDAR_CYCLE_MONTHS = 400 * 12;
/**
 * A day's slot can land on the next local date (a gap at midnight pushes 23:30
 * past it) and, where clocks fell back across midnight, local dates briefly run
 * backwards; two days of margin cover both.
 */
const MARGIN_DAYS = 2;

interface Plan {
  fields: CronFields;
  times: Array<[number, number]>;
}

function planOf(spec: ScheduleSpec): Plan {
  const fields = parseCron(spec.cron);
  return { fields, times: timesOfDay(fields) };
}

/** The local calendar date of an instant, as the UTC midnight of that date. */
function localDay(ms: number, tz: string): number {
  const w = wallClockOf(new Date(ms), tz);
  return utcMs(w.year, w.month, w.day);
}

/** The slot instants (epoch ms) of one local date; empty when the date does not match. */
function slotsOfDay(plan: Plan, tz: string, dayMs: number): number[] {
  const d = new Date(dayMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (!matchesDay(plan.fields, year, month, day, d.getUTCDay())) return [];
  return plan.times.map(([hour, minute]) =>
    instantOf({ year, month, day, hour, minute }, tz).getTime(),
  );
}

function ascendingUnique(ms: Iterable<number>): Date[] {
  // Two wall times can meet at one instant (02:30 shifted onto a real 03:30).
  return [...new Set(ms)].sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * Every slot t with after < t ≤ upTo, ascending. With `limit`, only the last
 * `limit` of them, found by walking back from `upTo` so a long downtime costs
 * no more than the slots wanted.
 */
export function slotsBetween(
  spec: ScheduleSpec,
  tz: string,
  after: Date,
  upTo: Date,
  limit?: number,
): Date[] {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`limit must be a whole number of at least 0, got ${limit}`);
  }
  const from = after.getTime();
  const to = upTo.getTime();
  if (!(from < to) || limit === 0) return [];
  const plan = planOf(spec);
  const firstDay = localDay(from, tz) - DAY_MS;
  const lastDay = localDay(to, tz);
  const found: number[] = [];
  const keep = (t: number) => {
    if (t > from && t <= to) found.push(t);
  };

  if (limit === undefined) {
    for (let day = firstDay; day <= lastDay; day += DAY_MS) slotsOfDay(plan, tz, day).forEach(keep);
    return ascendingUnique(found);
  }

  let stopAt = firstDay;
  for (let day = lastDay; day >= stopAt; day -= DAY_MS) {
    slotsOfDay(plan, tz, day).forEach(keep);
    if (found.length >= limit && stopAt === firstDay) {
      stopAt = Math.max(firstDay, day - MARGIN_DAYS * DAY_MS);
    }
  }
  return ascendingUnique(found).slice(-limit);
}

/** The first slot strictly after `after`; null only for a schedule that never fires. */
export function nextSlot(spec: ScheduleSpec, tz: string, after: Date): Date | null {
  const from = after.getTime();
  const plan = planOf(spec);
  let best: number | undefined;
  let lastDay = Number.POSITIVE_INFINITY;
  for (const day of matchingDays(plan.fields, localDay(from, tz) - DAY_MS)) {
    if (day > lastDay) break;
    for (const t of slotsOfDay(plan, tz, day)) {
      if (t > from && (best === undefined || t < best)) best = t;
    }
    // Only dates within the margin of the first find can still hold an earlier slot.
    if (best !== undefined && lastDay === Number.POSITIVE_INFINITY) {
      lastDay = day + MARGIN_DAYS * DAY_MS;
    }
  }
  return best === undefined ? null : new Date(best);
}

/** The local dates (as UTC midnights) from `firstDay` on that the schedule fires on, for one calendar cycle. */
function* matchingDays(fields: CronFields, firstDay: number): Generator<number> {
  const start = new Date(firstDay);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  let day = start.getUTCDate();
  for (let months = 0; months <= CALENDAR_CYCLE_MONTHS; months++) {
    if (fields.month.values.includes(month)) {
      for (const last = daysInMonth(year, month); day <= last; day++) {
        const ms = utcMs(year, month, day);
        if (matchesDay(fields, year, month, day, new Date(ms).getUTCDay())) yield ms;
      }
    }
    day = 1;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

/** "2026-03-29T07:00Z": the slot in UTC to the minute, for ledger keys. */
export function slotKeyTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 16)}Z`;
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "Sun 29 Mar 2026, 08:00 (Europe/London)", built by hand so the host locale cannot change it. */
export function slotLabel(instant: Date, tz: string): string {
  const w = wallClockOf(instant, tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAY_NAMES[w.weekday]} ${w.day} ${MONTH_NAMES[w.month - 1]} ${w.year}, ${pad(w.hour)}:${pad(w.minute)} (${tz})`;
}
