/**
 * Digest schedules as people write them: "daily 08:00", "weekdays 07:30", or a
 * five-field cron expression. Each becomes one canonical cron expression, read by
 * our one cron parser (cron.ts); see docs/adr/0003-cron-engine.md.
 */
import { BriefwireError, isBriefwireError } from '../model/errors.ts';
import { formatCron, parseCron } from './cron.ts';

export interface ScheduleSpec {
  /** Canonical spelling: "daily 08:00", "weekdays 07:30", or the cron expression single-spaced. */
  text: string;
  /** The same schedule as five cron fields in canonical form (formatCron in cron.ts). */
  cron: string;
  /** For people: "every day at 08:00", "weekdays at 07:30", "cron 0 9 * * 1". */
  description: string;
}

const ACCEPTED =
  'A schedule is "daily HH:MM", "weekdays HH:MM" (Monday to Friday), both on a 24-hour clock, ' +
  'or a five-field cron expression: minute hour day-of-month month day-of-week.';

const SHORTHAND = /^(daily|weekdays)(?:\s+(.*))?$/i;
const TIME = /^(\d{1,2}):(\d{2})$/;

function usage(input: string, problem: string, cause?: unknown): BriefwireError {
  return new BriefwireError(
    'USAGE',
    `${problem} ${ACCEPTED}`,
    input,
    cause === undefined ? undefined : { cause },
  );
}

export function parseSchedule(input: string): ScheduleSpec {
  const text = input.trim().split(/\s+/).join(' ');
  if (text === '') throw usage(input, 'The schedule is empty.');

  const shorthand = SHORTHAND.exec(text);
  if (shorthand) return parseShorthand(input, shorthand[1]!.toLowerCase(), shorthand[2] ?? '');

  const fieldCount = text.split(' ').length;
  if (fieldCount === 6) {
    throw usage(
      input,
      `Schedule "${text}" has six fields; expressions with seconds are not supported because digests are scheduled per minute.`,
    );
  }
  if (fieldCount !== 5) throw usage(input, `"${text}" is not a schedule.`);

  let expr: string;
  try {
    expr = formatCron(parseCron(text));
  } catch (e) {
    if (isBriefwireError(e)) throw usage(input, `Invalid ${e.message}.`, e);
    throw e;
  }
  return { text, cron: expr, description: `cron ${text}` };
}

function parseShorthand(input: string, kind: string, time: string): ScheduleSpec {
  const m = TIME.exec(time);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) {
    const shown = time === '' ? `"${kind}" needs a time` : `"${time}" is not a time of day`;
    throw usage(input, `Schedule "${input.trim()}": ${shown}; write HH:MM from 00:00 to 23:59.`);
  }
  const hhmm = `${String(hour).padStart(2, '0')}:${m[2]}`;
  const daily = kind === 'daily';
  const expr = `${minute} ${hour} * * ${daily ? '*' : '1-5'}`;
  return {
    text: `${kind} ${hhmm}`,
    cron: expr,
    description: daily ? `every day at ${hhmm}` : `weekdays at ${hhmm}`,
  };
}
