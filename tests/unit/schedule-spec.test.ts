import { describe, expect, it } from 'vitest';
import { BriefwireError } from '../../src/model/errors.ts';
import { matchesDay, parseCron, timesOfDay } from '../../src/schedule/cron.ts';
import { parseSchedule } from '../../src/schedule/spec.ts';

function rejection(input: string): BriefwireError {
  try {
    parseSchedule(input);
  } catch (e) {
    if (e instanceof BriefwireError) return e;
    throw e;
  }
  throw new Error(`"${input}" was accepted`);
}

describe('parseSchedule', () => {
  it('reads the daily and weekdays shorthands into canonical text, cron and description', () => {
    expect(parseSchedule('daily 08:00')).toEqual({
      text: 'daily 08:00',
      cron: '0 8 * * *',
      description: 'every day at 08:00',
    });
    expect(parseSchedule('  Weekdays   7:30 ')).toEqual({
      text: 'weekdays 07:30',
      cron: '30 7 * * 1-5',
      description: 'weekdays at 07:30',
    });
    expect(parseSchedule('daily 0:05').cron).toBe('5 0 * * *');
    expect(parseSchedule('daily 23:59').text).toBe('daily 23:59');
  });

  it('keeps a cron expression as written (single-spaced) and describes it', () => {
    expect(parseSchedule('0  9 * *   1')).toEqual({
      text: '0 9 * * 1',
      cron: '0 9 * * 1',
      description: 'cron 0 9 * * 1',
    });
  });

  it('turns names, 7 = Sunday and a/n steps into plain numbers', () => {
    const cases: Array<[string, string]> = [
      ['*/15 9-17 * * MON-fri', '*/15 9-17 * * 1-5'],
      ['0 9 * jan,Jul *', '0 9 * 1,7 *'],
      ['0 12 * * 7', '0 12 * * 0'],
      ['0 12 * * fri-sun', '0 12 * * 0,5,6'],
      ['5/20 * * * *', '5,25,45 * * * *'],
      ['0 0 1-10/3 * *', '0 0 1,4,7,10 * *'],
      ['0 0 */2 * *', '0 0 */2 * *'],
      ['0 0 29 feb *', '0 0 29 2 *'],
    ];
    for (const [input, expected] of cases) {
      const spec = parseSchedule(input);
      expect(spec.cron, input).toBe(expected);
      expect(spec.text, input).toBe(input);
      // The canonical form reads back as itself: one parser, one spelling.
      expect(parseSchedule(spec.cron).cron, spec.cron).toBe(spec.cron);
    }
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['daily 24:00', /"24:00" is not a time of day/],
    ['daily 7:60', /"7:60" is not a time of day/],
    ['weekdays 7', /"7" is not a time of day/],
    ['daily', /needs a time/],
    ['every morning', /"every morning" is not a schedule/],
    ['0 9 * * funday', /unknown day-of-week "funday"/],
    ['0 9 * smarch *', /unknown month "smarch"/],
    ['0 0 9 * * 1', /six fields/],
    ['60 * * * *', /minute 60 is out of range 0–59/],
    ['0 24 * * *', /hour 24 is out of range/],
    ['0 0 0 * *', /day-of-month 0 is out of range/],
    ['0 0 * 13 *', /month 13 is out of range/],
    ['0 0 * * 8', /day-of-week 8 is out of range/],
    ['5-1 * * * *', /runs backwards/],
    ['*/0 * * * *', /step must be/],
    ['*,5 * * * *', /must stand alone/],
    ['0 9 * * 1,', /empty list item/],
    ['0 0 30 2 *', /never occurs/],
    ['0 0 L * *', /unknown day-of-month "L"/],
    ['@daily', /not a schedule/],
  ])('rejects %j with a USAGE error naming it', (input, reason) => {
    const e = rejection(input);
    expect(e.code).toBe('USAGE');
    expect(e.input).toBe(input);
    expect(e.message).toMatch(reason);
    if (input.trim() !== '') expect(e.message).toContain(`"${input.trim()}"`);
    expect(e.message).toMatch(/daily HH:MM.*weekdays HH:MM.*five-field cron/);
  });
});

describe('cron fields', () => {
  it('matches a day when either restricted day field matches (Vixie)', () => {
    const fields = parseCron('0 9 13 * fri');
    // April 2026: the 13th is a Monday; Fridays are the 3rd, 10th, 17th and 24th.
    expect(matchesDay(fields, 2026, 4, 13, 1)).toBe(true);
    expect(matchesDay(fields, 2026, 4, 10, 5)).toBe(true);
    expect(matchesDay(fields, 2026, 4, 14, 2)).toBe(false);
  });

  it('needs both day fields when one is written with *', () => {
    const fields = parseCron('0 9 */2 * 1');
    expect(fields.dayOfMonth.star).toBe(true);
    expect(matchesDay(fields, 2026, 4, 13, 1)).toBe(true); // odd day and a Monday
    expect(matchesDay(fields, 2026, 4, 20, 1)).toBe(false); // Monday, even day
    expect(matchesDay(fields, 2026, 4, 15, 3)).toBe(false); // odd day, Wednesday
  });

  it('honours the month and the length of the month', () => {
    const fields = parseCron('0 0 29 2 *');
    expect(matchesDay(fields, 2028, 2, 29, 2)).toBe(true);
    expect(matchesDay(fields, 2027, 2, 29, 1)).toBe(false);
    expect(matchesDay(fields, 2028, 3, 29, 3)).toBe(false);
  });

  it('lists the times of day in order', () => {
    expect(timesOfDay(parseCron('15,45 18,9 * * *'))).toEqual([
      [9, 15],
      [9, 45],
      [18, 15],
      [18, 45],
    ]);
    expect(timesOfDay(parseCron('* * * * *'))).toHaveLength(1440);
  });
});
