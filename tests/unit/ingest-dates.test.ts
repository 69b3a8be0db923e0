import { describe, expect, it } from 'vitest';
import { parseDate, parseDateLine } from '../../src/ingest/dates.ts';

describe('parseDateLine', () => {
  it.each([
    ['March 3, 2021 at 9:05 am', '2021-03-03T09:05:00.000Z'],
    ['March 3, 2021 at 9:05 pm', '2021-03-03T21:05:00.000Z'],
    ['12 June 2019', '2019-06-12T00:00:00.000Z'],
    ['2020-02-29', '2020-02-29T00:00:00.000Z'],
    ['Jan. 5, 2023 07:45 GMT', '2023-01-05T07:45:00.000Z'],
    ['Published: 21st Aug 2018, 12am', '2018-08-21T00:00:00.000Z'],
    ['Wednesday 9 October 2024 16.10 BST', '2024-10-09T15:10:00.000Z'],
    ['Sat, 04 May 2024 10:00:00 +0200', '2024-05-04T08:00:00.000Z'],
    ['2021-07-01T10:00:00-04:00', '2021-07-01T14:00:00.000Z'],
    ['2021-07-01T10:00', '2021-07-01T10:00:00.000Z'],
    ['25/12/2020', '2020-12-25T00:00:00.000Z'],
    ['Sept. 30, 2015', '2015-09-30T00:00:00.000Z'],
  ])('reads %j', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it('resolves ET to EST or EDT by the date', () => {
    // Before and after the US daylight-saving switch (second Sunday of March).
    expect(parseDateLine('Updated 11:30 AM ET, Fri March 4, 2022')).toBe(
      '2022-03-04T16:30:00.000Z',
    );
    expect(parseDateLine('Updated 11:30 AM ET, Fri March 18, 2022')).toBe(
      '2022-03-18T15:30:00.000Z',
    );
    expect(parseDateLine('Updated 8:15 PM PT, Mon Aug 1, 2022')).toBe('2022-08-02T03:15:00.000Z');
  });

  it.each([
    ['a sentence that mentions a date', 'The vote took place on 12 June 2019 in the end.'],
    ['an ambiguous numeric date', '04/05/2021'],
    ['an impossible day', '31 April 2021'],
    ['a time alone', '7 p.m.'],
    ['a month and year without a day', 'June 2019'],
    ['two candidate days', '3 4 June 2019'],
    ['an empty line', '   '],
  ])('returns null for %s', (_what, line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('parseDate', () => {
  it('accepts epoch seconds and milliseconds', () => {
    expect(parseDate(1_600_000_000)).toBe('2020-09-13T12:26:40.000Z');
    expect(parseDate(1_600_000_000_000)).toBe('2020-09-13T12:26:40.000Z');
  });

  it('returns null for values that are not dates', () => {
    expect(parseDate(undefined)).toBeNull();
    expect(parseDate({})).toBeNull();
    expect(parseDate('soon')).toBeNull();
  });
});
