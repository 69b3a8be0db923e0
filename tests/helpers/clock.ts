import type { Clock, Ticker } from '../../src/schedule/clock.ts';

/** A minute timer that never fires: the tests call runDue themselves when they move the clock. */
export const neverTicks = (): Ticker => ({ stop: async () => {} });

/** A clock that stands still until the test moves it; sleeping returns at once. */
export function fakeClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    sleep: async () => {},
    everyMinute: neverTicks,
    advance: (ms) => {
      now += ms;
    },
  };
}
