/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week) with
 * standard Vixie semantics, parsed into explicit value sets so the schedule code
 * can walk calendar days instead of minutes. This is Briefwire's only cron parser:
 * node-cron is just the minute timer (docs/adr/0003-cron-engine.md says why).
 */
import { BriefwireError } from '../model/errors.ts';

export interface CronField {
  /** Allowed values, ascending and unique; day-of-week uses 0–6 with Sunday = 0. */
  readonly values: readonly number[];
  /** Written as `*` or `*\/n`: such a field does not count as restricted in the day rule. */
  readonly star: boolean;
  /** The n of a `*\/n` field (1 for a plain `*` and for every other field). */
  readonly step: number;
}

export interface CronFields {
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
}

interface FieldRule {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Three-letter names, the first meaning `min` (months) or 0 (days). */
  readonly names?: readonly string[];
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const RULES = {
  minute: { label: 'minute', min: 0, max: 59 },
  hour: { label: 'hour', min: 0, max: 23 },
  dayOfMonth: { label: 'day-of-month', min: 1, max: 31 },
  month: { label: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 7 is accepted as a second spelling of Sunday and folded to 0.
  dayOfWeek: { label: 'day-of-week', min: 0, max: 7, names: DAY_NAMES },
} as const satisfies Record<keyof CronFields, FieldRule>;

const FIELD_ORDER = ['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;

/** Longest month length, February counted as 29 so 29 Feb stays possible. */
const MAX_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

class Problem extends Error {}

export function parseCron(expr: string): CronFields {
  const text = expr.trim().split(/\s+/).join(' ');
  try {
    return parseFields(text);
  } catch (e) {
    if (e instanceof Problem) {
      throw new BriefwireError('USAGE', `cron expression "${text}": ${e.message}`, expr);
    }
    throw e;
  }
}

function parseFields(text: string): CronFields {
  const parts = text === '' ? [] : text.split(' ');
  if (parts.length === 6) {
    throw new Problem(
      'six fields (with seconds) are not supported; digests are scheduled per minute',
    );
  }
  if (parts.length !== 5) {
    throw new Problem(
      `expected five fields (minute hour day-of-month month day-of-week), got ${parts.length}`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = FIELD_ORDER.map((key, i) =>
    parseField(parts[i] ?? '', RULES[key]),
  ) as [CronField, CronField, CronField, CronField, CronField];
  // Such a schedule would never fire; better to say so than to wait forever. Only a restricted
  // day-of-month with an unrestricted day-of-week can: a restricted day-of-week fires on its
  // weekdays anyway (Vixie's either-day rule), and a `*` or `*/n` day-of-month includes the 1st.
  if (!dayOfMonth.star && dayOfWeek.star) {
    const possible = month.values.some((m) => dayOfMonth.values.some((d) => d <= MAX_DAYS[m]!));
    if (!possible) {
      throw new Problem(
        `day-of-month "${parts[2]}" never occurs in month "${parts[3]}", so it would never fire`,
      );
    }
  }
  return { minute, hour, dayOfMonth, month, dayOfWeek };
}

function parseField(text: string, rule: FieldRule): CronField {
  const items = text.split(',');
  if (items.some((item) => item === '')) {
    throw new Problem(`${rule.label} "${text}" has an empty list item`);
  }
  if (items.some((item) => item.startsWith('*'))) {
    // A lone `*` keeps the Vixie "unrestricted" meaning only when it stands alone.
    const m = /^\*(?:\/(\d+))?$/.exec(text);
    if (!m) throw new Problem(`${rule.label} "${text}": "*" must stand alone or as "*/n"`);
    const step = m[1] === undefined ? 1 : parseStep(m[1], text, rule);
    const high = rule === RULES.dayOfWeek ? 6 : rule.max;
    return { values: stepped(rule.min, high, step), star: true, step };
  }
  const values = new Set<number>();
  for (const item of items) {
    const m = /^([a-z0-9]+)(?:-([a-z0-9]+))?(?:\/([a-z0-9]+))?$/i.exec(item);
    if (!m) throw new Problem(`${rule.label} "${item}" is not a value, range or step`);
    const low = parseValue(m[1]!, rule, false);
    const step = m[3] === undefined ? 1 : parseStep(m[3], item, rule);
    // `a/n` runs from a to the end of the field, as in cronie.
    const high =
      m[2] !== undefined ? parseValue(m[2], rule, low > 0) : m[3] !== undefined ? rule.max : low;
    if (low > high) {
      throw new Problem(`${rule.label} range "${item}" runs backwards`);
    }
    for (const v of stepped(low, high, step))
      values.add(rule === RULES.dayOfWeek && v === 7 ? 0 : v);
  }
  return { values: [...values].sort((a, b) => a - b), star: false, step: 1 };
}

function parseValue(token: string, rule: FieldRule, rangeEnd: boolean): number {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    if (n < rule.min || n > rule.max) {
      throw new Problem(`${rule.label} ${token} is out of range ${rule.min}–${rule.max}`);
    }
    return n;
  }
  const index = rule.names?.indexOf(token.toLowerCase()) ?? -1;
  if (index < 0) {
    const hint = rule.names
      ? `; use ${rule.min}–${rule.max} or ${rule.names[0]}–${rule.names.at(-1)}`
      : '';
    throw new Problem(`unknown ${rule.label} "${token}"${hint}`);
  }
  if (rule === RULES.dayOfWeek) {
    // Let "fri-sun" mean Friday to Sunday rather than a backwards range.
    return index === 0 && rangeEnd ? 7 : index;
  }
  return index + rule.min;
}

function parseStep(token: string, item: string, rule: FieldRule): number {
  const n = /^\d+$/.test(token) ? Number(token) : 0;
  if (n < 1)
    throw new Problem(`${rule.label} "${item}": the step must be a whole number of at least 1`);
  return n;
}

function stepped(low: number, high: number, step: number): number[] {
  const out: number[] = [];
  for (let v = low; v <= high; v += step) out.push(v);
  return out;
}

/** Writes fields back in a plain canonical form: `*`, `*\/n`, or lists and ranges of numbers. */
export function formatCron(fields: CronFields): string {
  return FIELD_ORDER.map((key) => formatField(fields[key])).join(' ');
}

function formatField(field: CronField): string {
  if (field.star) return field.step === 1 ? '*' : `*/${field.step}`;
  const parts: string[] = [];
  const vs = field.values;
  let i = 0;
  while (i < vs.length) {
    let j = i;
    while (j + 1 < vs.length && vs[j + 1] === vs[j]! + 1) j++;
    // Runs of three or more read better as ranges; pairs stay as lists.
    if (j - i >= 2) parts.push(`${vs[i]}-${vs[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(vs[k]));
    i = j + 1;
  }
  return parts.join(',');
}

/** Days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * Whether a calendar day matches. `weekday` is 0–6 with Sunday = 0. When both
 * day fields are restricted (neither written with `*`), either may match (Vixie).
 */
export function matchesDay(
  fields: CronFields,
  year: number,
  month: number,
  day: number,
  weekday: number,
): boolean {
  if (day < 1 || day > daysInMonth(year, month)) return false;
  if (!fields.month.values.includes(month)) return false;
  const byDate = fields.dayOfMonth.values.includes(day);
  const byWeekday = fields.dayOfWeek.values.includes(weekday);
  if (!fields.dayOfMonth.star && !fields.dayOfWeek.star) return byDate || byWeekday;
  return byDate && byWeekday;
}

/** Every [hour, minute] the expression fires at on a matching day, ascending. */
export function timesOfDay(fields: CronFields): Array<[number, number]> {
  return fields.hour.values.flatMap((h) =>
    fields.minute.values.map((m): [number, number] => [h, m]),
  );
}
