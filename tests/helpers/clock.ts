import type { Clock } from '../../src/schedule/clock.ts';

/** A clock that stands still until the test moves it; sleeping returns at once. */
export function fakeClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    sleep: async () => {},
    advance: (ms) => {
      now += ms;
    },
  };
}
