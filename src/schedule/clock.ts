import cron from 'node-cron';

/** A repeating wake-up that can be stopped. */
export interface Ticker {
  stop(): Promise<void>;
}

/** Time as the scheduler and the feed poller see it: injected in tests, the system clock otherwise. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Calls `fn` at the start of every minute of this clock's time, until stopped. */
  everyMinute(fn: () => void): Ticker;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  everyMinute(fn) {
    // node-cron is the minute timer (ADR 0003); a fixed expression in no time zone, since
    // every zone's minutes start at the same instants.
    const task = cron.schedule('0 * * * * *', fn);
    return { stop: async () => void (await task.destroy()) };
  },
};

/** A clock that shows `start` at the real instant `anchorMs` and runs `speed` times as fast. */
export interface ScaledClockSetting {
  start: Date;
  speed: number;
  anchorMs: number;
}

const MINUTE = 60_000;

/**
 * A clock for rehearsals and tests (BRIEFWIRE_CLOCK): days of digest slots and feed polls pass
 * in minutes. Processes given the same setting agree on the time, so replicas can share one.
 */
export function scaledClock(setting: ScaledClockSetting): Clock {
  const { speed, anchorMs } = setting;
  const startMs = setting.start.getTime();
  const nowMs = (): number => startMs + (Date.now() - anchorMs) * speed;
  return {
    now: () => new Date(nowMs()),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / speed)),
    everyMinute(fn) {
      let timer: NodeJS.Timeout | null = null;
      let stopped = false;
      const arm = (): void => {
        if (stopped) return;
        const now = nowMs();
        const next = now - (((now % MINUTE) + MINUTE) % MINUTE) + MINUTE;
        wait(next);
      };
      // A timer can fire a hair before the real instant it was set for: the minute has not
      // begun, so wait out the rest rather than wake in the minute before.
      const wait = (boundary: number): void => {
        timer = setTimeout(
          () => {
            if (stopped) return;
            if (nowMs() < boundary) return wait(boundary);
            fn();
            arm();
          },
          // At least a millisecond of real time, so a fast clock cannot spin.
          Math.max(1, Math.ceil((boundary - nowMs()) / speed)),
        );
      };
      arm();
      return {
        stop: async () => {
          stopped = true;
          if (timer) clearTimeout(timer);
        },
      };
    },
  };
}
