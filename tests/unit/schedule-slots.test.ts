import { describe, expect, it } from 'vitest';
import { nextSlot, slotKeyTime, slotLabel, slotsBetween } from '../../src/schedule/slots.ts';
import { parseSchedule } from '../../src/schedule/spec.ts';
import { instantOf, offsetMinutes, wallClockOf } from '../../src/time/zoned.ts';

const at = (iso: string) => new Date(iso);
const isos = (dates: Date[]) => dates.map((d) => d.toISOString());

function slots(schedule: string, tz: string, after: string, upTo: string, limit?: number) {
  const spec = parseSchedule(schedule);
  return limit === undefined
    ? slotsBetween(spec, tz, at(after), at(upTo))
    : slotsBetween(spec, tz, at(after), at(upTo), limit);
}

describe('zoned wall clocks', () => {
  it('reads the wall clock and offset of an instant', () => {
    expect(wallClockOf(at('2026-03-29T07:00:00Z'), 'Europe/London')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 8,
      minute: 0,
      weekday: 0,
    });
    expect(offsetMinutes(at('2026-03-29T00:59:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMinutes(at('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutes(at('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(at('2026-01-01T00:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('maps a skipped wall time past the gap and a repeated one to the earlier instant', () => {
    const wall = { year: 2026, month: 3, day: 8, hour: 2, minute: 30 };
    expect(instantOf(wall, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    const twice = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(instantOf(twice, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const plain = { year: 2026, month: 7, day: 1, hour: 12, minute: 0 };
    expect(instantOf(plain, 'Asia/Kolkata').toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });

  it('names an unknown time zone', () => {
    expect(() => wallClockOf(at('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(
      /unknown time zone "Mars\/Olympus"/,
    );
  });
});

describe('slotsBetween', () => {
  it('keeps a London 08:00 digest at 08:00 local across the spring change, once a day', () => {
    const got = slots('daily 08:00', 'Europe/London', '2026-03-27T00:00Z', '2026-03-31T00:00Z');
    expect(isos(got)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    for (const d of got) expect(wallClockOf(d, 'Europe/London')).toMatchObject({ hour: 8 });
  });

  it('keeps a London 08:00 digest at 08:00 local across the autumn change', () => {
    const got = slots('daily 08:00', 'Europe/London', '2026-10-23T12:00Z', '2026-10-27T12:00Z');
    expect(isos(got)).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
    ]);
    const days = got.map((d) => wallClockOf(d, 'Europe/London').day);
    expect(days).toEqual([24, 25, 26, 27]);
  });

  it('sends a London 01:30 digest once on the fall-back day, at the first 01:30', () => {
    const got = slots('daily 01:30', 'Europe/London', '2026-10-24T12:00Z', '2026-10-26T12:00Z');
    expect(isos(got)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('moves a New York 02:30 digest to 03:30 on the day 02:30 does not exist', () => {
    const got = slots('daily 02:30', 'America/New_York', '2026-03-06T12:00Z', '2026-03-09T12:00Z');
    expect(isos(got)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
    expect(slotLabel(got[1]!, 'America/New_York')).toBe('Sun 8 Mar 2026, 03:30 (America/New_York)');
  });

  it('sends a New York 01:30 digest once on the day 01:30 happens twice, the earlier', () => {
    const got = slots('daily 01:30', 'America/New_York', '2026-10-31T12:00Z', '2026-11-02T12:00Z');
    expect(isos(got)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('handles a half-hour offset (Kolkata) and a half-hour DST shift (Lord Howe)', () => {
    expect(
      isos(slots('daily 08:00', 'Asia/Kolkata', '2026-06-01T00:00Z', '2026-06-02T00:00Z')),
    ).toEqual(['2026-06-01T02:30:00.000Z']);
    // 4 Oct 2026: Lord Howe skips 02:00–02:30, so 02:15 is sent at 02:45 (+11:00).
    const spring = slots(
      'daily 02:15',
      'Australia/Lord_Howe',
      '2026-10-03T00:00Z',
      '2026-10-04T12:00Z',
    );
    expect(isos(spring)).toEqual(['2026-10-03T15:45:00.000Z']);
    expect(wallClockOf(spring[0]!, 'Australia/Lord_Howe')).toMatchObject({ hour: 2, minute: 45 });
    // 5 Apr 2026: 01:30–02:00 happens twice; 01:45 goes out once, at +11:00.
    const autumn = slots(
      'daily 01:45',
      'Australia/Lord_Howe',
      '2026-04-04T00:00Z',
      '2026-04-05T12:00Z',
    );
    expect(isos(autumn)).toEqual(['2026-04-04T14:45:00.000Z']);
  });

  it('applies the gap and overlap rules to every wall time of a list or step schedule', () => {
    // New York, 8 March 2026: 02:00 and 02:30 move onto 03:00 and 03:30, which fire anyway.
    const gap = slots('0,30 * * * *', 'America/New_York', '2026-03-08T06:00Z', '2026-03-08T08:00Z');
    expect(isos(gap)).toEqual([
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
    const list = slots(
      '30 2,14 * * *',
      'America/New_York',
      '2026-03-08T00:00Z',
      '2026-03-08T12:00Z',
    );
    expect(isos(list)).toEqual(['2026-03-08T07:30:00.000Z']);
    // 1 November 2026: 01:00 and 01:30 EDT fire; their repeats in EST do not.
    const overlap = slots(
      '0,30 * * * *',
      'America/New_York',
      '2026-11-01T04:45Z',
      '2026-11-01T07:15Z',
    );
    expect(isos(overlap)).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('skips Saturday and Sunday for weekdays', () => {
    // Fri 3 Apr to Tue 7 Apr 2026, London on BST.
    const got = slots('weekdays 07:30', 'Europe/London', '2026-04-03T00:00Z', '2026-04-07T23:00Z');
    expect(got.map((d) => slotLabel(d, 'Europe/London'))).toEqual([
      'Fri 3 Apr 2026, 07:30 (Europe/London)',
      'Mon 6 Apr 2026, 07:30 (Europe/London)',
      'Tue 7 Apr 2026, 07:30 (Europe/London)',
    ]);
  });

  it('fires on the 13th or on Fridays when both day fields are given', () => {
    const got = slots('0 9 13 * fri', 'UTC', '2026-04-01T00:00Z', '2026-05-01T00:00Z');
    expect(got.map((d) => d.getUTCDate())).toEqual([3, 10, 13, 17, 24]);
  });

  it('is exclusive of `after` and inclusive of `upTo`', () => {
    const got = slots('daily 08:00', 'UTC', '2026-01-01T08:00Z', '2026-01-02T08:00Z');
    expect(isos(got)).toEqual(['2026-01-02T08:00:00.000Z']);
    expect(slots('daily 08:00', 'UTC', '2026-01-02T08:00Z', '2026-01-01T08:00Z')).toEqual([]);
  });

  it('returns only the last `limit` slots after a long downtime', () => {
    const got = slots('daily 08:00', 'Europe/London', '2020-01-01T00:00Z', '2026-03-30T12:00Z', 3);
    expect(isos(got)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    const busy = slots('*/10 * * * *', 'UTC', '2026-01-01T00:00Z', '2026-01-01T01:00Z', 2);
    expect(isos(busy)).toEqual(['2026-01-01T00:50:00.000Z', '2026-01-01T01:00:00.000Z']);
    expect(slots('daily 08:00', 'UTC', '2026-01-01T00:00Z', '2026-01-03T00:00Z', 0)).toEqual([]);
    // Walking back must find the same tail as walking forward, gap day included.
    const all = slots('0,30 * * * *', 'America/New_York', '2026-03-07T00:00Z', '2026-03-08T09:00Z');
    expect(
      slots('0,30 * * * *', 'America/New_York', '2026-03-07T00:00Z', '2026-03-08T09:00Z', 7),
    ).toEqual(all.slice(-7));
    expect(slots('daily 08:00', 'UTC', '2026-01-01T00:00Z', '2026-01-03T00:00Z', 9)).toHaveLength(
      2,
    );
  });
});

describe('nextSlot', () => {
  it('goes from a Friday evening to Monday morning for weekdays', () => {
    const spec = parseSchedule('weekdays 07:30');
    const next = nextSlot(spec, 'Europe/London', at('2026-04-10T18:00:00Z'));
    expect(next?.toISOString()).toBe('2026-04-13T06:30:00.000Z');
  });

  it('is strictly after the given instant', () => {
    const spec = parseSchedule('daily 08:00');
    expect(nextSlot(spec, 'UTC', at('2026-01-01T08:00:00Z'))?.toISOString()).toBe(
      '2026-01-02T08:00:00.000Z',
    );
  });

  it('finds 29 February however far off it is (the next leap year, or 2104 after 2096)', () => {
    const spec = parseSchedule('0 0 29 2 *');
    expect(nextSlot(spec, 'UTC', at('2027-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
    expect(nextSlot(spec, 'UTC', at('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
    expect(nextSlot(spec, 'UTC', at('2096-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2104-02-29T00:00:00.000Z',
    );
  });
});

describe('slot keys and labels', () => {
  it('keys a slot by its UTC minute', () => {
    expect(slotKeyTime(at('2026-03-29T07:00:00Z'))).toBe('2026-03-29T07:00Z');
    expect(slotKeyTime(at('2026-03-29T07:00:42.5Z'))).toBe('2026-03-29T07:00Z');
  });

  it('labels a slot in local time with fixed English names', () => {
    expect(slotLabel(at('2026-03-29T07:00:00Z'), 'Europe/London')).toBe(
      'Sun 29 Mar 2026, 08:00 (Europe/London)',
    );
    expect(slotLabel(at('2026-12-31T18:35:00Z'), 'Asia/Kolkata')).toBe(
      'Fri 1 Jan 2027, 00:05 (Asia/Kolkata)',
    );
  });
});
