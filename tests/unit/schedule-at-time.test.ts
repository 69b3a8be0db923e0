import { describe, expect, it } from 'vitest';
import { atTime } from '../../src/schedule/subscribe.ts';

describe('a schedule at another time of day', () => {
  it.each([
    ['daily 08:00', '07:15', 'daily 07:15'],
    ['weekdays 07:30', '9:05', 'weekdays 09:05'],
    ['30 7 * * mon,wed', '18:00', '0 18 * * mon,wed'],
  ])('%s at %s is %s', (schedule, time, expected) => {
    expect(atTime(schedule, time)).toBe(expected);
  });

  it.each([
    ['daily 08:00', '24:00'],
    ['daily 08:00', 'noon'],
    ['*/15 * * * *', '08:00'],
    ['0 8,20 * * *', '08:00'],
  ])('%s at %s is refused', (schedule, time) => {
    expect(atTime(schedule, time)).toBeNull();
  });
});
